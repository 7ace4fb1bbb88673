#include "core/model/meeting.hpp"

#include <algorithm>
#include <charconv>

#include "core/model/decision_symbol.hpp"

namespace chancery::core {

std::string_view ToString(MeetingFormat format) {
  switch (format) {
    case MeetingFormat::kInPerson: return "in_person";
    case MeetingFormat::kOnline: return "online";
    case MeetingFormat::kHybrid: return "hybrid";
  }
  return "in_person";
}

std::optional<MeetingFormat> ParseMeetingFormat(std::string_view text) {
  for (auto f : {MeetingFormat::kInPerson, MeetingFormat::kOnline, MeetingFormat::kHybrid}) {
    if (ToString(f) == text) return f;
  }
  return std::nullopt;
}

std::string Format(SessionCode code) { return std::to_string(code.year) + "-" + ToRoman(code.number); }

std::optional<SessionCode> ParseSessionCode(std::string_view text) {
  if (text.size() < 6 || text[4] != '-') return std::nullopt;
  int year = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + 4, year);
  if (ec != std::errc() || end != text.data() + 4 || year < 1990) return std::nullopt;
  auto number = FromRoman(text.substr(5));
  if (!number) return std::nullopt;
  return SessionCode{year, *number};
}

int NextSessionNumber(const std::vector<SessionCode>& existing, int year) {
  int highest = 0;
  for (const auto& s : existing) {
    if (s.year == year) highest = std::max(highest, s.number);
  }
  return highest + 1;
}

Result<void> ValidateAgenda(const std::vector<AgendaItem>& items) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    const std::string at = "items[" + std::to_string(i) + "]";
    if (item.number != static_cast<int>(i) + 1) {
      return Error::InvalidArgument("items are numbered 1, 2, 3, … in order", at + ".number");
    }
    if (item.title.empty()) return Error::InvalidArgument("an item needs a title", at + ".title");
    if (item.closed_to_observers && !item.invited_observers.empty()) {
      return Error::InvalidArgument("observers cannot be invited to an item closed to them", at + ".invited_observers");
    }
  }
  return Ok();
}

bool MayAttend(const AgendaItem& item, const Participant& participant, Date on) {
  if (IsMemberStateOn(participant, on)) return true;
  if (item.closed_to_observers) return false;
  return std::find(item.invited_observers.begin(), item.invited_observers.end(), participant.id) !=
         item.invited_observers.end();
}

}  // namespace chancery::core

namespace chancery::core {

std::string_view ToString(AgendaStatus status) {
  return status == AgendaStatus::kAdopted ? "adopted" : "draft";
}

std::string_view ToString(SpeakerRole role) {
  switch (role) {
    case SpeakerRole::kParticipant: return "participant";
    case SpeakerRole::kChair: return "chair";
    case SpeakerRole::kSecretariat: return "secretariat";
    case SpeakerRole::kGuest: return "guest";
  }
  return "participant";
}

std::optional<SpeakerRole> ParseSpeakerRole(std::string_view text) {
  for (auto r : {SpeakerRole::kParticipant, SpeakerRole::kChair, SpeakerRole::kSecretariat, SpeakerRole::kGuest}) {
    if (ToString(r) == text) return r;
  }
  return std::nullopt;
}

std::string MeetingCode(BodyCode body, SessionCode session) {
  return std::string(ToString(body)) + "/" + Format(session);
}

const AgendaItem* FindItem(const Meeting& meeting, int number) {
  for (const auto& item : meeting.agenda) {
    if (item.number == number) return &item;
  }
  return nullptr;
}

AgendaItem* FindItem(Meeting& meeting, int number) {
  return const_cast<AgendaItem*>(FindItem(static_cast<const Meeting&>(meeting), number));
}

Result<void> ValidateMeeting(const Meeting& m) {
  if (!m.starts_on.ok()) return Error::InvalidArgument("a meeting needs its first day", "starts_on");
  if (!m.ends_on.ok() || m.ends_on < m.starts_on) {
    return Error::InvalidArgument("a meeting cannot end before it starts", "ends_on");
  }
  if (m.session.number < 1 || m.session.year != static_cast<int>(m.starts_on.year())) {
    return Error::InvalidArgument("the session is numbered within the year the meeting starts", "session");
  }
  return ValidateAgenda(m.agenda);
}

std::vector<int> YearsWithoutMeeting(const std::vector<Meeting>& meetings, BodyCode body, int from_year, int to_year) {
  std::vector<int> out;
  for (int year = from_year; year <= to_year; ++year) {
    const bool met = std::any_of(meetings.begin(), meetings.end(), [&](const Meeting& m) {
      return m.body == body && static_cast<int>(m.starts_on.year()) == year;
    });
    if (!met) out.push_back(year);
  }
  return out;
}

}  // namespace chancery::core
