#pragma once
// The place a note is dated at, which depends on the date (R20): the capital was Nur-Sultan from
// 23 March 2019 to 16 September 2022 and Astana before and after. Kept as the governance
// setting "notes.place" so that a renaming is a setting, not a release:
//
//   "Astana|Астана|Астана; 2019-03-23..2022-09-16 Nur-Sultan|Нур-Султан|Нұр-Сұлтан"
//
// entries separated by ';', each "FROM..TO" (inclusive) followed by the name in en|ru|kk; the
// one entry without dates is the name on every other day.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"

namespace chancery::core {

inline constexpr char kDefaultNotePlace[] =
    "Astana|Астана|Астана; 2019-03-23..2022-09-16 Nur-Sultan|Нур-Султан|Нұр-Сұлтан";

struct DatedPlace {
  std::optional<Date> from = std::nullopt;  // both absent: the default
  std::optional<Date> to = std::nullopt;
  std::string en, ru, kk;
};

// kInvalidArgument unless the text has the shape above: exactly one default entry, three
// non-empty names per entry, from <= to.
Result<std::vector<DatedPlace>> ParseDatedPlaces(std::string_view text);

// The place's name on `day` in `lang` (en, ru, kk): the first dated entry covering the day,
// else the default.
std::string PlaceOn(const std::vector<DatedPlace>& places, Date day, std::string_view lang);

}  // namespace chancery::core
