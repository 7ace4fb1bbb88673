// Silence procedures (R6–R11, R29): opened with an exact expiry instant, answered by written
// responses registered as they arrive. Hidden from observer delegates by the use cases.
#include "api/call.hpp"
#include "api/problem.hpp"
#include "codec/governance_json.hpp"
#include "core/services/silence_procedures.hpp"

namespace chancery::api::handlers {
namespace {

std::optional<Response> ReadProcedureId(const Call& call, std::int64_t& id) {
  auto value = PathInt(call, "id");
  if (!value) return Problem(problems::kNotFound, "silence procedure not found");
  id = *value;
  return std::nullopt;
}

}  // namespace

Response ListSilenceProcedures(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {"body", "state", "from", "to", "limit", "offset"})) return std::move(*bad);
  core::SilenceFilter filter;
  if (auto bad = ReadBodyQuery(call, "body", filter.body)) return std::move(*bad);
  // Opened from the start of `from` to the end of `to`, days in the organisation's zone.
  std::optional<core::Date> from, to;
  if (auto bad = ReadDateQuery(call, "from", from)) return std::move(*bad);
  if (auto bad = ReadDateQuery(call, "to", to)) return std::move(*bad);
  if (from) {
    auto start = core::EndOfLocalDay(core::Date{std::chrono::sys_days{*from} - std::chrono::days{1}}, ctx.deps.zone);
    if (!start) return ProblemFrom(start.error());
    filter.opened_from = *start;
  }
  if (to) {
    auto end = core::EndOfLocalDay(*to, ctx.deps.zone);
    if (!end) return ProblemFrom(end.error());
    filter.opened_before = *end;
  }
  if (auto s = call.Query("state")) {
    filter.state = core::ParseSilenceState(*s);
    if (!filter.state) return Problem(problems::kInvalidQuery, "state must be running, adopted or not_adopted", "state");
  }
  Page page;
  if (auto bad = ReadPage(call, page)) return std::move(*bad);
  auto procedures = core::ListSilenceProcedures(ctx.deps, call.actor(), filter);
  if (!procedures) return ProblemFrom(procedures.error());
  return PageResponse(*procedures, page,
                      [](codec::JsonWriter& out, const core::SilenceView& v) { codec::WriteJson(out, v); });
}

Response OpenSilenceProcedure(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  boost::json::object body;
  if (auto bad = ReadJsonBody(call, body)) return std::move(*bad);
  auto procedure = codec::NewSilenceProcedureFromJson(body);
  if (!procedure) return ProblemFrom(procedure.error());
  auto opened = core::OpenSilenceProcedure(ctx.deps, call.actor(), std::move(*procedure));
  if (!opened) return ProblemFrom(opened.error());
  return JsonText(201, codec::ToJsonText(*opened))
      .With("Location", "/api/v1/silence-procedures/" + std::to_string(opened->record.id));
}

Response GetSilenceProcedure(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  std::int64_t id = 0;
  if (auto bad = ReadProcedureId(call, id)) return std::move(*bad);
  auto view = core::GetSilenceProcedure(ctx.deps, call.actor(), id);
  if (!view) return ProblemFrom(view.error());
  return JsonText(200, codec::ToJsonText(*view));
}

// A written response received now: always kept; the answer says what it did and why.
Response RegisterSilenceResponse(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  std::int64_t id = 0;
  if (auto bad = ReadProcedureId(call, id)) return std::move(*bad);
  boost::json::object body;
  if (auto bad = ReadJsonBody(call, body)) return std::move(*bad);
  auto response = codec::NewResponseFromJson(body);
  if (!response) return ProblemFrom(response.error());
  auto registered = core::RegisterResponse(ctx.deps, call.actor(), id, std::move(*response));
  if (!registered) return ProblemFrom(registered.error());
  std::string text;
  codec::JsonWriter out(text);
  out.BeginObject();
  out.Key("seq").Int(registered->seq);
  out.Key("effect").String(core::ToString(registered->effect));
  out.Key("reason").String(registered->reason);
  out.Key("procedure");
  codec::WriteJson(out, registered->view);
  out.EndObject();
  return JsonText(201, std::move(text));
}

}  // namespace chancery::api::handlers
