// Mandates given under an item of a meeting ("the SOC tasked the SWG with …"), visible as the
// item is, and the open ones due before a meeting: what belongs on its draft agenda.
#include "api/call.hpp"
#include "api/problem.hpp"
#include "codec/governance_json.hpp"
#include "core/services/mandates.hpp"
#include "core/services/meetings.hpp"

namespace chancery::api::handlers {
namespace {

Response MandateResponse(Context& ctx, int status, const core::Mandate& m) {
  return JsonText(status, codec::ToJsonText(m, core::Today(ctx.deps)));
}

Response MandatePage(Context& ctx, const std::vector<core::Mandate>& mandates, const Page& page) {
  const core::Date today = core::Today(ctx.deps);
  return PageResponse(mandates, page,
                      [today](codec::JsonWriter& out, const core::Mandate& m) { codec::WriteJson(out, m, today); });
}

}  // namespace

Response ListMandates(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {"assignee", "body", "status", "meeting", "from", "to", "limit", "offset"})) {
    return std::move(*bad);
  }
  core::MandateFilter filter;
  if (auto bad = ReadBodyQuery(call, "assignee", filter.assignee)) return std::move(*bad);
  if (auto bad = ReadBodyQuery(call, "body", filter.given_by)) return std::move(*bad);
  if (auto bad = ReadDateQuery(call, "from", filter.from)) return std::move(*bad);
  if (auto bad = ReadDateQuery(call, "to", filter.to)) return std::move(*bad);
  if (auto s = call.Query("status")) {
    filter.status = core::ParseMandateStatus(*s);
    if (!filter.status) return Problem(problems::kInvalidQuery, "status must be open, fulfilled or withdrawn", "status");
  }
  if (auto bad = ReadIdQuery(call, "meeting", filter.meeting_id)) return std::move(*bad);
  Page page;
  if (auto bad = ReadPage(call, page)) return std::move(*bad);
  auto mandates = core::ListMandates(ctx.deps, call.actor(), filter);
  if (!mandates) return ProblemFrom(mandates.error());
  return MandatePage(ctx, *mandates, page);
}

Response GetMandate(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  auto id = PathInt(call, "id");
  if (!id) return Problem(problems::kNotFound, "mandate not found");
  auto mandate = core::GetMandate(ctx.deps, call.actor(), *id);
  if (!mandate) return ProblemFrom(mandate.error());
  return MandateResponse(ctx, 200, *mandate);
}

Response GiveMandate(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  std::int64_t meeting = 0;
  int item = 0;
  if (auto bad = ReadMeetingId(call, meeting)) return std::move(*bad);
  if (auto bad = ReadItemNumber(call, item)) return std::move(*bad);
  boost::json::object body;
  if (auto bad = ReadJsonBody(call, body)) return std::move(*bad);
  auto mandate = codec::NewMandateFromJson(body);
  if (!mandate) return ProblemFrom(mandate.error());
  mandate->meeting_id = meeting;
  mandate->item_number = item;
  auto given = core::GiveMandate(ctx.deps, call.actor(), std::move(*mandate));
  if (!given) return ProblemFrom(given.error());
  return MandateResponse(ctx, 201, *given).With("Location", "/api/v1/mandates/" + std::to_string(given->id));
}

Response SetMandateStatus(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  auto id = PathInt(call, "id");
  if (!id) return Problem(problems::kNotFound, "mandate not found");
  boost::json::object body;
  if (auto bad = ReadJsonBody(call, body)) return std::move(*bad);
  auto status = codec::MandateStatusFromJson(body);
  if (!status) return ProblemFrom(status.error());
  auto changed = core::SetMandateStatus(ctx.deps, call.actor(), *id, *status);
  if (!changed) return ProblemFrom(changed.error());
  return MandateResponse(ctx, 200, *changed);
}

Response MandatesDue(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {"limit", "offset"})) return std::move(*bad);
  auto id = PathInt(call, "id");
  if (!id) return Problem(problems::kNotFound, "meeting not found");
  Page page;
  if (auto bad = ReadPage(call, page)) return std::move(*bad);
  auto due = core::MandatesDueAt(ctx.deps, call.actor(), *id);
  if (!due) return ProblemFrom(due.error());
  return MandatePage(ctx, *due, page);
}

}  // namespace chancery::api::handlers
