#include "codec/minutes_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/model/minutes_import.hpp"

namespace chancery::codec {
namespace {

using core::ParagraphStyle;

struct Line {
  int number = 0;
  std::string_view text;
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string Lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Bold markers are layout, not text: "**MINUTES" → "MINUTES", "- **Comments**" → "- Comments".
std::string StripBold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '*' && i + 1 < s.size() && s[i + 1] == '*') {
      ++i;
      continue;
    }
    out += s[i];
  }
  return std::string(Trim(out));
}

std::size_t CountBold(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t pos = s.find("**"); pos != std::string_view::npos; pos = s.find("**", pos + 2)) ++n;
  return n;
}

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  int number = 1;
  while (!text.empty()) {
    auto nl = text.find('\n');
    auto line = text.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back({number++, line});
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return lines;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return IsDigit(c); });
}

// The bullet's text, for "- text", "– text", "• text" and "* text" ("**bold" is not a bullet).
std::optional<std::string_view> Bullet(std::string_view t) {
  for (std::string_view mark : {std::string_view("- "), std::string_view("\xE2\x80\x93 "),
                                std::string_view("\xE2\x80\xA2 "), std::string_view("* ")}) {
    if (StartsWith(t, mark)) return Trim(t.substr(mark.size()));
  }
  return std::nullopt;
}

// Why a (trimmed, non-empty) line cannot be placed in the minutes, or nullopt.
std::optional<std::string> Unplaceable(std::string_view t) {
  if (t == "-" || t == "\xE2\x80\xA2" || t == "\xE2\x80\x93") return "an empty bullet";
  if (auto b = Bullet(t); b && StripBold(*b).empty()) {
    return "an empty bullet";
  }
  if (t.front() == '|') return "a table row";
  if (std::all_of(t.begin(), t.end(), [](char c) { return std::string_view("*-_#=~`").find(c) != std::string_view::npos; })) {
    return "stray markup";
  }
  // "3", "- 3 -", "Page 3", "Page 3 of 8", "3/8".
  std::string_view core_text = t;
  if (StartsWith(core_text, "- ") && EndsWith(core_text, " -")) core_text = Trim(core_text.substr(2, core_text.size() - 4));
  if (StartsWith(core_text, "Page ") || StartsWith(core_text, "page ")) core_text = Trim(core_text.substr(5));
  if (auto of = core_text.find(" of "); of != std::string_view::npos && AllDigits(core_text.substr(of + 4))) {
    core_text = core_text.substr(0, of);
  }
  if (auto slash = core_text.find('/'); slash != std::string_view::npos && AllDigits(core_text.substr(slash + 1))) {
    core_text = core_text.substr(0, slash);
  }
  if (AllDigits(core_text) && core_text.size() <= 4) return "a page number";
  // Cyrillic letters (U+0400–U+04FF: lead bytes D0–D3) outnumbering Latin ones.
  std::size_t cyrillic = 0, latin = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    auto c = static_cast<unsigned char>(t[i]);
    if (c >= 0xD0 && c <= 0xD3) ++cyrillic;
    if (IsLower(t[i]) || IsUpper(t[i])) ++latin;
  }
  if (cyrillic > latin) return "not in English";
  return std::nullopt;
}

struct Heading {
  int number = 0;
  std::string title;
};

// "4. Thematic discussion …" (bold or not). A number alone ("5.") is reported as unplaceable.
std::optional<Heading> ItemHeading(std::string_view t) {
  std::string s = StripBold(t);
  std::size_t i = 0;
  while (i < s.size() && IsDigit(s[i]) && i < 3) ++i;
  if (i == 0 || i >= s.size() || s[i] != '.') return std::nullopt;
  if (i + 1 < s.size() && !IsSpace(s[i + 1])) return std::nullopt;
  Heading h;
  h.number = std::stoi(s.substr(0, i));
  h.title = std::string(Trim(std::string_view(s).substr(i + 1)));
  return h;
}

// "MINUTES" or "Minutes" as the first word of the line.
bool IsTitleStart(std::string_view t) {
  std::string s = StripBold(t);
  for (std::string_view word : {std::string_view("MINUTES"), std::string_view("Minutes")}) {
    if (StartsWith(s, word) && (s.size() == word.size() || IsSpace(s[word.size()]))) return true;
  }
  return false;
}

constexpr std::array<std::string_view, 13> kSubheadingWords{
    "Comments", "Decisions", "Decision", "Statement", "Statements", "Video",      "Address",
    "Presentation", "Report", "Briefing", "Remarks", "Information", "Discussion"};

