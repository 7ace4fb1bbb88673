#pragma once
// The governance rules the domain brief marks [I] or [F]: settings with the brief's defaults,
// kept in the settings store so that the Secretariat can change them without a release.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/model/note_place.hpp"
#include "core/model/silence_procedure.hpp"
#include "core/ports/store.hpp"

namespace chancery::core {

// How a deadline given as a date only ("expiring on 20 March 2021") becomes an instant (R29).
struct DateOnlyDeadline {
  // nullopt: the end of that day (24:00) in the organisation's zone, the default;
  // otherwise that local time of day ("18:00").
  std::optional<std::chrono::minutes> local_time;
};

struct GovernanceSettings {
  SilenceSettings silence;            // silence.minimum_period_days (R11), silence.amendments_break_silence (R8)
  DateOnlyDeadline date_only_deadline;  // silence.date_only_deadline: "end_of_day" or "HH:MM" (R29)
  HolidayCalendar holidays;             // calendar.public_holidays (R29's flag)
  std::chrono::days comment_period{7};  // comments.period_days (R23): a round's default length
  std::vector<DatedPlace> note_places;  // notes.place (R20): where notes are dated, by date
};

inline constexpr char kSilenceMinimumPeriodDays[] = "silence.minimum_period_days";
inline constexpr char kSilenceAmendmentsBreak[] = "silence.amendments_break_silence";
inline constexpr char kSilenceDateOnlyDeadline[] = "silence.date_only_deadline";
inline constexpr char kDeputyTitleFrom[] = "titles.deputy_secretary_general_from";
inline constexpr char kPublicHolidays[] = "calendar.public_holidays";
inline constexpr char kCommentPeriodDays[] = "comments.period_days";
inline constexpr char kNotePlace[] = "notes.place";

// Kazakhstan's public holidays as the default calendar: the fixed days off, and Kurban Ait by
// year. [I]: the Secretariat must confirm it, and add days moved by decree.
inline constexpr char kDefaultPublicHolidays[] =
    "01-01,01-02,01-07,03-08,03-21,03-22,03-23,05-01,05-07,05-09,07-06,08-30,10-25,12-16,"
    "2021-07-20,2022-07-09,2023-06-28,2024-06-16,2025-06-06,2026-05-27";

// Every governance setting with its default, as stored by `init`.
std::vector<std::pair<std::string, std::string>> DefaultGovernanceSettings();

// The settings in force: stored values, defaults for those not stored. A stored value that
// does not parse is kFailedPrecondition naming the key (an administrator's typo must not
// silently change a rule).
Result<GovernanceSettings> LoadGovernanceSettings(Transaction& tx);

// The instant a date-only deadline resolves to under `policy`, in the organisation's zone.
Result<Instant> ResolveDateOnlyDeadline(Date day, const DateOnlyDeadline& policy, const TimeZone& zone);

}  // namespace chancery::core
