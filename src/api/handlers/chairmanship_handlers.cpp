// The rotating Chairmanship (R16) and the Secretariat's dated titles (R17).
#include "api/call.hpp"
#include "api/problem.hpp"
#include "codec/governance_json.hpp"
#include "core/services/chairmanships.hpp"

namespace chancery::api::handlers {
namespace {

// Core validates the whole list of terms and names "terms[i].from"; the body is one term.
Response TermProblem(core::Error e) {
  if (e.field.starts_with("terms[")) {
    auto dot = e.field.find("].");
    e.field = dot == std::string::npos ? std::string() : e.field.substr(dot + 2);
  }
  return ProblemFrom(e);
}

}  // namespace

// Every term, or the one in force `on` a day.
Response ListChairmanships(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {"on", "limit", "offset"})) return std::move(*bad);
  std::optional<core::Date> on;
  if (auto bad = ReadDateQuery(call, "on", on)) return std::move(*bad);
  Page page;
  if (auto bad = ReadPage(call, page)) return std::move(*bad);
  auto terms = core::ListChairmanships(ctx.deps, call.actor(), on);
  if (!terms) return ProblemFrom(terms.error());
  return PageResponse(*terms, page,
                      [](codec::JsonWriter& out, const core::ChairmanshipTerm& t) { codec::WriteJson(out, t); });
}

Response AddChairmanship(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  boost::json::object body;
  if (auto bad = ReadJsonBody(call, body)) return std::move(*bad);
  auto term = codec::ChairmanshipTermFromJson(body);
  if (!term) return ProblemFrom(term.error());
  auto added = core::AddChairmanship(ctx.deps, call.actor(), std::move(*term));
  if (!added) return TermProblem(added.error());
  // A term has no resource of its own: it is the one in force from its first day.
  return JsonText(201, codec::ToJsonText(*added))
      .With("Location", "/api/v1/chairmanships?on=" + core::FormatDate(added->from));
}

// The Secretariat's titles on a day (default: today in the organisation's zone).
Response Titles(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {"on", "lang"})) return std::move(*bad);
  std::optional<core::Date> on;
  if (auto bad = ReadDateQuery(call, "on", on)) return std::move(*bad);
  const std::string lang(call.Query("lang").value_or("en"));
  if (!core::IsSupportedLanguage(lang)) return Problem(problems::kInvalidQuery, "lang must be en, ru or kk", "lang");
  const core::Date day = on ? *on : core::Today(ctx.deps);
  auto titles = core::TitlesOn(ctx.deps, call.actor(), day, lang);
  if (!titles) return ProblemFrom(titles.error());
  std::string text;
  codec::JsonWriter out(text);
  out.BeginObject();
  out.Key("on").String(core::FormatDate(day)).Key("lang").String(lang);
  out.Key("head").String(titles->head).Key("deputy").String(titles->deputy);
  out.EndObject();
  return JsonText(200, std::move(text));
}

}  // namespace chancery::api::handlers