bool StartsWithSubheadingWord(std::string_view s) {
  for (auto w : kSubheadingWords) {
    if (StartsWith(s, w) && (s.size() == w.size() || !(IsLower(s[w.size()]) || IsUpper(s[w.size()])))) return true;
  }
  return false;
}

// The text without closing quotes and brackets ends a sentence or a clause.
bool Finished(std::string_view s) {
  s = Trim(s);
  for (bool stripped = true; stripped && !s.empty();) {
    stripped = false;
    for (std::string_view close : {std::string_view(")"), std::string_view("]"), std::string_view("\""),
                                   std::string_view("'"), std::string_view("\xE2\x80\x9D"),
                                   std::string_view("\xE2\x80\x99"), std::string_view("\xC2\xBB")}) {
      if (EndsWith(s, close)) {
        s.remove_suffix(close.size());
        stripped = true;
      }
    }
  }
  if (s.empty()) return true;
  if (EndsWith(s, "\xE2\x80\xA6")) return true;  // …
  return std::string_view(".:;!?").find(s.back()) != std::string_view::npos;
}

struct Raw {
  ParagraphStyle style = ParagraphStyle::kText;
  std::string text;
  int line = 0;
  int item = 0;
  bool bold_open = false;
};

// The sentence of `text` around `pos`: from after the previous ". X" to the next ". X", where a
// full stop after "p", "Mr", "H.E" or a single letter does not count.
std::string_view SentenceAround(std::string_view text, std::size_t pos) {
  auto ends_at = [&](std::size_t i) {
    if (text[i] != '.' || i + 2 >= text.size() || text[i + 1] != ' ' || !IsUpper(text[i + 2])) return false;
    std::size_t w = i;
    while (w > 0 && text[w - 1] != ' ') --w;
    auto word = text.substr(w, i - w);
    return !(word.size() <= 2 || word.find('.') != std::string_view::npos || word == "Mrs");
  };
  std::size_t start = 0, end = text.size();
  for (std::size_t i = 0; i < pos && i < text.size(); ++i) {
    if (ends_at(i)) start = i + 2;
  }
  for (std::size_t i = pos; i < text.size(); ++i) {
    if (ends_at(i)) {
      end = i + 1;
      break;
    }
  }
  return Trim(text.substr(start, end - start));
}

// "items 1-4", "item 3", "items 1, 2 and 4", "items 1–3 and 5" from `pos`.
std::vector<int> ItemNumbers(std::string_view s, std::size_t pos) {
  std::vector<int> out;
  auto number = [&](std::size_t& i) -> std::optional<int> {
    std::size_t start = i;
    while (i < s.size() && IsDigit(s[i]) && i - start < 3) ++i;
    if (i == start) return std::nullopt;
    return std::stoi(std::string(s.substr(start, i - start)));
  };
  std::size_t i = pos;
  while (true) {
    auto first = number(i);
    if (!first) break;
    int last = *first;
    for (std::string_view dash : {std::string_view("-"), std::string_view("\xE2\x80\x93"), std::string_view(" to ")}) {
      if (s.substr(i, dash.size()) == dash) {
        std::size_t j = i + dash.size();
        if (auto l = number(j)) {
          last = *l;
          i = j;
        }
        break;
      }
    }
    for (int n = *first; n <= last && n - *first < 100; ++n) out.push_back(n);
    bool more = false;
    for (std::string_view sep : {std::string_view(", and "), std::string_view(", "), std::string_view(" and "),
                                 std::string_view(",")}) {
      if (s.substr(i, sep.size()) == sep) {
        i += sep.size();
        more = true;
        break;
      }
    }
    if (!more) break;
  }
  return out;
}

