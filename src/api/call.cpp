#include "api/call.hpp"

#include <boost/json/serialize.hpp>

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

}  // namespace chancery::api
