// Silence procedures (R6–R11, R29): opened with an exact expiry instant, answered by written
// responses registered as they arrive. Hidden from observer delegates by the use cases.
#include "api/call.hpp"
#include "api/problem.hpp"
#include "codec/governance_json.hpp"
#include "core/local_time.hpp"
#include "core/services/participants.hpp"
#include "core/services/silence_procedures.hpp"

namespace chancery::api::handlers {
namespace {

constexpr std::string_view kNoEffect = ": kept as correspondence, no effect";

// The participant's short English name on `day`, or its id when the registry has none.
std::string NameOf(Context& ctx, const Call& call, const std::string& id, core::Date day) {
  auto p = core::GetParticipant(ctx.deps, call.actor(), id);
  if (!p) return id;
  const auto* name = core::NameOn(*p, "en", day);
  return name ? name->short_name : id;
}

// A sentence for the person who registered the response: what it did, and by which rule.
// "Turkmenistan is not a Member State on 28 June 2021: kept as correspondence, no effect (R3)".
std::string Reason(Context& ctx, const Call& call, const core::SilenceView& view, int seq,
                   core::ResponseEffect effect) {
  const core::RecordedResponse* response = nullptr;
  for (const auto& r : view.record.responses) {
    if (r.seq == seq) response = &r;
  }
  if (!response) return std::string(core::ToString(effect));
  const auto& zone = ctx.deps.zone;
  const auto& received = response->response;
  const core::Date day = core::LocalDate(received.received_at, zone);
  const std::string date = ctx.deps.formatter.LongDate(day, "en");
  const std::string who = NameOf(ctx, call, received.participant_id, day);
  const bool amendment = received.kind == core::ResponseKind::kAmendment;
  using E = core::ResponseEffect;
  switch (effect) {
    case E::kBreaksSilence:
      return who + " is a Member State on " + date + " and " +
             (amendment ? "proposed an amendment" : std::string("objected")) +
             " before the expiry: silence is broken and the text is not adopted (" + (amendment ? "R8, R9" : "R9") +
             ")";
    case E::kNotAMemberState:
      return who + " is not a Member State on " + date + std::string(kNoEffect) + " (R3)";
    case E::kAtOrAfterExpiry:
      return "received at or after the expiry, " +
             ctx.deps.formatter.LocalDateTime(view.record.procedure.expires_at, zone, "en") + std::string(kNoEffect) +
             " (R8)";
    case E::kDoesNotObject:
      return (amendment ? std::string("amendments do not break this procedure's silence (the rule in force when it opened)")
                        : std::string("a comment does not break silence")) +
             std::string(kNoEffect) + " (R8)";
    case E::kAlreadyBroken:
      return "silence had already been broken" + std::string(kNoEffect) + " (R9)";
    case E::kUnknownParticipant:
      return received.participant_id + " is not in the registry" + std::string(kNoEffect);
    case E::kNotYetReceived:
      return "received after the moment the procedure was evaluated: no effect yet";
  }
  return std::string(core::ToString(effect));
}

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
  out.Key("reason").String(Reason(ctx, call, registered->view, registered->seq, registered->effect));
  out.Key("procedure");
  codec::WriteJson(out, registered->view);
  out.EndObject();
  return JsonText(201, std::move(text));
}

}  // namespace chancery::api::handlers
