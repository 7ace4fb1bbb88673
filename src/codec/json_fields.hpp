#pragma once
// Reading and writing helpers the JSON shapes share (governance_json, document_json): optional
// values written as null, strict readers of whole numbers, booleans, lists and enum choices
// that name the member in their errors. Internal to codec.
#include <boost/json/object.hpp>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "codec/json_reader.hpp"
#include "codec/json_writer.hpp"
#include "core/model/decision_symbol.hpp"
#include "core/result.hpp"
#include "core/time.hpp"

namespace chancery::codec::fields {

using core::Error;

// --- writing helpers ---

// An identifier or symbol that may be unset: null rather than "".
inline JsonWriter& StringOrNull(JsonWriter& out, const std::string& v) { return v.empty() ? out.Null() : out.String(v); }
inline JsonWriter& OptionalInt(JsonWriter& out, const std::optional<std::int64_t>& v) { return v ? out.Int(*v) : out.Null(); }
inline JsonWriter& OptionalDate(JsonWriter& out, const std::optional<core::Date>& v) {
  return v ? out.String(core::FormatDate(*v)) : out.Null();
}
inline JsonWriter& OptionalInstant(JsonWriter& out, const std::optional<core::Instant>& v) {
  return v ? out.String(core::FormatInstant(*v)) : out.Null();
}
inline JsonWriter& Strings(JsonWriter& out, const std::vector<std::string>& values) {
  out.BeginArray();
  for (const auto& v : values) out.String(v);
  return out.EndArray();
}

// --- reading helpers: what ObjectReader does not cover ---

constexpr std::string_view kBodyChoices = "SOC, SWG, MM, MC, SUMMIT, CEP, TTF, EXPERTS";

inline bool Present(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && !v->is_null();
}

inline core::Result<std::optional<std::int64_t>> OptionalInteger(const boost::json::object& o, const ObjectReader& r,
                                                          std::string_view key, std::int64_t min,
                                                          std::int64_t max) {
  const auto* v = o.if_contains(key);
  if (!v || v->is_null()) return std::optional<std::int64_t>{};
  std::int64_t n = 0;
  if (v->is_int64()) {
    n = v->as_int64();
  } else if (v->is_uint64() && v->as_uint64() <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    n = static_cast<std::int64_t>(v->as_uint64());
  } else {
    return Error::InvalidArgument("must be a whole number", r.Path(key));
  }
  if (n < min || n > max) {
    return Error::InvalidArgument("must be a whole number from " + std::to_string(min) + " to " + std::to_string(max),
                                  r.Path(key));
  }
  return std::optional<std::int64_t>{n};
}

inline core::Result<std::int64_t> Integer(const boost::json::object& o, const ObjectReader& r, std::string_view key,
                                   std::int64_t min, std::int64_t max) {
  auto n = OptionalInteger(o, r, key, min, max);
  if (!n) return n.error();
  if (!*n) return Error::InvalidArgument("is required", r.Path(key));
  return **n;
}

constexpr std::int64_t kMaxId = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMaxItem = 999;

inline core::Result<bool> BoolOr(const boost::json::object& o, const ObjectReader& r, std::string_view key, bool fallback) {
  const auto* v = o.if_contains(key);
  if (!v || v->is_null()) return fallback;
  if (!v->is_bool()) return Error::InvalidArgument("must be true or false", r.Path(key));
  return v->as_bool();
}

// An array of non-empty strings; absent or null is empty unless `required`.
inline core::Result<std::vector<std::string>> StringList(const boost::json::object& o, const ObjectReader& r,
                                                  std::string_view key, bool required) {
  std::vector<std::string> out;
  if (!Present(o, key) && !required) return out;
  auto array = r.Array(key);
  if (!array) return array.error();
  for (std::size_t i = 0; i < (*array)->size(); ++i) {
    const auto& item = (**array)[i];
    if (!item.is_string() || item.as_string().empty()) {
      return Error::InvalidArgument("must be a non-empty string", r.Path(key, i));
    }
    out.emplace_back(item.as_string());
  }
  return out;
}

// Each element of an array of objects through `read(object, path)`; absent or null is empty.
template <class T, class ReadFn>
inline core::Result<std::vector<T>> ObjectList(const boost::json::object& o, const ObjectReader& r, std::string_view key,
                                        bool required, ReadFn read) {
  std::vector<T> out;
  if (!Present(o, key) && !required) return out;
  auto array = r.Array(key);
  if (!array) return array.error();
  for (std::size_t i = 0; i < (*array)->size(); ++i) {
    const auto& item = (**array)[i];
    if (!item.is_object()) return Error::InvalidArgument("must be an object", r.Path(key, i));
    core::Result<T> value = read(item.as_object(), i, r.Path(key, i));
    if (!value) return value.error();
    out.push_back(std::move(*value));
  }
  return out;
}

inline core::Result<std::optional<core::Instant>> OptionalInstant(const ObjectReader& r, std::string_view key) {
  auto s = r.OptionalString(key);
  if (!s) return s.error();
  if (!*s) return std::optional<core::Instant>{};
  auto at = core::ParseInstant(**s);
  if (!at) return Error::InvalidArgument("must be an RFC 3339 instant, e.g. 2021-03-20T18:00:00Z", r.Path(key));
  return std::optional<core::Instant>{*at};
}

// A member whose string value names one of an enum's values: `fallback` when absent (required
// when there is none).
template <class E, class ParseFn>
inline core::Result<E> Choice(const ObjectReader& r, std::string_view key, ParseFn parse, std::string_view choices,
                       std::optional<E> fallback = std::nullopt) {
  auto text = r.OptionalString(key);
  if (!text) return text.error();
  if (!*text) {
    if (fallback) return *fallback;
    return Error::InvalidArgument("is required", r.Path(key));
  }
  std::optional<E> value = parse(**text);
  if (!value) return Error::InvalidArgument("must be one of " + std::string(choices), r.Path(key));
  return *value;
}

inline core::Result<core::BodyCode> Body(const ObjectReader& r, std::string_view key,
                                  std::optional<core::BodyCode> fallback = std::nullopt) {
  return Choice<core::BodyCode>(r, key, [](std::string_view t) { return core::ParseBodyCode(t); }, kBodyChoices,
                                fallback);
}


}  // namespace chancery::codec::fields
