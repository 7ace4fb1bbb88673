#pragma once
// An instant as seen in a zone: its wall-clock date and its RFC 3339 form with the offset of
// that instant. The one place that adds a zone's offset to an instant.
#include <string>

#include "core/ports/time_zone.hpp"
#include "core/time.hpp"

namespace chancery::core {

// The calendar date in `zone` at `instant`.
Date LocalDate(Instant instant, const TimeZone& zone);

// "2024-02-29T23:00:00+05:00", to the second.
std::string FormatLocal(Instant instant, const TimeZone& zone);

}  // namespace chancery::core
