#pragma once
// Meetings of a body and their agendas: the session code ("2021-I" = the first meeting of the
// body in 2021), the format, and items that are open or closed to observers (RoP 12.4, R13).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/decision_symbol.hpp"
#include "core/model/participant.hpp"
#include "core/result.hpp"

namespace chancery::core {

enum class MeetingFormat { kInPerson, kOnline, kHybrid };
std::string_view ToString(MeetingFormat format);
std::optional<MeetingFormat> ParseMeetingFormat(std::string_view text);

struct SessionCode {
  int year = 0;
  int number = 0;  // 1 = I
  bool operator==(const SessionCode&) const = default;
};
std::string Format(SessionCode code);                        // "2021-I"
std::optional<SessionCode> ParseSessionCode(std::string_view text);
// The number the next meeting of a body in `year` gets, given the body's existing sessions.
int NextSessionNumber(const std::vector<SessionCode>& existing, int year);

struct AgendaItem {
  int number = 0;  // 1, 2, 3, … in agenda order
  std::string title;
  // Closed unless the Chairmanship invites observers for this item (RoP 12.4).
  bool closed_to_observers = true;
  std::vector<std::string> invited_observers;  // participant ids, for open items
  bool any_other_business = false;             // "Any other business": raised from the floor
  std::vector<std::string> present = {};       // who attended this item (R13), by participant id
};

enum class AgendaStatus { kDraft, kAdopted };
std::string_view ToString(AgendaStatus status);

// "The SOC adopted its agenda with an amendment in the title of agenda item 4 as proposed by
// India": who proposed what, kept after adoption.
struct AgendaAmendment {
  int item_number = 0;
  std::string proposed_by;  // participant id
  std::string previous_title;
  std::string title;
};

enum class SpeakerRole { kParticipant, kChair, kSecretariat, kGuest };
std::string_view ToString(SpeakerRole role);
std::optional<SpeakerRole> ParseSpeakerRole(std::string_view text);

// What was said under an item, as the record gives it.
struct Statement {
  int seq = 0;  // 1, 2, … within the item, in the order recorded
  int item_number = 0;
  SpeakerRole role = SpeakerRole::kParticipant;
  std::string participant_id;  // the speaking participant (kParticipant; a guest's organisation)
  std::string speaker;         // as the record names the speaker: "H.E. Mr. Vepa Hadzhiev, Vice Minister …"
  std::string language = "en";
  std::string text;
  Instant recorded_at{};
};

// One meeting of a body, with its agenda and what was said. Decisions and mandates are kept
// apart (decision.hpp, mandate.hpp) and refer to the meeting and item.
struct Meeting {
  std::int64_t id = 0;
  BodyCode body = BodyCode::kSoc;
  SessionCode session;
  Date starts_on;
  Date ends_on;
  MeetingFormat format = MeetingFormat::kInPerson;
  std::string venue;                 // "Nur-Sultan"
  std::string chair_participant_id;  // the Chairmanship's state
  std::string chair_person;          // "H.E. Mr. Shakhrat Nuryshev, First Deputy Minister …"
  AgendaStatus agenda_status = AgendaStatus::kDraft;
  std::string agenda_symbol;         // "SOC/2021-I/Agenda/3"
  std::optional<Instant> agenda_adopted_at;
  std::vector<AgendaItem> agenda;
  std::vector<AgendaAmendment> amendments;
  std::vector<Statement> statements;
  // The date by which those invited are asked to name their delegations: the invitation's
  // {{reply_date}}. Not set: an invitation without a given text cannot be composed.
  std::optional<Date> reply_by;
};

// "SOC/2021-I"
std::string MeetingCode(BodyCode body, SessionCode session);

// The item numbered `number`, or null.
const AgendaItem* FindItem(const Meeting& meeting, int number);
AgendaItem* FindItem(Meeting& meeting, int number);

// Dates in order, a session in the year the meeting starts, and a valid agenda.
Result<void> ValidateMeeting(const Meeting& meeting);

// R25: the SOC meets at least once a year. The years from `from_year` to `to_year` in which
// `body` has no meeting starting, in order.
std::vector<int> YearsWithoutMeeting(const std::vector<Meeting>& meetings, BodyCode body, int from_year, int to_year);

// Items numbered 1..n in order, each with a title; invitations only on open items.
Result<void> ValidateAgenda(const std::vector<AgendaItem>& items);

// R13: Member States attend every item; anyone else only open items they were invited to.
bool MayAttend(const AgendaItem& item, const Participant& participant, Date on);

}  // namespace chancery::core
