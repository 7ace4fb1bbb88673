#pragma once
// Dates and times in the organisation's languages, formatted with ICU (CLDR). The zone offset
// is applied here from core::TimeZone, not from ICU's stale zone data.
#include <string>
#include <string_view>

#include "core/ports/date_format.hpp"
#include "core/ports/time_zone.hpp"
#include "core/time.hpp"

namespace chancery::platform {

// The form the Secretariat writes in notes: "12 July 2021", "12 июля 2021 г.",
// "2021 жылғы 12 шілде". Unknown languages fall back to English.
std::string FormatLongDate(core::Date date, std::string_view lang);

// `date` in one of the forms of core::DateForm: "23 июня 2021 года" (ru, kText),
// "2021 жылғы 25 маусымда" (kk, kLocative), "2021 жылғы 23 маусымдағы" (kk, kAttributive).
std::string FormatDate(core::Date date, std::string_view lang, core::DateForm form);

// Date and wall-clock time in `zone`: "1 March 2024, 00:00" / "1 марта 2024 г., 00:00" /
// "2024 жылғы 1 наурыз, 00:00".
std::string FormatLocalDateTime(core::Instant instant, const core::TimeZone& zone, std::string_view lang);

class IcuDateFormatter : public core::DateFormatter {
 public:
  std::string LongDate(core::Date date, std::string_view lang) const override { return FormatLongDate(date, lang); }
  std::string WrittenDate(core::Date date, std::string_view lang, core::DateForm form) const override {
    return FormatDate(date, lang, form);
  }
  std::string LocalDateTime(core::Instant instant, const core::TimeZone& zone, std::string_view lang) const override {
    return FormatLocalDateTime(instant, zone, lang);
  }
};

}  // namespace chancery::platform
