#include "core/services/governance_settings.hpp"

#include <charconv>

namespace chancery::core {
namespace {

Error Malformed(std::string_view key, std::string_view expected) {
  return Error::FailedPrecondition("setting " + std::string(key) + " must be " + std::string(expected),
                                   std::string(key));
}

// "18:00" → 18 h; nullopt unless exactly HH:MM with HH < 24 and MM < 60.
std::optional<std::chrono::minutes> ParseTimeOfDay(std::string_view t) {
  auto digit = [&](std::size_t i) { return t[i] >= '0' && t[i] <= '9' ? t[i] - '0' : -100; };
  if (t.size() != 5 || t[2] != ':') return std::nullopt;
  const int h = digit(0) * 10 + digit(1), m = digit(3) * 10 + digit(4);
  if (h < 0 || h > 23 || m < 0 || m > 59) return std::nullopt;
  return std::chrono::hours{h} + std::chrono::minutes{m};
}

}  // namespace

std::vector<std::pair<std::string, std::string>> DefaultGovernanceSettings() {
  return {
      {kSilenceMinimumPeriodDays, "14"},          // R11
      {kSilenceAmendmentsBreak, "true"},          // R8
      {kSilenceDateOnlyDeadline, "end_of_day"},   // R29
      {kDeputyTitleFrom, "2022-12-15"},           // R17: the day after the SOC of 14 Dec 2022
      {kPublicHolidays, kDefaultPublicHolidays},  // R29
      {kCommentPeriodDays, "7"},                  // R23
      {kNotePlace, kDefaultNotePlace},            // R20
  };
}

Result<GovernanceSettings> LoadGovernanceSettings(Transaction& tx) {
  GovernanceSettings out;
  auto get = [&](std::string_view key) -> Result<std::optional<std::string>> { return tx.Settings().Get(key); };

  // A whole number of days from `min` to 366, or nullopt when the key is not stored.
  auto day_count = [&](std::string_view key, int min) -> Result<std::optional<std::chrono::days>> {
    auto stored = get(key);
    if (!stored) return stored.error();
    if (!*stored) return std::optional<std::chrono::days>{};
    int n = -1;
    const auto& t = **stored;
    auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), n);
    if (ec != std::errc() || end != t.data() + t.size() || n < min || n > 366) {
      return Malformed(key, "a number of days from " + std::to_string(min) + " to 366");
    }
    return std::optional<std::chrono::days>{std::chrono::days{n}};
  };
  auto minimum = day_count(kSilenceMinimumPeriodDays, 0);
  if (!minimum) return minimum.error();
  if (*minimum) out.silence.minimum_period = **minimum;
  auto comment_period = day_count(kCommentPeriodDays, 1);
  if (!comment_period) return comment_period.error();
  if (*comment_period) out.comment_period = **comment_period;

  auto amendments = get(kSilenceAmendmentsBreak);
  if (!amendments) return amendments.error();
  if (*amendments) {
    if (**amendments != "true" && **amendments != "false") return Malformed(kSilenceAmendmentsBreak, "true or false");
    out.silence.amendments_break_silence = **amendments == "true";
  }

  auto deadline = get(kSilenceDateOnlyDeadline);
  if (!deadline) return deadline.error();
  if (*deadline && **deadline != "end_of_day") {
    auto t = ParseTimeOfDay(**deadline);
    if (!t) return Malformed(kSilenceDateOnlyDeadline, "end_of_day or a local time HH:MM");
    out.date_only_deadline.local_time = *t;
  }
  auto holidays = get(kPublicHolidays);
  if (!holidays) return holidays.error();
  auto calendar = ParseHolidayCalendar(*holidays ? **holidays : kDefaultPublicHolidays);
  if (!calendar) return Malformed(kPublicHolidays, "a comma-separated list of MM-DD and YYYY-MM-DD");
  out.holidays = std::move(*calendar);
  auto place = get(kNotePlace);
  if (!place) return place.error();
  auto places = ParseDatedPlaces(*place ? **place : kDefaultNotePlace);
  if (!places) {
    return Malformed(kNotePlace, "\"Astana|Астана|Астана; 2019-03-23..2022-09-16 Nur-Sultan|…\" (" +
                                     places.error().message + ")");
  }
  out.note_places = std::move(*places);
  return out;
}

Result<Instant> ResolveDateOnlyDeadline(Date day, const DateOnlyDeadline& policy, const TimeZone& zone) {
  if (!policy.local_time) return EndOfLocalDay(day, zone);
  return zone.ToInstant(LocalTime{std::chrono::sys_days{day}.time_since_epoch() + *policy.local_time});
}

}  // namespace chancery::core
