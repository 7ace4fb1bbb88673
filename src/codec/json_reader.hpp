#pragma once
// Strict reading of JSON objects into domain values: wrong types, unknown members and
// malformed values are kInvalidArgument errors naming the member ("names[2].from"), which the
// API turns into a 422 problem and the CLI into a one-line message.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "core/time.hpp"

namespace chancery::codec {

// Parses `text` as one JSON object. kInvalidArgument with field "" when it is not JSON or not
// an object; callers that must tell "malformed" from "invalid" check IsMalformed first.
core::Result<boost::json::object> ParseObject(std::string_view text);

class ObjectReader {
 public:
  explicit ObjectReader(const boost::json::object& object, std::string path = {})
      : object_(object), path_(std::move(path)) {}

  // Fails on the first member not in `known`.
  core::Result<void> OnlyKnown(std::initializer_list<std::string_view> known) const;

  core::Result<std::string> String(std::string_view key) const;  // required, non-empty
  core::Result<std::optional<std::string>> OptionalString(std::string_view key) const;  // absent/null → nullopt
  core::Result<std::string> StringOr(std::string_view key, std::string fallback) const;
  core::Result<core::Date> Date(std::string_view key) const;
  core::Result<std::optional<core::Date>> OptionalDate(std::string_view key) const;
  core::Result<const boost::json::array*> Array(std::string_view key) const;  // required
  core::Result<const boost::json::object*> Object(std::string_view key) const;  // required

  // "names[2]" below this reader's path, for readers of nested objects.
  std::string Path(std::string_view key) const;
  std::string Path(std::string_view key, std::size_t index) const;

 private:
  const boost::json::value* Find(std::string_view key) const;

  const boost::json::object& object_;
  std::string path_;
};

}  // namespace chancery::codec