void ReadFacts(const core::DocumentContent& content, MinutesFacts& facts) {
  std::vector<const core::Paragraph*> intro;
  for (const auto& p : content.paragraphs) {
    if (p.item_number == 0 && p.style == ParagraphStyle::kText) intro.push_back(&p);
  }
  const core::Paragraph* held = nullptr;
  for (const auto* p : intro) {
    if (p->text.find(" held ") != std::string::npos) {
      held = p;
      break;
    }
  }
  if (!held && !intro.empty()) held = intro.front();
  const std::string held_text = held ? held->text : std::string();

  if (auto b = core::FindBody(content.title)) {
    facts.body = b->body;
  } else if (auto hb = core::FindBody(held_text)) {
    facts.body = hb->body;
  }

  auto date = core::FindWrittenDate(content.title);
  std::string_view date_source = content.title;
  if (!date) {
    date = core::FindWrittenDate(held_text);
    date_source = held_text;
  }
  if (date) {
    facts.starts_on = date->first;
    facts.ends_on = date->last;
    facts.date_text = std::string(date_source.substr(date->pos, date->size));
  }

  for (const std::string& source : {content.title, held_text}) {
    std::string l = Lowered(source);
    if (l.find("hybrid") != std::string::npos) {
      facts.format = core::MeetingFormat::kHybrid;
    } else if (l.find("online") != std::string::npos || l.find("videoconferenc") != std::string::npos ||
               l.find("video conferenc") != std::string::npos) {
      facts.format = core::MeetingFormat::kOnline;
    } else if (l.find("in person") != std::string::npos || l.find("in-person") != std::string::npos ||
               l.find("face-to-face") != std::string::npos) {
      facts.format = core::MeetingFormat::kInPerson;
    }
    if (facts.format) break;
  }

  if (auto at = held_text.find("held in "); at != std::string::npos) {
    std::string_view rest = std::string_view(held_text).substr(at + 8);
    std::string venue;
    while (!rest.empty() && (IsUpper(rest.front()) || static_cast<unsigned char>(rest.front()) >= 0x80)) {
      auto space = rest.find(' ');
      auto word = rest.substr(0, space);
      while (!word.empty() && std::string_view(",.;:").find(word.back()) != std::string_view::npos) {
        word.remove_suffix(1);
      }
      if (!venue.empty()) venue += ' ';
      venue += word;
      if (space == std::string_view::npos || word.size() < rest.substr(0, space).size()) break;
      rest.remove_prefix(space + 1);
    }
    facts.venue = venue;
  }

  for (const auto* p : intro) {
    if (auto chair = core::FindChair(p->text)) {
      facts.chair_sentence = chair->sentence;
      facts.chair_person = chair->person;
      break;
    }
  }

  for (const auto* p : intro) {
    auto at = p->text.find("agenda (");
    if (at == std::string::npos) continue;
    auto close = p->text.find(')', at);
    auto symbol = std::string_view(p->text).substr(at + 8, close == std::string::npos ? 0 : close - at - 8);
    if (symbol.find('/') != std::string_view::npos) {
      facts.agenda_symbol = std::string(symbol);
      break;
    }
  }

  for (const auto* p : intro) {
    std::string l = Lowered(p->text);
    if (l.find("observer") == std::string::npos) continue;
    for (std::string_view word : {std::string_view("items "), std::string_view("item ")}) {
      auto at = l.find(word);
      if (at == std::string::npos) continue;
      auto numbers = ItemNumbers(p->text, at + word.size());
      if (numbers.empty()) continue;
      facts.items_open_to_observers = numbers;
      facts.observers_sentence = std::string(SentenceAround(p->text, at));
      break;
    }
    if (!facts.observers_sentence.empty()) break;
  }
}

}  // namespace

