#include "core/model/minutes_import.hpp"

#include <array>
#include <cctype>

#include "core/model/body.hpp"

namespace chancery::core {
namespace {

bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

// `word` occurs at `pos` as whole words: no letter or digit on either side.
bool WordAt(std::string_view text, std::size_t pos, std::string_view word, bool ignore_case) {
  if (pos + word.size() > text.size()) return false;
  auto at = text.substr(pos, word.size());
  if (ignore_case ? !EqualsIgnoreCase(at, word) : at != word) return false;
  if (pos > 0 && IsAlnum(text[pos - 1])) return false;
  std::size_t end = pos + word.size();
  return end == text.size() || !IsAlnum(text[end]);
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

constexpr std::array<std::string_view, 12> kMonths{"January", "February", "March",     "April",   "May",      "June",
                                                   "July",    "August",   "September", "October", "November", "December"};

// Digits ending just before `end` (exclusive), at most `max` of them: their value and start.
std::optional<std::pair<int, std::size_t>> NumberBefore(std::string_view text, std::size_t end, std::size_t max) {
  std::size_t start = end;
  while (start > 0 && IsDigit(text[start - 1]) && end - start < max) --start;
  if (start == end || (start > 0 && IsAlnum(text[start - 1]))) return std::nullopt;
  int value = 0;
  for (std::size_t i = start; i < end; ++i) value = value * 10 + (text[i] - '0');
  return std::pair{value, start};
}

std::optional<std::pair<int, std::size_t>> NumberAfter(std::string_view text, std::size_t start, std::size_t max) {
  std::size_t end = start;
  while (end < text.size() && IsDigit(text[end]) && end - start < max) ++end;
  if (end == start || (end < text.size() && IsAlnum(text[end]))) return std::nullopt;
  int value = 0;
  for (std::size_t i = start; i < end; ++i) value = value * 10 + (text[i] - '0');
  return std::pair{value, end};
}

// A date around the month name at `pos`: "23 June 2021", "11-12 October 2021", "June 23, 2021".
std::optional<WrittenDate> DateAround(std::string_view text, std::size_t pos, int month) {
  const auto m = std::chrono::month{static_cast<unsigned>(month)};
  std::size_t after = pos + kMonths[static_cast<std::size_t>(month - 1)].size();
  // Day before the month.
  if (pos >= 2 && text[pos - 1] == ' ') {
    auto day = NumberBefore(text, pos - 1, 2);
    auto yr = after < text.size() && text[after] == ' ' ? NumberAfter(text, after + 1, 4) : std::nullopt;
    if (day && yr && yr->second - after == 5) {
      std::size_t start = day->second;
      int first_day = day->first;
      // A range: "11-12" or "11–12" (en dash, 3 bytes).
      for (std::string_view dash : {std::string_view("-"), std::string_view("\xE2\x80\x93")}) {
        if (start >= dash.size() && text.substr(start - dash.size(), dash.size()) == dash) {
          if (auto d0 = NumberBefore(text, start - dash.size(), 2)) {
            first_day = d0->first;
            start = d0->second;
          }
          break;
        }
      }
      const auto y = std::chrono::year{yr->first};
      Date first = y / m / std::chrono::day{static_cast<unsigned>(first_day)};
      Date last = y / m / std::chrono::day{static_cast<unsigned>(day->first)};
      if (first.ok() && last.ok() && first <= last) return WrittenDate{first, last, start, yr->second - start};
    }
  }
  // "June 23, 2021".
  if (after < text.size() && text[after] == ' ') {
    auto day = NumberAfter(text, after + 1, 2);
    if (day && text.substr(day->second, 2) == ", ") {
      auto yr = NumberAfter(text, day->second + 2, 4);
      if (yr && yr->second - day->second == 6) {
        Date d = std::chrono::year{yr->first} / m / std::chrono::day{static_cast<unsigned>(day->first)};
        if (d.ok()) return WrittenDate{d, d, pos, yr->second - pos};
      }
    }
  }
  return std::nullopt;
}

struct BodyName {
  std::string_view name;
  BodyCode body;
  bool ignore_case;
};

const std::vector<BodyName>& BodyNames() {
  static const std::vector<BodyName> names = [] {
    std::vector<BodyName> out;
    for (const auto& b : Bodies()) {
      out.push_back({b.name_en, b.code, true});
      out.push_back({ToString(b.code), b.code, false});
    }
    out.push_back({"Meeting of the Ministers of Foreign Affairs", BodyCode::kMm, true});
    out.push_back({"Ministers of Foreign Affairs", BodyCode::kMm, true});
    out.push_back({"the Ministers", BodyCode::kMm, true});  // not "the Cabinet of Ministers"
    out.push_back({"Heads of State", BodyCode::kSummit, true});
    return out;
  }();
  return names;
}

bool IsAbbreviation(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kAbbreviations{"Mr",  "Mrs", "Ms", "Dr", "Prof", "Amb",
                                                                   "St",  "No",  "p",  "pp", "Art",  "vs"};
  if (word.empty()) return false;
  if (word.find('.') != std::string_view::npos) return true;  // "H.E."
  if (word.size() == 1 && std::isupper(static_cast<unsigned char>(word[0]))) return true;  // an initial
  for (auto a : kAbbreviations) {
    if (a == word) return true;
  }
  return false;
}

// Whether the '.', '!' or '?' at `i` ends a sentence: followed by a space or the end, and not
// closing an abbreviation ("Mr.", "H.E.", "p.").
bool EndsSentence(std::string_view text, std::size_t i) {
  if (text[i] != '.' && text[i] != '!' && text[i] != '?') return false;
  if (i + 1 < text.size() && text[i + 1] != ' ') return false;
  if (text[i] != '.') return true;
  std::size_t start = i;
  while (start > 0 && text[start - 1] != ' ' && text[start - 1] != '(') --start;
  return !IsAbbreviation(text.substr(start, i - start));
}

}  // namespace

std::optional<WrittenDate> FindWrittenDate(std::string_view text) {
  std::optional<WrittenDate> best;
  for (std::size_t mi = 0; mi < kMonths.size(); ++mi) {
    for (std::size_t pos = text.find(kMonths[mi]); pos != std::string_view::npos;
         pos = text.find(kMonths[mi], pos + 1)) {
      if (!WordAt(text, pos, kMonths[mi], false)) continue;
      auto d = DateAround(text, pos, static_cast<int>(mi) + 1);
      if (d && (!best || d->pos < best->pos)) best = d;
      if (d) break;
    }
  }
  return best;
}

std::optional<BodyMention> FindBody(std::string_view text) {
  std::optional<BodyMention> best;
  for (const auto& n : BodyNames()) {
    for (std::size_t pos = 0; pos + n.name.size() <= text.size(); ++pos) {
      if (!WordAt(text, pos, n.name, n.ignore_case)) continue;
      if (!best || pos < best->pos || (pos == best->pos && n.name.size() > best->size)) {
        best = BodyMention{n.body, pos, n.name.size()};
      }
      break;
    }
  }
  return best;
}

std::optional<ChairMention> FindChair(std::string_view text) {
  std::size_t verb = std::string_view::npos;
  for (std::string_view v : {std::string_view(" chaired the "), std::string_view(" presided over the ")}) {
    verb = std::min(verb, text.find(v));
  }
  if (verb == std::string_view::npos) return std::nullopt;
  std::size_t start = 0;
  for (std::size_t i = 0; i < verb; ++i) {
    if (EndsSentence(text, i)) start = i + 1;
  }
  std::size_t end = text.size();
  for (std::size_t i = verb; i < text.size(); ++i) {
    if (EndsSentence(text, i)) {
      end = i + 1;
      break;
    }
  }
  auto person = Trim(text.substr(start, verb - start));
  if (!person.empty() && person.back() == ',') person.remove_suffix(1);
  if (person.empty()) return std::nullopt;
  return ChairMention{std::string(Trim(text.substr(start, end - start))), std::string(Trim(person))};
}

}  // namespace chancery::core
