#include "api/call.hpp"

#include <boost/json/serialize.hpp>
#include <charconv>

#include "api/problem.hpp"
#include "codec/json_reader.hpp"

namespace chancery::api {

Response Json(int status, const boost::json::value& body) {
  Response r;
  r.status = status;
  r.body = boost::json::serialize(body);
  r.With("Content-Type", "application/json");
  return r;
}

Response JsonText(int status, std::string body) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  r.With("Content-Type", "application/json");
  return r;
}

Response NoContent() {
  Response r;
  r.status = 204;
  return r;
}

std::optional<Response> RejectUnknownQuery(const Call& call, std::initializer_list<std::string_view> known) {
  for (const auto& [k, v] : call.query) {
    bool ok = false;
    for (auto name : known) ok = ok || k == name;
    if (!ok) return Problem(problems::kInvalidQuery, "unknown query parameter '" + k + "'", k);
  }
  return std::nullopt;
}

std::optional<Response> ReadIntQuery(const Call& call, std::string_view name, std::int64_t fallback,
                                     std::int64_t min, std::int64_t max, std::int64_t& out) {
  out = fallback;
  auto text = call.Query(name);
  if (!text) return std::nullopt;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), out);
  if (ec != std::errc() || end != text->data() + text->size() || out < min || out > max) {
    return Problem(problems::kInvalidQuery,
                   std::string(name) + " must be a whole number from " + std::to_string(min) + " to " + std::to_string(max),
                   name);
  }
  return std::nullopt;
}

std::optional<Response> ReadJsonBody(const Call& call, boost::json::object& out) {
  auto type = call.request.HeaderValue("Content-Type");
  constexpr std::string_view kJson = "application/json";
  if (!type || type->substr(0, kJson.size()) != kJson ||
      (type->size() > kJson.size() && (*type)[kJson.size()] != ';')) {
    return Problem(problems::kUnsupportedMediaType, "send the body as application/json");
  }
  auto parsed = codec::ParseObject(call.request.body);
  if (!parsed) return Problem(problems::kInvalidJson, parsed.error().message);
  out = std::move(*parsed);
  return std::nullopt;
}

std::optional<Response> ReadDateQuery(const Call& call, std::string_view name, std::optional<core::Date>& out) {
  auto text = call.Query(name);
  if (!text) return std::nullopt;
  out = core::ParseDate(*text);
  if (!out) return Problem(problems::kInvalidQuery, std::string(name) + " must be a date YYYY-MM-DD", name);
  return std::nullopt;
}

std::optional<Response> ReadBodyQuery(const Call& call, std::string_view name, std::optional<core::BodyCode>& out) {
  auto text = call.Query(name);
  if (!text) return std::nullopt;
  out = core::ParseBodyCode(*text);
  if (!out) {
    return Problem(problems::kInvalidQuery,
                   std::string(name) + " must be a body code: SOC, SWG, MM, MC, SUMMIT, CEP, TTF or EXPERTS", name);
  }
  return std::nullopt;
}

std::optional<Response> ReadMeetingId(const Call& call, std::int64_t& id) {
  auto value = PathInt(call, "id");
  if (!value) return Problem(problems::kNotFound, "meeting not found");
  id = *value;
  return std::nullopt;
}

std::optional<Response> ReadItemNumber(const Call& call, int& item) {
  auto value = PathInt(call, "n");
  if (!value || *value < 1 || *value > 999) return Problem(problems::kNotFound, "agenda item not found");
  item = static_cast<int>(*value);
  return std::nullopt;
}

std::optional<Response> ReadIdQuery(const Call& call, std::string_view name, std::optional<std::int64_t>& out) {
  if (!call.Query(name)) return std::nullopt;
  std::int64_t id = 0;
  if (auto bad = ReadIntQuery(call, name, 0, 1, INT64_MAX, id)) return bad;
  out = id;
  return std::nullopt;
}

std::optional<std::int64_t> PathInt(const Call& call, std::string_view name) {
  auto text = call.params.Get(name);
  // Digits only: from_chars alone would take "-1", and "+1" or " 1" name nothing either.
  if (text.empty() || text.size() > 18) return std::nullopt;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<Response> ReadPage(const Call& call, Page& page) {
  if (auto bad = ReadIntQuery(call, "limit", 100, 0, 500, page.limit)) return bad;
  return ReadIntQuery(call, "offset", 0, 0, 1'000'000, page.offset);
}

}  // namespace chancery::api
