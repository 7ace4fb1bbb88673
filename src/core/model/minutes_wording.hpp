#pragma once
// The Secretariat's fixed wording of draft minutes (minutes.hpp) in one language: the title,
// the introductory sentences, the sub-headings and the sentences around amendments and
// mandates. The record's own words (venue, chair, item titles, statements, decision texts,
// mandate subjects, state names) are passed in and written as they are; nothing here
// translates them. English is the seed's wording of 23 June 2021.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/decision_symbol.hpp"
#include "core/model/mandate.hpp"
#include "core/model/meeting.hpp"

namespace chancery::core {

// Stateful: a body is named in full with its acronym the first time, by its acronym after,
// so one Wording writes one document, its sentences asked for in document order.
class MinutesWording {
 public:
  virtual ~MinutesWording() = default;
  virtual std::string Lang() const = 0;
  // `dates` is the meeting's long date (or range) as this language writes it.
  virtual std::string Title(BodyCode body, MeetingFormat format, const std::string& dates) = 0;
  virtual std::string Held(BodyCode body, const std::string& venue, MeetingFormat format, const std::string& dates,
                           const std::string& chair) = 0;
  // The adopted agenda and/or the numbered decisions sent round; at least one is non-empty.
  virtual std::string Circulated(const std::string& agenda_symbol, const std::vector<std::string>& decisions) = 0;
  virtual std::string ObserversAttended(BodyCode body, const std::vector<int>& open_items) = 0;
  virtual std::string AgendaAmended(BodyCode body, int item_number, const std::string& proposer) = 0;
  // `due_date`: the long date of mandate.due_by, when it has one.
  virtual std::string Tasked(const Mandate& mandate, const std::string& due_date) = 0;
  virtual std::string Comments() const = 0;
  virtual std::string Decisions() const = 0;
  virtual std::string NothingRaised() const = 0;
};

// "ru" gives Russian; anything else English (Lang() says which).
std::unique_ptr<MinutesWording> MinutesWordingFor(std::string_view lang);

// "a, b and c" ("a, b и c" in Russian).
std::string JoinedIn(std::string_view lang, const std::vector<std::string>& parts);

}  // namespace chancery::core
