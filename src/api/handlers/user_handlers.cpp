// User accounts (administrators; everyone may read their own).
#include <charconv>

#include "api/call.hpp"
#include "api/problem.hpp"
#include "codec/json_reader.hpp"
#include "codec/model_json.hpp"
#include "core/services/notices.hpp"
#include "core/services/users.hpp"

namespace chancery::api::handlers {
namespace {

std::optional<std::int64_t> UserId(const Call& call) {
  auto text = call.params.Get("id");
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return id;
}

// "notices": {"meeting_convened": false, …} when present.
core::Result<std::vector<std::pair<core::NoticeKind, bool>>> NoticeKinds(const boost::json::object& body) {
  const auto* v = body.if_contains("notices");
  if (!v || v->is_null()) return std::vector<std::pair<core::NoticeKind, bool>>{};
  if (!v->is_object()) return core::Error::InvalidArgument("must be an object of notice kinds", "notices");
  return codec::NoticeKindsFromJson(v->as_object(), "notices");
}

// A user's own notice settings: where they go (set by an administrator), in which language,
// and which kinds.
boost::json::object NoticeSettingsJson(const core::User& u) {
  return {{"email", u.email ? boost::json::value(*u.email) : boost::json::value(nullptr)},
          {"language", u.language},
          {"notices", codec::NoticeKindsToJson(u.notices)}};
}

}  // namespace

Response ListUsers(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  auto users = core::ListUsers(ctx.deps, call.actor());
  if (!users) return ProblemFrom(users.error());
  boost::json::array items;
  for (const auto& u : *users) items.push_back(codec::ToJson(u));
  return Json(200, {{"total", items.size()}, {"items", std::move(items)}});
}

Response CreateUser(Context& ctx, Call& call) {
  boost::json::object body;
  if (auto bad = ReadJsonBody(call, body)) return std::move(*bad);
  codec::ObjectReader r(body);
  if (auto k = r.OnlyKnown({"username", "display_name", "role", "participant_id", "password", "email", "language",
                            "notices"});
      !k) {
    return ProblemFrom(k.error());
  }
  core::NewUser request;
  auto username = r.String("username");
  if (!username) return ProblemFrom(username.error());
  request.username = *username;
  auto display = r.String("display_name");
  if (!display) return ProblemFrom(display.error());
  request.display_name = *display;
  auto role_text = r.String("role");
  if (!role_text) return ProblemFrom(role_text.error());
  auto role = core::ParseRole(*role_text);
  if (!role) {
    return Problem(problems::kValidation,
                   "role must be administrator, officer, chairmanship, member_delegate or observer_delegate", "role");
  }
  request.role = *role;
  auto participant = r.OptionalString("participant_id");
  if (!participant) return ProblemFrom(participant.error());
  request.participant_id = *participant;
  auto password = r.OptionalString("password");
  if (!password) return ProblemFrom(password.error());
  request.password = *password;
  auto email = r.OptionalString("email");
  if (!email) return ProblemFrom(email.error());
  request.email = *email;
  auto language = r.StringOr("language", "en");
  if (!language) return ProblemFrom(language.error());
  request.language = *language;
  auto kinds = NoticeKinds(body);
  if (!kinds) return ProblemFrom(kinds.error());
  for (const auto& [kind, on] : *kinds) request.notices.Set(kind, on);

  auto created = core::CreateUser(ctx.deps, call.actor(), std::move(request));
  if (!created) return ProblemFrom(created.error());
  auto out = codec::ToJson(created->user);
  if (created->generated_password) out["generated_password"] = *created->generated_password;
  return Json(201, out).With("Location", "/api/v1/users/" + std::to_string(created->user.id));
}

Response GetUser(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  auto text = call.params.Get("id");
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  // A malformed id names no user: the same 404 as any other unknown id.
  if (ec != std::errc() || end != text.data() + text.size()) return Problem(problems::kNotFound, "user not found");
  auto user = core::GetUser(ctx.deps, call.actor(), id);
  if (!user) return ProblemFrom(user.error());
  return Json(200, codec::ToJson(*user));
}

Response UpdateUser(Context& ctx, Call& call) {
  auto id = UserId(call);
  if (!id) return Problem(problems::kNotFound, "user not found");
  boost::json::object body;
  if (auto bad = ReadJsonBody(call, body)) return std::move(*bad);
  codec::ObjectReader r(body);
  if (auto k = r.OnlyKnown({"email", "language", "notices"}); !k) return ProblemFrom(k.error());
  core::UserChange change;
  if (body.contains("email")) {
    // null removes the address; a string replaces it.
    auto email = r.OptionalString("email");
    if (!email) return ProblemFrom(email.error());
    change.email = *email;
  }
  auto language = r.OptionalString("language");
  if (!language) return ProblemFrom(language.error());
  change.language = *language;
  auto kinds = NoticeKinds(body);
  if (!kinds) return ProblemFrom(kinds.error());
  change.notices = std::move(*kinds);
  auto user = core::UpdateUser(ctx.deps, call.actor(), *id, std::move(change));
  if (!user) return ProblemFrom(user.error());
  return Json(200, codec::ToJson(*user));
}

Response GetOwnNotices(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  auto user = core::GetOwnNoticeSettings(ctx.deps, call.actor());
  if (!user) return ProblemFrom(user.error());
  return Json(200, NoticeSettingsJson(*user));
}

Response SetOwnNotices(Context& ctx, Call& call) {
  boost::json::object body;
  if (auto bad = ReadJsonBody(call, body)) return std::move(*bad);
  codec::ObjectReader r(body);
  // The address is not the user's to change (core::UpdateUser): "email" is an unknown member here.
  if (auto k = r.OnlyKnown({"language", "notices"}); !k) return ProblemFrom(k.error());
  core::NoticePreferences change;
  auto language = r.OptionalString("language");
  if (!language) return ProblemFrom(language.error());
  change.language = *language;
  auto kinds = NoticeKinds(body);
  if (!kinds) return ProblemFrom(kinds.error());
  change.kinds = std::move(*kinds);
  auto user = core::SetOwnNoticeSettings(ctx.deps, call.actor(), std::move(change));
  if (!user) return ProblemFrom(user.error());
  return Json(200, NoticeSettingsJson(*user));
}

}  // namespace chancery::api::handlers
