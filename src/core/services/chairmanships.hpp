#pragma once
// Use cases of the Chairmanship (R16) and the Secretariat's dated titles (R17).
#include <optional>
#include <string>
#include <vector>

#include "core/model/chairmanship.hpp"
#include "core/model/user.hpp"
#include "core/services/deps.hpp"

namespace chancery::core {

// Every term, or the one in force `on` that day.
Result<std::vector<ChairmanshipTerm>> ListChairmanships(Deps& deps, const Actor& actor, std::optional<Date> on);

// How a term enters the record: decided now, or loaded as history (a dataset of past terms,
// whatever "today" the loading process has).
enum class TermEntry { kNew, kRecordedHistory };

// Adds a term; the whole list must still validate (order, no overlap, a Member State). A new
// term that begins after today is a new Chair, whom the SOC recommends through a silence
// procedure (RoP 14.1.4, R12): it must cite that procedure, adopted. Any term may cite one.
Result<ChairmanshipTerm> AddChairmanship(Deps& deps, const Actor& actor, ChairmanshipTerm term,
                                         TermEntry entry = TermEntry::kNew);

struct OfficeTitles {
  std::string head;    // "Executive Director" / "Secretary General"
  std::string deputy;  // "Deputy Executive Director" / "Deputy Secretary General"
};

// The Secretariat's titles on `day` in `lang`; the deputy's switch date is a setting (R17).
Result<OfficeTitles> TitlesOn(Deps& deps, const Actor& actor, Date day, std::string_view lang);

}  // namespace chancery::core
