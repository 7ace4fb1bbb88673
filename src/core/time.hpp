#pragma once
// Calendar dates and UTC instants, in the standard library's terms. Every instant chancery
// stores is UTC; turning it into a wall-clock time needs a zone, which comes through the
// TimeZone port (ports/time_zone.hpp) because the zone data lives outside core.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace chancery::core {

using Instant = std::chrono::sys_time<std::chrono::milliseconds>;
using Date = std::chrono::year_month_day;
using LocalTime = std::chrono::local_time<std::chrono::seconds>;

// "2021-06-23" only; anything else is nullopt (no lenient parsing of dates in a registry).
std::optional<Date> ParseDate(std::string_view text);
std::string FormatDate(Date date);

// RFC 3339: "2021-03-20T18:00:00Z", "2021-03-20T24:00:00+06:00" is not accepted (hour 24),
// fractional seconds up to milliseconds, offsets "+06:00"/"-05:30"/"Z".
std::optional<Instant> ParseInstant(std::string_view text);
// "2021-03-20T18:00:00Z", or with ".123" when there are milliseconds.
std::string FormatInstant(Instant instant);

// "2021-03-20T23:59:59" (no offset): a wall-clock time in some zone.
std::optional<LocalTime> ParseLocalTime(std::string_view text);

// Offset as "+06:00" / "-03:30".
std::string FormatOffset(std::chrono::seconds offset);

// The UTC calendar day an instant falls on.
Date UtcDate(Instant instant);

}  // namespace chancery::core
