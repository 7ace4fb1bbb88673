#pragma once
// Writes JSON text straight into a string, for responses on hot paths: building a
// boost::json DOM first cost ~5 µs per participant, most of it allocation. Commas are placed
// automatically; the caller keeps objects and arrays balanced.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace chancery::codec {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);  // inside an object, before each value
  JsonWriter& String(std::string_view value);
  JsonWriter& Int(std::int64_t value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();

 private:
  void BeforeValue();
  void Quoted(std::string_view text);

  std::string& out_;
  std::vector<bool> first_;  // per open container: no element written yet
  bool after_key_ = false;
};

}  // namespace chancery::codec
