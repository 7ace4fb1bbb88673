#include "core/model/note_place.hpp"

namespace chancery::core {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

Error Bad(std::string_view entry, std::string_view why) {
  return Error::InvalidArgument("place entry '" + std::string(entry) + "': " + std::string(why), "notes.place");
}

}  // namespace

Result<std::vector<DatedPlace>> ParseDatedPlaces(std::string_view text) {
  std::vector<DatedPlace> out;
  int defaults = 0;
  while (!text.empty()) {
    const auto semi = text.find(';');
    const std::string_view entry = Trim(text.substr(0, semi));
    text = semi == std::string_view::npos ? std::string_view{} : text.substr(semi + 1);
    if (entry.empty()) return Bad(entry, "empty");
    DatedPlace place;
    std::string_view names = entry;
    // "2019-03-23..2022-09-16 Nur-Sultan|…": a range is exactly 22 characters and a space.
    if (entry.size() > 23 && entry.substr(10, 2) == ".." && entry[22] == ' ') {
      place.from = ParseDate(entry.substr(0, 10));
      place.to = ParseDate(entry.substr(12, 10));
      if (!place.from || !place.to) return Bad(entry, "dates are YYYY-MM-DD..YYYY-MM-DD");
      if (*place.to < *place.from) return Bad(entry, "the range ends before it starts");
      names = Trim(entry.substr(23));
    } else {
      ++defaults;
    }
    std::string* slots[] = {&place.en, &place.ru, &place.kk};
    for (int i = 0; i < 3; ++i) {
      const auto bar = names.find('|');
      if ((i < 2) == (bar == std::string_view::npos)) return Bad(entry, "the name is given as en|ru|kk");
      *slots[i] = std::string(Trim(names.substr(0, bar)));
      if (slots[i]->empty()) return Bad(entry, "a name is empty");
      names = bar == std::string_view::npos ? std::string_view{} : names.substr(bar + 1);
    }
    out.push_back(std::move(place));
  }
  if (defaults != 1) return Error::InvalidArgument("exactly one place is given without dates", "notes.place");
  return out;
}

std::string PlaceOn(const std::vector<DatedPlace>& places, Date day, std::string_view lang) {
  const DatedPlace* chosen = nullptr;
  for (const auto& p : places) {
    if (!p.from) {
      if (!chosen) chosen = &p;
    } else if (*p.from <= day && day <= *p.to) {
      chosen = &p;
      break;
    }
  }
  if (!chosen) return {};
  return lang == "ru" ? chosen->ru : lang == "kk" ? chosen->kk : chosen->en;
}

}  // namespace chancery::core
