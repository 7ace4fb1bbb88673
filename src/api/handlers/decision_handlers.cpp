// The decision register (R24): decisions recorded under an item of a meeting, adopted there by
// consensus or earlier by a silence procedure. Never a vote count (R1).
#include "api/call.hpp"
#include "api/problem.hpp"
#include "codec/governance_json.hpp"
#include "core/services/decisions.hpp"

namespace chancery::api::handlers {

Response ListDecisions(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {"body", "meeting", "from", "to", "limit", "offset"})) return std::move(*bad);
  core::DecisionFilter filter;
  if (auto bad = ReadBodyQuery(call, "body", filter.body)) return std::move(*bad);
  if (auto bad = ReadIdQuery(call, "meeting", filter.meeting_id)) return std::move(*bad);
  if (auto bad = ReadDateQuery(call, "from", filter.from)) return std::move(*bad);
  if (auto bad = ReadDateQuery(call, "to", filter.to)) return std::move(*bad);
  Page page;
  if (auto bad = ReadPage(call, page)) return std::move(*bad);
  auto decisions = core::ListDecisions(ctx.deps, call.actor(), filter);
  if (!decisions) return ProblemFrom(decisions.error());
  return PageResponse(*decisions, page, [](codec::JsonWriter& out, const core::Decision& d) { codec::WriteJson(out, d); });
}

Response GetDecision(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  auto id = PathInt(call, "id");
  if (!id) return Problem(problems::kNotFound, "decision not found");
  auto decision = core::GetDecision(ctx.deps, call.actor(), *id);
  if (!decision) return ProblemFrom(decision.error());
  return JsonText(200, codec::ToJsonText(*decision));
}

// Symbols contain slashes ("SOC/2021-I/DEC/1"), so they travel in the query, not the path.
Response GetDecisionBySymbol(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {"symbol"})) return std::move(*bad);
  auto text = call.Query("symbol");
  if (!text) return Problem(problems::kInvalidQuery, "symbol is required", "symbol");
  auto symbol = core::ParseDecisionSymbol(*text);
  if (!symbol) {
    return Problem(problems::kInvalidQuery, "symbol must be a decision symbol like SOC/2021-I/DEC/1", "symbol");
  }
  auto decision = core::GetDecisionBySymbol(ctx.deps, call.actor(), *symbol);
  if (!decision) return ProblemFrom(decision.error());
  return JsonText(200, codec::ToJsonText(*decision));
}

Response RecordDecision(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  std::int64_t meeting = 0;
  int item = 0;
  if (auto bad = ReadMeetingId(call, meeting)) return std::move(*bad);
  if (auto bad = ReadItemNumber(call, item)) return std::move(*bad);
  boost::json::object body;
  if (auto bad = ReadJsonBody(call, body)) return std::move(*bad);
  auto decision = codec::NewDecisionFromJson(body);
  if (!decision) return ProblemFrom(decision.error());
  decision->meeting_id = meeting;
  decision->item_number = item;
  auto recorded = core::RecordDecision(ctx.deps, call.actor(), std::move(*decision));
  if (!recorded) return ProblemFrom(recorded.error());
  return JsonText(201, codec::ToJsonText(*recorded))
      .With("Location", "/api/v1/decisions/" + std::to_string(recorded->id));
}

}  // namespace chancery::api::handlers
