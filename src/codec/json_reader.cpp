#include "codec/json_reader.hpp"

#include <boost/json/parse.hpp>

namespace chancery::codec {

using core::Error;

core::Result<boost::json::object> ParseObject(std::string_view text) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(text, ec);
  if (ec) return Error::InvalidArgument("body is not valid JSON: " + ec.message());
  if (!v.is_object()) return Error::InvalidArgument("body must be a JSON object");
  return std::move(v.as_object());
}

std::string ObjectReader::Path(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

std::string ObjectReader::Path(std::string_view key, std::size_t index) const {
  return Path(key) + "[" + std::to_string(index) + "]";
}

const boost::json::value* ObjectReader::Find(std::string_view key) const { return object_.if_contains(key); }

core::Result<void> ObjectReader::OnlyKnown(std::initializer_list<std::string_view> known) const {
  for (const auto& member : object_) {
    bool ok = false;
    for (auto k : known) ok = ok || member.key() == k;
    if (!ok) return Error::InvalidArgument("unknown member '" + std::string(member.key()) + "'", Path(member.key()));
  }
  return core::Ok();
}

core::Result<std::string> ObjectReader::String(std::string_view key) const {
  const auto* v = Find(key);
  if (!v || v->is_null()) return Error::InvalidArgument("is required", Path(key));
  if (!v->is_string()) return Error::InvalidArgument("must be a string", Path(key));
  if (v->as_string().empty()) return Error::InvalidArgument("must not be empty", Path(key));
  return std::string(v->as_string());
}

core::Result<std::optional<std::string>> ObjectReader::OptionalString(std::string_view key) const {
  const auto* v = Find(key);
  if (!v || v->is_null()) return std::optional<std::string>{};
  if (!v->is_string()) return Error::InvalidArgument("must be a string or null", Path(key));
  return std::optional<std::string>{std::string(v->as_string())};
}

core::Result<std::string> ObjectReader::StringOr(std::string_view key, std::string fallback) const {
  auto s = OptionalString(key);
  if (!s) return s.error();
  return s->value_or(std::move(fallback));
}

core::Result<core::Date> ObjectReader::Date(std::string_view key) const {
  auto s = String(key);
  if (!s) return s.error();
  auto d = core::ParseDate(*s);
  if (!d) return Error::InvalidArgument("must be a date YYYY-MM-DD", Path(key));
  return *d;
}

core::Result<std::optional<core::Date>> ObjectReader::OptionalDate(std::string_view key) const {
  auto s = OptionalString(key);
  if (!s) return s.error();
  if (!*s) return std::optional<core::Date>{};
  auto d = core::ParseDate(**s);
  if (!d) return Error::InvalidArgument("must be a date YYYY-MM-DD or null", Path(key));
  return std::optional<core::Date>{*d};
}

core::Result<const boost::json::array*> ObjectReader::Array(std::string_view key) const {
  const auto* v = Find(key);
  if (!v || v->is_null()) return Error::InvalidArgument("is required", Path(key));
  if (!v->is_array()) return Error::InvalidArgument("must be an array", Path(key));
  return &v->as_array();
}

core::Result<const boost::json::object*> ObjectReader::Object(std::string_view key) const {
  const auto* v = Find(key);
  if (!v || v->is_null()) return Error::InvalidArgument("is required", Path(key));
  if (!v->is_object()) return Error::InvalidArgument("must be an object", Path(key));
  return &v->as_object();
}

}  // namespace chancery::codec
