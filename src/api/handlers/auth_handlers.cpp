// Sign-in, sign-out, and who am I.
#include "api/call.hpp"
#include "api/problem.hpp"
#include "codec/json_reader.hpp"
#include "codec/model_json.hpp"

namespace chancery::api::handlers {

Response Login(Context& ctx, Call& call) {
  boost::json::object body;
  if (auto bad = ReadJsonBody(call, body)) return std::move(*bad);
  codec::ObjectReader r(body);
  if (auto k = r.OnlyKnown({"username", "password", "mode"}); !k) return ProblemFrom(k.error());
  auto username = r.String("username");
  if (!username) return ProblemFrom(username.error());
  auto password = r.String("password");
  if (!password) return ProblemFrom(password.error());
  auto mode = r.StringOr("mode", "cookie");
  if (!mode) return ProblemFrom(mode.error());
  if (*mode != "cookie" && *mode != "token") {
    return Problem(problems::kValidation, "mode must be cookie or token", "mode");
  }
  const auto kind = *mode == "cookie" ? core::SessionKind::kCookie : core::SessionKind::kBearer;

  auto login = core::Login(ctx.deps, *username, *password, kind, call.request.remote_address);
  if (!login) {
    auto problem = ProblemFrom(login.error());
    if (login.error().code == core::ErrorCode::kResourceExhausted) {
      problem.With("Retry-After", std::to_string(ctx.deps.auth.failure_window.count()));
    }
    return problem;
  }
  boost::json::object out{{"user", codec::ToJson(login->user)},
                          {"expires_at", core::FormatInstant(login->session.expires_at)}};
  if (kind == core::SessionKind::kBearer) {
    out["token"] = login->token;
    out["token_type"] = "Bearer";
    return Json(200, out);
  }
  out["csrf_token"] = login->session.csrf_token;
  std::string cookie = "chancery_session=" + login->token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
                       std::to_string(ctx.deps.auth.cookie_session_ttl.count());
  if (ctx.options.secure_cookies) cookie += "; Secure";
  return Json(200, out).With("Set-Cookie", cookie);
}

Response Logout(Context& ctx, Call& call) {
  if (auto r = core::Logout(ctx.deps, *call.session_token); !r) return ProblemFrom(r.error());
  auto response = NoContent();
  if (call.auth->session.kind == core::SessionKind::kCookie) {
    response.With("Set-Cookie", "chancery_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
  }
  return response;
}

Response Me(Context&, Call& call) {
  const auto& a = call.actor();
  return Json(200, {{"id", a.user_id},
                    {"username", a.username},
                    {"role", core::ToString(a.role)},
                    {"participant_id", a.participant_id ? boost::json::value(*a.participant_id) : nullptr},
                    {"session", {{"kind", core::ToString(call.auth->session.kind)},
                                 {"expires_at", core::FormatInstant(call.auth->session.expires_at)}}}});
}

}  // namespace chancery::api::handlers