core::Result<MinutesText> ParseMinutesText(std::string_view text) {
  const auto lines = SplitLines(text);
  std::size_t title_at = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if ((i == 0 || Trim(lines[i - 1].text).empty()) && IsTitleStart(Trim(lines[i].text))) {
      title_at = i;
      break;
    }
  }
  if (title_at == lines.size()) {
    return core::Error::InvalidArgument("no minutes title: no paragraph starts with the word MINUTES", "title");
  }

  MinutesText out;
  out.content.lang = "en";
  std::size_t i = title_at;
  for (; i < lines.size() && !Trim(lines[i].text).empty(); ++i) {
    std::string part = StripBold(lines[i].text);
    if (part.empty()) continue;
    if (!out.content.title.empty()) out.content.title += ' ';
    out.content.title += part;
  }

  // Lines into paragraphs.
  std::vector<Raw> raws;
  std::optional<Raw> cur;
  auto flush = [&] {
    if (cur) raws.push_back(std::move(*cur));
    cur.reset();
  };
  int expected_item = 1;
  for (; i < lines.size(); ++i) {
    const int n = lines[i].number;
    const std::string_view t = Trim(lines[i].text);
    if (t.empty()) {
      flush();
      continue;
    }
    if (auto why = Unplaceable(t)) {
      out.unrecognised.push_back({n, std::string(t), *why});
      continue;
    }
    if (auto h = ItemHeading(t); h && (!cur || h->number == expected_item)) {
      if (h->number != expected_item) {
        return core::Error::InvalidArgument("item " + std::to_string(h->number) + " where item " +
                                                std::to_string(expected_item) + " was expected",
                                            "line " + std::to_string(n));
      }
      if (h->title.empty()) {
        out.unrecognised.push_back({n, std::string(t), "an item number without a title"});
        continue;
      }
      flush();
      raws.push_back({ParagraphStyle::kItemHeading, h->title, n, h->number, false});
      ++expected_item;
      continue;
    }
    if (auto b = Bullet(t)) {
      flush();
      const bool bold = StartsWith(*b, "**");
      std::string body = StripBold(*b);
      const Raw* prev = raws.empty() ? nullptr : &raws.back();
      ParagraphStyle style = ParagraphStyle::kSubheading;
      if (!bold && !StartsWithSubheadingWord(body)) {
        if ((prev && (prev->style == ParagraphStyle::kListItem ||
                      (prev->style == ParagraphStyle::kText && EndsWith(prev->text, ":")))) ||
            std::string_view(".,;:").find(body.back()) != std::string_view::npos) {
          style = ParagraphStyle::kListItem;
        }
      }
      cur = Raw{style, std::move(body), n, 0, CountBold(*b) % 2 == 1};
      if (style == ParagraphStyle::kSubheading && !cur->bold_open) flush();
      continue;
    }
    if (cur && (cur->style != ParagraphStyle::kSubheading || cur->bold_open)) {
      cur->text += ' ';
      cur->text += StripBold(t);
      if (CountBold(t) % 2 == 1) cur->bold_open = !cur->bold_open;
      if (cur->style == ParagraphStyle::kSubheading && !cur->bold_open) flush();
      continue;
    }
    flush();
    cur = Raw{ParagraphStyle::kText, StripBold(t), n, 0, false};
  }
  flush();

  // Page breaks: rejoin a paragraph that starts in lower case or continues an unfinished one.
  std::vector<Raw> joined;
  for (auto& r : raws) {
    if (!joined.empty() && r.style == ParagraphStyle::kText) {
      Raw& prev = joined.back();
      const bool lower = IsLower(r.text.front());
      if ((prev.style == ParagraphStyle::kText && (lower || !Finished(prev.text))) ||
          (prev.style == ParagraphStyle::kListItem && lower)) {
        prev.text += ' ';
        prev.text += r.text;
        out.rejoined_at_lines.push_back(r.line);
        continue;
      }
    }
    joined.push_back(std::move(r));
  }

  // Ids and items.
  auto& paragraphs = out.content.paragraphs;
  paragraphs.push_back({"title", ParagraphStyle::kTitle, out.content.title, 0, false});
  int item = 0, intro = 0, within = 0;
  for (auto& r : joined) {
    core::Paragraph p;
    p.style = r.style;
    p.text = std::move(r.text);
    if (r.style == ParagraphStyle::kItemHeading) {
      item = r.item;
      within = 0;
      p.id = "item-" + std::to_string(item);
    } else if (item == 0) {
      p.id = "intro-" + std::to_string(++intro);
    } else {
      p.id = "item-" + std::to_string(item) + "-p" + std::to_string(++within);
    }
    p.item_number = item;
    paragraphs.push_back(std::move(p));
  }

  ReadFacts(out.content, out.facts);
  const auto& open = out.facts.items_open_to_observers;
  for (auto& p : paragraphs) {
    p.closed_to_observers = p.item_number > 0 && std::find(open.begin(), open.end(), p.item_number) == open.end();
  }
  return out;
}

std::string WriteMinutesText(const core::DocumentContent& content) {
  std::string out;
  const bool has_title = std::any_of(content.paragraphs.begin(), content.paragraphs.end(),
                                     [](const core::Paragraph& p) { return p.style == ParagraphStyle::kTitle; });
  if (!has_title && !content.title.empty()) out += "**" + content.title + "**";
  std::optional<ParagraphStyle> prev;
  for (std::size_t i = 0; i < content.paragraphs.size(); ++i) {
    const auto& p = content.paragraphs[i];
    const bool tight = prev && *prev == p.style &&
                       (p.style == ParagraphStyle::kListItem || p.style == ParagraphStyle::kTitle);
    if (!out.empty()) out += tight ? "\n" : "\n\n";
    const bool first_title = p.style == ParagraphStyle::kTitle && !tight;
    const bool last_title = p.style == ParagraphStyle::kTitle &&
                            (i + 1 == content.paragraphs.size() || content.paragraphs[i + 1].style != ParagraphStyle::kTitle);
    switch (p.style) {
      case ParagraphStyle::kTitle:
        if (first_title) out += "**";
        out += p.text;
        if (last_title) out += "**";
        break;
      case ParagraphStyle::kItemHeading: out += std::to_string(p.item_number) + ". " + p.text; break;
      case ParagraphStyle::kSubheading:
      case ParagraphStyle::kListItem: out += "- " + p.text; break;
      case ParagraphStyle::kText: out += p.text; break;
    }
    prev = p.style;
  }
  out += '\n';
  return out;
}

}  // namespace chancery::codec
