#pragma once
// Reading a meeting's record out of its minutes: the English the Secretariat writes them in
// ("The meeting of the Senior Officials Committee (SOC) was held in Nur-Sultan in an online
// format on 23 June 2021", "India noted …", "The Senior Officials Committee tasked the SWG with
// … before the next SOC meeting"). The minutes arrive as paragraphs (codec/minutes_text.hpp
// reads the seed's text layout into them); nothing here touches bytes on disk or the store.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/decision_symbol.hpp"
#include "core/time.hpp"

namespace chancery::core {

// The first date written out in English running text: "23 June 2021", "11-12 October 2021"
// (a range: first and last differ), "June 23, 2021". `pos`/`size` locate the words in `text`.
struct WrittenDate {
  Date first;
  Date last;
  std::size_t pos = 0;
  std::size_t size = 0;
};
std::optional<WrittenDate> FindWrittenDate(std::string_view text);

// The first body named in `text`, by its English name ("Senior Officials Committee", any
// case), its code in capitals ("SOC", "SWG") or the usual paraphrase ("the Ministers of
// Foreign Affairs" is the Ministerial Meeting, "the Heads of State" the Summit). At equal
// positions the longest name wins.
struct BodyMention {
  BodyCode body = BodyCode::kSoc;
  std::size_t pos = 0;
  std::size_t size = 0;
};
std::optional<BodyMention> FindBody(std::string_view text);

// "H.E. Mr. Shakhrat Nuryshev, First Deputy Minister of Foreign Affairs of the Republic of
// Kazakhstan, chaired the meeting.": the sentence, and the person as written before "chaired".
struct ChairMention {
  std::string sentence;
  std::string person;
};
std::optional<ChairMention> FindChair(std::string_view text);

}  // namespace chancery::core
