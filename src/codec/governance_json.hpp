#pragma once
// The JSON shapes of the governance engine: bodies, the Chairmanship, meetings and their
// agendas, statements, decisions, silence procedures and mandates. Writers stream straight to
// text (JsonWriter); readers are strict (ObjectReader): unknown members and malformed values
// are kInvalidArgument naming the member ("items[2].title"), which the API answers with 422.
//
// Names are snake_case, dates "YYYY-MM-DD", instants RFC 3339 UTC (core::FormatInstant).
// Nothing here writes a count of anything a reader was not shown: a meeting is written as
// given (the use cases have already removed what the caller may not see) and without its
// statements, which are listed on their own.
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "codec/json_writer.hpp"
#include "core/model/body.hpp"
#include "core/model/chairmanship.hpp"
#include "core/model/decision.hpp"
#include "core/model/mandate.hpp"
#include "core/model/meeting.hpp"
#include "core/model/silence_procedure.hpp"
#include "core/result.hpp"
#include "core/services/decisions.hpp"
#include "core/services/mandates.hpp"
#include "core/services/meetings.hpp"
#include "core/services/silence_procedures.hpp"

namespace chancery::codec {

// --- writers -------------------------------------------------------------------------------

void WriteJson(JsonWriter& out, const core::Body& body);
void WriteJson(JsonWriter& out, const core::ChairmanshipTerm& term);
// The meeting and its agenda (items, amendments); never its statements.
void WriteJson(JsonWriter& out, const core::Meeting& meeting);
void WriteJson(JsonWriter& out, const core::Statement& statement);
void WriteJson(JsonWriter& out, const core::Decision& decision);
// `state`, `decided_at` and `broken_by` are the concluded outcome once concluded, else the
// outcome as evaluated now; each response carries its `effect`.
void WriteJson(JsonWriter& out, const core::SilenceView& view);
// `overdue` is taken on `today`.
void WriteJson(JsonWriter& out, const core::Mandate& mandate, core::Date today);

// One value as a whole JSON text.
template <class T, class... Extra>
std::string ToJsonText(const T& value, const Extra&... extra) {
  std::string text;
  JsonWriter out(text);
  WriteJson(out, value, extra...);
  return text;
}

// --- readers -------------------------------------------------------------------------------

// {number?, title, closed_to_observers?, invited_observers?, any_other_business?}; `number`
// defaults to the position in the list (`index` + 1). `present` is not accepted: attendance is
// recorded on its own.
core::Result<core::AgendaItem> AgendaItemFromJson(const boost::json::object& o, std::size_t index,
                                                  std::string path = {});

// POST /meetings: {body, session?, starts_on, ends_on?, format?, venue?, chair_participant_id?,
// chair_person?, agenda_symbol?, items?}.
core::Result<core::NewMeeting> NewMeetingFromJson(const boost::json::object& o);

// PUT /meetings/{id}/agenda: {items, agenda_symbol?}.
struct DraftAgenda {
  std::vector<core::AgendaItem> items;
  std::optional<std::string> agenda_symbol;
};
core::Result<DraftAgenda> DraftAgendaFromJson(const boost::json::object& o);

// {item_number, proposed_by, title}.
core::Result<core::AgendaAmendment> AmendmentFromJson(const boost::json::object& o);

// {<key>: ["KAZ", …]}: the one member of invitation and attendance bodies.
core::Result<std::vector<std::string>> ParticipantIdsFromJson(const boost::json::object& o, std::string_view key);

// {role, participant_id?, speaker?, language?, text}; the item comes from the path.
core::Result<core::Statement> StatementFromJson(const boost::json::object& o);

// {title, text, positions?, status_grants?, approved_documents?, silence_procedure_id?,
// numbered?, recommended_to?}; the meeting and item come from the path.
core::Result<core::NewDecision> NewDecisionFromJson(const boost::json::object& o);

// {body?, title, text, expires_at? | expires_on?, expiry_wording?, initiator?, meeting_id?}.
core::Result<core::NewSilenceProcedure> NewSilenceProcedureFromJson(const boost::json::object& o);

// {participant_id, kind, text?, reference?}.
core::Result<core::NewResponse> NewResponseFromJson(const boost::json::object& o);

// {subject, assignee, due_by? | due_before_next_meeting_of?}; the meeting and item come from
// the path.
core::Result<core::NewMandate> NewMandateFromJson(const boost::json::object& o);

// PATCH /mandates/{id}: {status}.
core::Result<core::MandateStatus> MandateStatusFromJson(const boost::json::object& o);

// {participant_id, from, until?, basis}.
core::Result<core::ChairmanshipTerm> ChairmanshipTermFromJson(const boost::json::object& o);

}  // namespace chancery::codec
