#pragma once
// Use cases of meetings: convening, the agenda (drafted, amended, adopted), attendance per
// item (R13) and statements. Every read is filtered by the policy: an observer delegate gets
// the meeting without the items closed to observers, and without what was said under them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/mandate.hpp"
#include "core/model/meeting.hpp"
#include "core/model/user.hpp"
#include "core/services/deps.hpp"

namespace chancery::core {

struct NewMeeting {
  BodyCode body = BodyCode::kSoc;
  std::optional<SessionCode> session = {};  // default: the body's next session in the starting year
  Date starts_on = {};
  std::optional<Date> ends_on = {};  // default: starts_on
  MeetingFormat format = MeetingFormat::kInPerson;
  std::string venue = {};
  std::optional<std::string> chair_participant_id = {};  // default: the Chairmanship on starts_on
  std::string chair_person = {};
  std::string agenda_symbol = {};
  std::vector<AgendaItem> agenda = {};  // the draft agenda; `present` must be empty
  std::optional<Date> reply_by = {};  // on or before starts_on
};

Result<Meeting> CreateMeeting(Deps& deps, const Actor& actor, NewMeeting meeting);
Result<std::vector<Meeting>> ListMeetings(Deps& deps, const Actor& actor, const MeetingFilter& filter);
Result<Meeting> GetMeeting(Deps& deps, const Actor& actor, std::int64_t id);

// Replaces the draft agenda (kFailedPrecondition once adopted).
Result<Meeting> SetDraftAgenda(Deps& deps, const Actor& actor, std::int64_t id, std::vector<AgendaItem> items,
                               std::optional<std::string> agenda_symbol);
// An amendment to an item's title proposed from the floor by a Member State, applied to the
// draft and recorded (kFailedPrecondition once adopted).
Result<Meeting> AmendAgenda(Deps& deps, const Actor& actor, std::int64_t id, AgendaAmendment amendment);
Result<Meeting> AdoptAgenda(Deps& deps, const Actor& actor, std::int64_t id);

// The Chairmanship opens an item to the observers it invites, or closes it (empty list).
Result<Meeting> SetInvitations(Deps& deps, const Actor& actor, std::int64_t id, int item,
                               std::vector<std::string> observers);
// Who attended an item; each must be a Member State on the meeting's date or an invited
// observer (R13), else kInvalidArgument naming "present[i]".
Result<Meeting> RecordAttendance(Deps& deps, const Actor& actor, std::int64_t id, int item,
                                 std::vector<std::string> present);

// Records a statement under an item (seq and recorded_at are assigned). A participant's
// statement needs a participant that may attend the item.
Result<Statement> RecordStatement(Deps& deps, const Actor& actor, std::int64_t id, Statement statement);
Result<std::vector<Statement>> ListStatements(Deps& deps, const Actor& actor, std::int64_t id,
                                              std::optional<int> item);

// Open mandates due before this meeting: what belongs on its draft agenda.
Result<std::vector<Mandate>> MandatesDueAt(Deps& deps, const Actor& actor, std::int64_t id);

// What needs the Secretariat's attention in the governance record.
struct GovernanceWarning {
  std::string code;     // "no_soc_meeting" (R25)
  int year = 0;
  std::string message;
};
// R25: each year, from the first recorded SOC meeting to this one, without an SOC meeting.
Result<std::vector<GovernanceWarning>> GovernanceWarnings(Deps& deps, const Actor& actor);

// The meeting as `actor` may see it: items hidden by the policy removed, with their
// statements, amendments and attendance. Used by every read above.
Meeting VisiblePart(const Actor& actor, Meeting meeting);

}  // namespace chancery::core
