#pragma once
// Importing minutes written before chancery: what a parser read from the text (codec's
// ParseMinutesText) becomes a meeting record (meeting, agenda, statements, decisions, mandates)
// and the minutes document holding the text. Everything that would refuse the import is
// checked before the first write: the meeting's session, the decision symbols and the minutes'
// symbol must all be free.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/model/document.hpp"
#include "core/model/meeting.hpp"
#include "core/model/user.hpp"
#include "core/services/deps.hpp"

namespace chancery::core {

struct MinutesToImport {
  DocumentContent content;  // paragraphs with item numbers and closed flags
  std::optional<BodyCode> body;
  std::optional<Date> starts_on;
  std::optional<Date> ends_on;
  std::optional<MeetingFormat> format;
  std::string venue;
  std::string chair_person;
  std::string agenda_symbol;
};

struct ImportReport {
  std::string meeting_code;  // "SOC/2021-I"
  std::int64_t meeting_id = 0;
  std::string symbol;        // the minutes: "SOC/2021-I/Minutes"
  int items = 0, statements = 0, decisions = 0, mandates = 0;
  std::vector<std::string> not_recorded;  // paragraphs read but not recorded, each with why
};

// After each agenda item's statements and mandates are recorded: where the import is, so that
// a long import can show its progress.
struct ImportProgress {
  int item = 0;     // 1-based position in the agenda
  int items = 0;    // of this many
  int statements = 0, mandates = 0;  // recorded under this item
};

Result<ImportReport> ImportMinutes(Deps& deps, const Actor& actor, const MinutesToImport& minutes,
                                   const std::function<void(const ImportProgress&)>& on_progress = {});

}  // namespace chancery::core
