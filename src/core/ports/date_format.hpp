#pragma once
// Dates and times written out in the organisation's languages ("12 July 2021",
// "12 июля 2021 г.", "2021 жылғы 12 шілде"). The adapter uses ICU's CLDR data.
#include <string>
#include <string_view>

#include "core/ports/time_zone.hpp"
#include "core/time.hpp"

namespace chancery::core {

class DateFormatter {
 public:
  virtual ~DateFormatter() = default;
  virtual std::string LongDate(Date date, std::string_view lang) const = 0;
  // Date and wall-clock time to the minute in `zone`, with the offset of that instant.
  virtual std::string LocalDateTime(Instant instant, const TimeZone& zone, std::string_view lang) const = 0;
};

}  // namespace chancery::core
