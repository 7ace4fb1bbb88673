#pragma once
// Dates and times written out in the organisation's languages ("12 July 2021",
// "12 июля 2021 г.", "2021 жылғы 12 шілде"). The adapter uses ICU's CLDR data.
#include <optional>
#include <string>
#include <string_view>

#include "core/ports/time_zone.hpp"
#include "core/time.hpp"

namespace chancery::core {

// The grammatical forms a date takes in a note. English never changes the date's words;
// Russian writes "года" in running text where a dateline has "г."; Kazakh puts the case
// ending on the month name ("25 маусымда" = "on 25 June", "23 маусымдағы" = "of 23 June").
// A form a language does not distinguish is written as that language's running-text form.
enum class DateForm {
  kLong,         // a dateline: "12 July 2021", "12 июля 2021 г.", "2021 жылғы 12 шілде"
  kText,         // in running text: "23 June 2021", "23 июня 2021 года", "2021 жылғы 23 маусым"
  kLocative,     // when something happened: kk "2021 жылғы 25 маусымда"
  kAttributive,  // what something is of: kk "2021 жылғы 23 маусымдағы"
};
// The names templates use after the colon of "{{meeting_date:attributive}}": "long", "text",
// "locative", "attributive"; "" (no form) is kLong.
std::string_view ToString(DateForm form);
std::optional<DateForm> ParseDateForm(std::string_view name);

class DateFormatter {
 public:
  virtual ~DateFormatter() = default;
  virtual std::string LongDate(Date date, std::string_view lang) const = 0;
  // `date` in `form`; LongDate(d, lang) is WrittenDate(d, lang, DateForm::kLong).
  virtual std::string WrittenDate(Date date, std::string_view lang, DateForm form) const = 0;
  // Date and wall-clock time to the minute in `zone`, with the offset of that instant.
  virtual std::string LocalDateTime(Instant instant, const TimeZone& zone, std::string_view lang) const = 0;
};

}  // namespace chancery::core
