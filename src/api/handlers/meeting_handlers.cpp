// Meetings of a body: convening, the agenda (drafted, amended, adopted), invitations and
// attendance per item (R13), and what was said. Every read comes filtered by the policy: an
// observer delegate gets neither the items closed to observers nor anything said under them.
#include "api/call.hpp"
#include "api/problem.hpp"
#include "codec/governance_json.hpp"
#include "codec/json_reader.hpp"
#include "core/services/meetings.hpp"

namespace chancery::api::handlers {
namespace {

Response MeetingResponse(int status, const core::Result<core::Meeting>& meeting) {
  if (!meeting) return ProblemFrom(meeting.error());
  return JsonText(status, codec::ToJsonText(*meeting));
}

// Body-carrying changes to one meeting: read the id and the body, apply, answer the meeting.
template <class ReadFn, class ApplyFn>
Response Change(Context& ctx, Call& call, int status, ReadFn read, ApplyFn apply) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  std::int64_t id = 0;
  if (auto bad = ReadMeetingId(call, id)) return std::move(*bad);
  boost::json::object body;
  if (auto bad = ReadJsonBody(call, body)) return std::move(*bad);
  auto value = read(body);
  if (!value) return ProblemFrom(value.error());
  return MeetingResponse(status, apply(ctx.deps, call.actor(), id, std::move(*value)));
}

}  // namespace

Response ListMeetings(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {"body", "from", "to", "limit", "offset"})) return std::move(*bad);
  core::MeetingFilter filter;
  if (auto bad = ReadBodyQuery(call, "body", filter.body)) return std::move(*bad);
  if (auto bad = ReadDateQuery(call, "from", filter.from)) return std::move(*bad);
  if (auto bad = ReadDateQuery(call, "to", filter.to)) return std::move(*bad);
  Page page;
  if (auto bad = ReadPage(call, page)) return std::move(*bad);
  auto meetings = core::ListMeetings(ctx.deps, call.actor(), filter);
  if (!meetings) return ProblemFrom(meetings.error());
  return PageResponse(*meetings, page, [](codec::JsonWriter& out, const core::Meeting& m) { codec::WriteJson(out, m); });
}

Response CreateMeeting(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  boost::json::object body;
  if (auto bad = ReadJsonBody(call, body)) return std::move(*bad);
  auto meeting = codec::NewMeetingFromJson(body);
  if (!meeting) return ProblemFrom(meeting.error());
  auto created = core::CreateMeeting(ctx.deps, call.actor(), std::move(*meeting));
  if (!created) return ProblemFrom(created.error());
  return JsonText(201, codec::ToJsonText(*created)).With("Location", "/api/v1/meetings/" + std::to_string(created->id));
}

Response GetMeeting(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  std::int64_t id = 0;
  if (auto bad = ReadMeetingId(call, id)) return std::move(*bad);
  return MeetingResponse(200, core::GetMeeting(ctx.deps, call.actor(), id));
}

Response SetDraftAgenda(Context& ctx, Call& call) {
  return Change(
      ctx, call, 200, [](const boost::json::object& o) { return codec::DraftAgendaFromJson(o); },
      [](core::Deps& d, const core::Actor& a, std::int64_t id, codec::DraftAgenda agenda) {
        return core::SetDraftAgenda(d, a, id, std::move(agenda.items), std::move(agenda.agenda_symbol));
      });
}

Response AmendAgenda(Context& ctx, Call& call) {
  return Change(
      ctx, call, 201, [](const boost::json::object& o) { return codec::AmendmentFromJson(o); },
      [](core::Deps& d, const core::Actor& a, std::int64_t id, core::AgendaAmendment amendment) {
        return core::AmendAgenda(d, a, id, std::move(amendment));
      });
}

// No body, or an empty JSON object: adoption takes no input.
Response AdoptAgenda(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  std::int64_t id = 0;
  if (auto bad = ReadMeetingId(call, id)) return std::move(*bad);
  if (!call.request.body.empty()) {
    boost::json::object body;
    if (auto bad = ReadJsonBody(call, body)) return std::move(*bad);
    if (auto k = codec::ObjectReader(body).OnlyKnown({}); !k) return ProblemFrom(k.error());
  }
  return MeetingResponse(200, core::AdoptAgenda(ctx.deps, call.actor(), id));
}

Response SetInvitations(Context& ctx, Call& call) {
  int item = 0;
  if (auto bad = ReadItemNumber(call, item)) return std::move(*bad);
  return Change(
      ctx, call, 200, [](const boost::json::object& o) { return codec::ParticipantIdsFromJson(o, "observers"); },
      [item](core::Deps& d, const core::Actor& a, std::int64_t id, std::vector<std::string> observers) {
        return core::SetInvitations(d, a, id, item, std::move(observers));
      });
}

Response RecordAttendance(Context& ctx, Call& call) {
  int item = 0;
  if (auto bad = ReadItemNumber(call, item)) return std::move(*bad);
  return Change(
      ctx, call, 200, [](const boost::json::object& o) { return codec::ParticipantIdsFromJson(o, "present"); },
      [item](core::Deps& d, const core::Actor& a, std::int64_t id, std::vector<std::string> present) {
        return core::RecordAttendance(d, a, id, item, std::move(present));
      });
}

Response ListStatements(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {"item", "limit", "offset"})) return std::move(*bad);
  std::int64_t id = 0;
  if (auto bad = ReadMeetingId(call, id)) return std::move(*bad);
  std::optional<int> item;
  if (call.Query("item")) {
    std::int64_t n = 0;
    if (auto bad = ReadIntQuery(call, "item", 0, 1, 999, n)) return std::move(*bad);
    item = static_cast<int>(n);
  }
  Page page;
  if (auto bad = ReadPage(call, page)) return std::move(*bad);
  auto statements = core::ListStatements(ctx.deps, call.actor(), id, item);
  if (!statements) return ProblemFrom(statements.error());
  return PageResponse(*statements, page,
                      [](codec::JsonWriter& out, const core::Statement& s) { codec::WriteJson(out, s); });
}

Response RecordStatement(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  std::int64_t id = 0;
  if (auto bad = ReadMeetingId(call, id)) return std::move(*bad);
  int item = 0;
  if (auto bad = ReadItemNumber(call, item)) return std::move(*bad);
  boost::json::object body;
  if (auto bad = ReadJsonBody(call, body)) return std::move(*bad);
  auto statement = codec::StatementFromJson(body);
  if (!statement) return ProblemFrom(statement.error());
  statement->item_number = item;
  auto recorded = core::RecordStatement(ctx.deps, call.actor(), id, std::move(*statement));
  if (!recorded) return ProblemFrom(recorded.error());
  return JsonText(201, codec::ToJsonText(*recorded));
}

// What needs the Secretariat's attention in the governance record (R25: a year without an SOC
// meeting).
Response GovernanceWarnings(Context& ctx, Call& call) {
  if (auto bad = RejectUnknownQuery(call, {})) return std::move(*bad);
  auto warnings = core::GovernanceWarnings(ctx.deps, call.actor());
  if (!warnings) return ProblemFrom(warnings.error());
  std::string body;
  codec::JsonWriter out(body);
  out.BeginObject().Key("items").BeginArray();
  for (const auto& w : *warnings) {
    out.BeginObject().Key("code").String(w.code).Key("year").Int(w.year).Key("message").String(w.message).EndObject();
  }
  out.EndArray().EndObject();
  return JsonText(200, std::move(body));
}

}  // namespace chancery::api::handlers
