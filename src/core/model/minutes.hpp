#pragma once
// Draft minutes from a meeting's record, in the layout of the seed's minutes of 23 June 2021:
// a title, introductory paragraphs (where, how, who chaired; which items observers attended),
// then each agenda item with "Comments" (the statements, in order) and "Decisions" (decisions
// and mandates). Paragraphs under an item carry its number and whether it was closed to
// observers, so that an observer's copy leaves them out. Pure: the caller passes the record and
// the long-date wording.
//
// In English or Russian. The Secretariat's own wording is written in the language asked for
// (minutes_wording.hpp); the record's words (item titles, statements, decision texts, mandate
// subjects) are written as the record has them in both, since it holds no translation. The
// two languages give the same paragraphs, ids, styles and flags, so that they are parallel
// language versions of one document version.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/decision.hpp"
#include "core/model/document.hpp"
#include "core/model/mandate.hpp"
#include "core/model/meeting.hpp"
#include "core/model/participant.hpp"

namespace chancery::core {

struct MinutesSource {
  const Meeting& meeting;
  const std::vector<Decision>& decisions;  // recorded at this meeting, in the order recorded
  const std::vector<Mandate>& mandates;    // given at this meeting, in the order given
  const std::vector<Participant>& registry;
  std::function<std::string(Date)> long_date;  // "23 June 2021", "23 июня 2021 г.": in `lang`
  std::string lang = "en";                     // "en" or "ru"; anything else is written in English
};

DocumentContent DraftMinutes(const MinutesSource& source);

// "SOC/2021-I/Minutes"
std::string MinutesSymbol(const Meeting& meeting);

// "1-4", "1, 3 and 5", "1-3 and 6": item numbers as the minutes list them ("1, 3 и 5" in "ru").
std::string ItemList(std::vector<int> numbers, std::string_view lang = "en");

}  // namespace chancery::core
