// The participants registry.
#include "api/call.hpp"
#include "api/problem.hpp"
#include "codec/model_json.hpp"
#include "core/services/participants.hpp"

namespace chancery::api::handlers {
namespace {

// `lang` query parameter: which language "name" is given in; English by default.
std::optional<Response> ReadLang(const Call& call, std::string& lang) {
  lang = std::string(call.Query("lang").value_or("en"));
  if (!core::IsSupportedLanguage(lang)) return Problem(problems::kInvalidQuery, "lang must be en, ru or kk", "lang");
  return std::nullopt;
}

std::optional<Response> ReadDate(const Call& call, std::string_view name, std::optional<core::Date>& out) {
  auto text = call.Query(name);
  if (!text) return std::nullopt;
  out = core::ParseDate(*text);
  if (!out) return Problem(problems::kInvalidQuery, std::string(name) + " must be a date YYYY-MM-DD", name);
  return std::nullopt;
}

// The created or amended participant, as seen on the date of the request.
Response Participant(Context& ctx, int status, const core::Participant& p, std::string_view lang = "en") {
  return JsonText(status, codec::ToJsonText(p, core::Today(ctx.deps), lang));
}

template <class ReadFn, class ApplyFn>
Response Amend(Context& ctx, Call& call, ReadFn read, ApplyFn apply) {
  boost::json::object body;
  if (auto bad = ReadJsonBody(call, body)) return std::move(*bad);
  auto value = read(body);
  if (!value) return ProblemFrom(value.error());
  auto p = apply(ctx.deps, call.actor(), call.params.Get("id"), std::move(*value));
  if (!p) return ProblemFrom(p.error());
  return Participant(ctx, 201, *p);
}

}  // namespace

Response ListParticipants(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {"status", "kind", "on", "lang", "limit", "offset"})) return std::move(*bad);
  core::ParticipantFilter filter;
  if (auto s = call.Query("status")) {
    filter.status = core::ParseParticipantStatus(*s);
    if (!filter.status) {
      return Problem(problems::kInvalidQuery,
                     "status must be member, observer_state, observer_organisation, partner or none", "status");
    }
  }
  if (auto k = call.Query("kind")) {
    filter.kind = core::ParseParticipantKind(*k);
    if (!filter.kind) return Problem(problems::kInvalidQuery, "kind must be state or organisation", "kind");
  }
  if (auto bad = ReadDate(call, "on", filter.on)) return std::move(*bad);
  std::string lang;
  if (auto bad = ReadLang(call, lang)) return std::move(*bad);
  std::int64_t limit = 0, offset = 0;
  if (auto bad = ReadIntQuery(call, "limit", 100, 0, 500, limit)) return std::move(*bad);
  if (auto bad = ReadIntQuery(call, "offset", 0, 0, 1'000'000, offset)) return std::move(*bad);

  const core::Date on = filter.on ? *filter.on : core::Today(ctx.deps);
  filter.on = on;
  auto list = core::ListParticipants(ctx.deps, call.actor(), filter);
  if (!list) return ProblemFrom(list.error());
  const auto total = static_cast<std::int64_t>(list->items.size());
  std::string body;
  codec::JsonWriter out(body);
  out.BeginObject();
  out.Key("on").String(core::FormatDate(on)).Key("total").Int(total).Key("offset").Int(offset).Key("limit").Int(limit);
  out.Key("items").BeginArray();
  for (std::int64_t i = offset; i < total && i < offset + limit; ++i) {
    codec::WriteJson(out, *list->items[static_cast<std::size_t>(i)], on, lang);
  }
  out.EndArray().EndObject();
  return JsonText(200, std::move(body));
}

Response GetParticipant(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {"on", "lang"})) return std::move(*bad);
  std::optional<core::Date> on;
  if (auto bad = ReadDate(call, "on", on)) return std::move(*bad);
  std::string lang;
  if (auto bad = ReadLang(call, lang)) return std::move(*bad);
  auto p = core::GetParticipant(ctx.deps, call.actor(), call.params.Get("id"));
  if (!p) return ProblemFrom(p.error());
  return JsonText(200, codec::ToJsonText(*p, on ? *on : core::Today(ctx.deps), lang));
}

Response CreateParticipant(Context& ctx, Call& call) {
  boost::json::object body;
  if (auto bad = ReadJsonBody(call, body)) return std::move(*bad);
  auto p = codec::ParticipantFromJson(body);
  if (!p) return ProblemFrom(p.error());
  auto created = core::CreateParticipant(ctx.deps, call.actor(), std::move(*p));
  if (!created) return ProblemFrom(created.error());
  return Participant(ctx, 201, *created).With("Location", "/api/v1/participants/" + created->id);
}

Response AddParticipantStatus(Context& ctx, Call& call) {
  return Amend(
      ctx, call, [](const boost::json::object& o) { return codec::StatusChangeFromJson(o); },
      [](core::Deps& d, const core::Actor& a, std::string_view id, core::StatusChange c) {
        return core::AddParticipantStatus(d, a, id, std::move(c));
      });
}

Response AddParticipantName(Context& ctx, Call& call) {
  return Amend(
      ctx, call, [](const boost::json::object& o) { return codec::NameFromJson(o); },
      [](core::Deps& d, const core::Actor& a, std::string_view id, core::NameVersion n) {
        return core::AddParticipantName(d, a, id, std::move(n));
      });
}

}  // namespace chancery::api::handlers
