#pragma once
// Meetings of a body and their agendas: the session code ("2021-I" = the first meeting of the
// body in 2021), the format, and items that are open or closed to observers (RoP 12.4, R13).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
};

// Items numbered 1..n in order, each with a title; invitations only on open items.
Result<void> ValidateAgenda(const std::vector<AgendaItem>& items);

// R13: Member States attend every item; anyone else only open items they were invited to.
bool MayAttend(const AgendaItem& item, const Participant& participant, Date on);

}  // namespace chancery::core
