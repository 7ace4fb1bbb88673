#pragma once
// The building blocks of the canonical text forms whose digests the audit log records: one
// "name=length:value" line per field, so that no value can be mistaken for another field.
#include <optional>
#include <string>
#include <string_view>

namespace chancery::core {

inline void Put(std::string& out, std::string_view name, std::string_view value) {
  out += name;
  out += '=';
  out += std::to_string(value.size());
  out += ':';
  out += value;
  out += '\n';
}

inline constexpr std::string_view kCanonicalNull = "\x01null";

inline std::string OrEmpty(const std::optional<std::string>& s) { return s ? *s : std::string(kCanonicalNull); }

}  // namespace chancery::core
