#pragma once
// What a route handler gets: the request, the matched path parameters, the decoded query, and
// (on routes that need it) who is signed in. Handlers return a plain Response.
#include <boost/json/value.hpp>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "api/http_types.hpp"
#include "api/metrics.hpp"
#include "api/router.hpp"
#include "core/services/auth.hpp"
#include "core/services/deps.hpp"

namespace chancery::api {

struct ApiOptions {
  bool secure_cookies = false;  // add "Secure" to the session cookie (set when served over TLS)
  std::string version;          // reported by /healthz
};

struct Context {
  core::Deps& deps;
  Metrics& metrics;
  const ApiOptions& options;
};

struct Call {
  const Request& request;
  PathParams params;
  std::vector<std::pair<std::string, std::string>> query;
  std::optional<core::Authenticated> auth;
  std::optional<std::string> session_token;  // as presented, for logout

  std::optional<std::string_view> Query(std::string_view name) const {
    for (const auto& [k, v] : query) {
      if (k == name) return std::string_view(v);
    }
    return std::nullopt;
  }
  const core::Actor& actor() const { return auth->actor; }
};

using HandlerFn = Response (*)(Context&, Call&);

// Responses.
Response Json(int status, const boost::json::value& body);
Response JsonText(int status, std::string body);  // body already serialised
Response NoContent();

// A 400 problem naming the first query parameter not in `known`, or nullopt.
std::optional<Response> RejectUnknownQuery(const Call& call, std::initializer_list<std::string_view> known);

// Query parameter `name` as a whole number in [min, max], or `fallback` when absent; a 400
// problem naming it otherwise.
std::optional<Response> ReadIntQuery(const Call& call, std::string_view name, std::int64_t fallback,
                                     std::int64_t min, std::int64_t max, std::int64_t& out);

// The body as a JSON object: 415 if not application/json, 400 if not a JSON object.
std::optional<Response> ReadJsonBody(const Call& call, boost::json::object& out);

// Handlers, one group per file under handlers/.
namespace handlers {
Response Healthz(Context&, Call&);
Response MetricsText(Context&, Call&);
Response OpenApi(Context&, Call&);
Response Time(Context&, Call&);
Response Settings(Context&, Call&);

Response Login(Context&, Call&);
Response Logout(Context&, Call&);
Response Me(Context&, Call&);

Response ListParticipants(Context&, Call&);
Response GetParticipant(Context&, Call&);
Response CreateParticipant(Context&, Call&);
Response AddParticipantStatus(Context&, Call&);
Response AddParticipantName(Context&, Call&);

Response ListUsers(Context&, Call&);
Response CreateUser(Context&, Call&);
Response GetUser(Context&, Call&);

Response ListAudit(Context&, Call&);
Response VerifyAudit(Context&, Call&);
}  // namespace handlers

// The OpenAPI 3.1 document, embedded at build time from api/openapi.json.
std::string_view OpenApiDocument();

}  // namespace chancery::api
