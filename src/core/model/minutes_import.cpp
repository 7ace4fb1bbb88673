#include "core/model/minutes_import.hpp"

#include <algorithm>
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

namespace {

bool IsLowerAscii(char c) { return c >= 'a' && c <= 'z'; }
bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// One character for comparing names: Latin letters with diacritics (two UTF-8 bytes from C3)
// compare as their base letter, so "Türkiye" matches "Turkiye".
std::pair<char, std::size_t> Folded(std::string_view s, std::size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c != 0xC3 || i + 1 >= s.size()) return {s[i], 1};
  auto d = static_cast<unsigned char>(s[i + 1]);
  static constexpr std::string_view kBase = "AAAAAAACEEEEIIII" "DNOOOOOxOUUUUYTs" "aaaaaaaceeeeiiii" "dnooooo/ouuuuyty";
  if (d >= 0x80 && d <= 0xBF) return {kBase[d - 0x80], 2};
  return {s[i], 1};
}

bool WordByte(char c) { return IsAlnum(c) || static_cast<unsigned char>(c) >= 0x80; }

// The length of `text` from `pos` that spells `name`, spaces aside ("Vietnam" spells "Viet
// Nam"), ending at a word boundary; 0 if it does not.
std::size_t Spells(std::string_view text, std::size_t pos, std::string_view name) {
  if (pos > 0 && WordByte(text[pos - 1])) return 0;
  std::size_t i = pos, j = 0, end = pos;
  while (j < name.size()) {
    if (name[j] == ' ') {
      ++j;
      continue;
    }
    while (i < text.size() && text[i] == ' ') ++i;
    if (i >= text.size()) return 0;
    auto [a, la] = Folded(text, i);
    auto [b, lb] = Folded(name, j);
    if (a != b) return 0;
    i += la;
    j += lb;
    end = i;
  }
  if (end == pos || (end < text.size() && WordByte(text[end]))) return 0;
  return end - pos;
}

struct KnownName {
  std::string name;
  const Participant* participant = nullptr;
  bool in_force = false;  // the English short name on the meeting date
};

// Names the registry does not hold but minutes use, by participant id.
constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kVariants{{
    {"RUS", "Russia"},
    {"VNM", "Vietnam"},
    {"TUR", "Turkey"},
    {"TUR", "T\xC3\xBCrkiye"},
    {"KOR", "South Korea"},
    {"LAO", "Laos"},
    {"ARE", "UAE"},
    {"USA", "United States"},
}};

std::vector<KnownName> KnownNames(const std::vector<Participant>& registry, std::optional<Date> on) {
  std::vector<KnownName> names;
  auto add = [&](std::string_view name, const Participant& p, bool in_force) {
    if (name.empty()) return;
    for (auto& n : names) {
      if (n.participant == &p && n.name == name) {
        n.in_force = n.in_force || in_force;
        return;
      }
    }
    names.push_back({std::string(name), &p, in_force});
  };
  for (const auto& p : registry) {
    const NameVersion* current = on ? NameOn(p, "en", *on) : nullptr;
    for (const auto& n : p.names) {
      if (n.lang != "en") continue;
      add(n.short_name, p, !on || &n == current);
      add(n.full_name, p, false);
    }
    for (const auto& [id, variant] : kVariants) {
      if (id == p.id) add(variant, p, false);
    }
  }
  return names;
}

struct NameMatch {
  const Participant* participant = nullptr;
  std::size_t size = 0;
};

// The participant named at `pos`, the longest name winning, then the one in force.
std::optional<NameMatch> ParticipantAt(const std::vector<KnownName>& names, std::string_view text, std::size_t pos) {
  std::optional<NameMatch> best;
  bool best_in_force = false;
  for (const auto& n : names) {
    std::size_t size = Spells(text, pos, n.name);
    if (size == 0) continue;
    if (!best || size > best->size || (size == best->size && n.in_force && !best_in_force)) {
      best = NameMatch{n.participant, size};
      best_in_force = n.in_force;
    }
  }
  return best;
}

// The first participant named anywhere in `text`.
const Participant* ParticipantIn(const std::vector<KnownName>& names, std::string_view text) {
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    if (pos > 0 && WordByte(text[pos - 1])) continue;
    if (auto m = ParticipantAt(names, text, pos)) return m->participant;
  }
  return nullptr;
}

std::size_t SkipThe(std::string_view text, std::size_t pos) {
  for (std::string_view the : {std::string_view("The "), std::string_view("the ")}) {
    if (text.substr(pos, the.size()) == the) return pos + the.size();
  }
  return pos;
}

constexpr std::array<std::string_view, 5> kChairWords{"The Chairperson", "The Chairmanship", "The Chairwoman",
                                                      "The Chairman", "The Chair"};
constexpr std::array<std::string_view, 5> kSecretariatWords{"The Deputy Executive Director", "The Executive Director",
                                                            "The CICA Secretariat", "The Secretariat",
                                                            "Executive Director"};
constexpr std::array<std::string_view, 8> kHonorifics{"H.E. ", "Mr. ", "Ms. ", "Mrs. ", "Dr. ", "Prof. ",
                                                      "Ambassador ", "Madam "};
constexpr std::array<std::string_view, 7> kMandateVerbs{"tasked", "instructed", "mandated", "requested",
                                                        "entrusted", "charged", "asked"};
constexpr std::array<std::string_view, 12> kDecisionVerbs{"adopted", "approved", "decided", "agreed",
                                                          "endorsed", "granted", "established", "elected",
                                                          "appointed", "admitted", "confirmed", "took"};

bool Honorific(std::string_view text) {
  return std::any_of(kHonorifics.begin(), kHonorifics.end(), [&](auto h) { return StartsWith(text, h); });
}

template <std::size_t N>
std::size_t WordsAt(std::string_view text, std::size_t pos, const std::array<std::string_view, N>& words) {
  for (auto w : words) {
    if (WordAt(text, pos, w, false)) return w.size();
  }
  return 0;
}

std::string Capitalised(std::string_view s) {
  std::string out(Trim(s));
  if (!out.empty() && IsLowerAscii(out[0])) out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::string_view TrimEnd(std::string_view s, std::string_view chars) {
  s = Trim(s);
  while (!s.empty() && chars.find(s.back()) != std::string_view::npos) s.remove_suffix(1);
  return Trim(s);
}

// Every whitespace-, bracket- or comma-separated token of `text`, for symbols.
std::vector<std::string_view> Tokens(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || std::string_view(" (),;").find(text[i]) != std::string_view::npos) {
      auto token = TrimEnd(text.substr(start, i - start), ".:");
      if (!token.empty()) out.push_back(token);
      start = i + 1;
    }
  }
  return out;
}

// Where the first bracket holding a decision or draft symbol opens, or npos.
std::size_t SymbolBracket(std::string_view text) {
  for (std::size_t open = text.find(" ("); open != std::string_view::npos; open = text.find(" (", open + 1)) {
    auto close = text.find(')', open);
    if (close == std::string_view::npos) break;
    for (auto token : Tokens(text.substr(open + 2, close - open - 2))) {
      if (ParseDecisionSymbol(token) || ParseDraftSymbol(token)) return open;
    }
  }
  return std::string_view::npos;
}

struct Reader {
  const std::vector<KnownName>& names;
  std::optional<BodyCode> meeting_body;
  std::optional<Date> date;
  std::string chair_person;
  std::string chair_participant_id;
  MinutesRecord& record;

  enum class Last { kNone, kStatement, kDecision, kMandate };
  Last last = Last::kNone;
  std::string subheading;

  void Unclassified(const Paragraph& p, std::string why) {
    record.unclassified.push_back({p.id, p.item_number, p.text, std::move(why)});
    last = Last::kNone;
  }

  void AddStatement(RecordedItem& item, const Paragraph& p, SpeakerRole role, std::string id, std::string speaker) {
    item.statements.push_back({p.id, role, std::move(id), std::move(speaker), p.text});
    last = Last::kStatement;
  }

  // A speaker named by a fixed phrase or a registry name at `pos`, with its length.
  struct Named {
    SpeakerRole role = SpeakerRole::kParticipant;
    std::string participant_id;
    std::size_t size = 0;
  };
  std::optional<Named> NamedAt(std::string_view text, std::size_t pos) const {
    if (auto n = WordsAt(text, pos, kChairWords)) return Named{SpeakerRole::kChair, chair_participant_id, n};
    if (auto n = WordsAt(text, pos, kSecretariatWords)) return Named{SpeakerRole::kSecretariat, "", n};
    // Without the capital: "the Chairperson" inside a list of speakers.
    if (text.substr(pos, 4) == "the ") {
      std::string capital = "T" + std::string(text.substr(pos + 1));
      if (auto named = NamedAt(capital, 0); named && named->role != SpeakerRole::kParticipant) return named;
    }
    std::size_t at = SkipThe(text, pos);
    if (auto m = ParticipantAt(names, text, at)) {
      return Named{SpeakerRole::kParticipant, m->participant->id, at - pos + m->size};
    }
    return std::nullopt;
  }

  // "H.E. Mr. Vepa Hadzhiev, Vice Minister of Foreign Affairs of Turkmenistan delivered …":
  // the words up to the first verb-like one (lower case and not "of", "the", …).
  static std::string_view PersonPhrase(std::string_view text) {
    static constexpr std::array<std::string_view, 12> kJoins{"of", "the", "and", "for", "in", "on",
                                                             "de", "da", "al", "bin", "van", "von"};
    std::size_t pos = 0;
    while (pos < text.size()) {
      auto space = text.find(' ', pos);
      auto word = text.substr(pos, space == std::string_view::npos ? std::string_view::npos : space - pos);
      if (!word.empty() && IsLowerAscii(word[0]) &&
          std::find(kJoins.begin(), kJoins.end(), TrimEnd(word, ",")) == kJoins.end()) {
        return TrimEnd(text.substr(0, pos), ",");
      }
      if (space == std::string_view::npos) break;
      pos = space + 1;
    }
    return {};
  }

  void Person(RecordedItem& item, const Paragraph& p, std::string_view phrase) {
    auto name = phrase.substr(0, phrase.find(','));
    auto surname = name.substr(name.rfind(' ') == std::string_view::npos ? 0 : name.rfind(' ') + 1);
    if (auto dot = surname.rfind('.'); dot != std::string_view::npos) surname = surname.substr(dot + 1);  // "V.Voronkov"
    bool chair = false;
    if (!surname.empty() && !chair_person.empty()) {
      std::string_view cp = chair_person;
      for (auto at = cp.find(surname); at != std::string_view::npos; at = cp.find(surname, at + 1)) {
        if (WordAt(cp, at, surname, false)) chair = true;
      }
    }
    if (chair) return AddStatement(item, p, SpeakerRole::kChair, chair_participant_id, std::string(phrase));
    if (const Participant* of = ParticipantIn(names, phrase)) {
      auto role = of->kind == ParticipantKind::kState ? SpeakerRole::kParticipant : SpeakerRole::kGuest;
      return AddStatement(item, p, role, of->id, std::string(phrase));
    }
    const Participant* host = ParticipantIn(names, subheading);
    AddStatement(item, p, SpeakerRole::kGuest, host ? host->id : "", std::string(phrase));
  }

  void Decision(RecordedItem& item, const Paragraph& p, BodyCode body, std::string_view predicate) {
    RecordedDecision d;
    d.paragraph_id = p.id;
    d.taken_by = body;
    d.text = p.text;
    const bool approves = StartsWith(predicate, "approved") || StartsWith(predicate, "adopted") ||
                          StartsWith(predicate, "endorsed");
    for (auto token : Tokens(predicate)) {
      if (auto sym = ParseDecisionSymbol(token); sym && d.symbol.empty()) d.symbol = Format(*sym);
      if (auto draft = ParseDraftSymbol(token); draft && approves) d.approved_documents.push_back(Format(*draft));
    }
    if (auto rec = predicate.find("recommend"); rec != std::string_view::npos) {
      if (auto to = FindBody(predicate.substr(rec))) d.recommended_to = to->body;
    }
    d.adopts_agenda = StartsWith(predicate, "adopted its agenda") || StartsWith(predicate, "adopted the agenda");
    // "… Observer Status to Turkmenistan", "… Partner status to …".
    std::string lowered(predicate);
    for (char& c : lowered) c = Lower(c);
    if (auto at = lowered.find("status to "); at != std::string::npos) {
      std::size_t who = SkipThe(predicate, at + 10);
      auto before = std::string_view(lowered).substr(at > 30 ? at - 30 : 0, std::min<std::size_t>(at, 30));
      if (auto m = ParticipantAt(names, predicate, who)) {
        StatusGrant g;
        g.participant_id = m->participant->id;
        if (before.find("observer") != std::string_view::npos) {
          g.status = m->participant->kind == ParticipantKind::kState ? ParticipantStatus::kObserverState
                                                                      : ParticipantStatus::kObserverOrganisation;
        } else if (before.find("partner") != std::string_view::npos) {
          g.status = ParticipantStatus::kPartner;
        } else {
          g.status = ParticipantStatus::kMember;
        }
        if (date) g.from = *date;
        d.status_grants.push_back(g);
      }
    }
    // The title: what "the SOC decision on …" is on, else what the body did.
    std::string_view title = predicate;
    if (auto cut = SymbolBracket(title); cut != std::string_view::npos) title = title.substr(0, cut);
    if (auto cut = title.find(" and recommended"); cut != std::string_view::npos) title = title.substr(0, cut);
    if (auto on = title.find(" decision on "); StartsWith(title, "adopted the ") && on != std::string_view::npos) {
      title = title.substr(SkipThe(title, on + 13));
    }
    d.title = Capitalised(TrimEnd(title, ".:;,"));
    item.decisions.push_back(std::move(d));
    last = Last::kDecision;
  }

  void Mandate(RecordedItem& item, const Paragraph& p, BodyCode body, std::string_view predicate, std::size_t verb) {
    std::size_t at = SkipThe(predicate, verb + 1);
    auto assignee = FindBody(predicate.substr(at));
    if (!assignee || assignee->pos != 0) return Unclassified(p, "tasks someone other than a body");
    RecordedMandate m;
    m.paragraph_id = p.id;
    m.given_by = body;
    m.assignee = assignee->body;
    m.text = p.text;
    std::string_view rest = predicate.substr(at + assignee->size);
    if (auto bracket = rest.find(')'); StartsWith(rest, " (") && bracket != std::string_view::npos) {
      rest = rest.substr(bracket + 1);  // "Special Working Group (SWG)"
    }
    for (std::string_view with : {std::string_view(" with "), std::string_view(" to ")}) {
      if (StartsWith(rest, with)) {
        rest = rest.substr(with.size());
        break;
      }
    }
    std::size_t due = std::string_view::npos;
    for (std::string_view next : {std::string_view(" before the next "), std::string_view(" by the next "),
                                  std::string_view(" at the next ")}) {
      if (auto n = rest.find(next); n != std::string_view::npos && n < due) due = n;
    }
    if (due != std::string_view::npos) {
      auto after = rest.substr(due);
      auto next_body = FindBody(after.substr(after.find("next ")));
      if (next_body) {
        m.due_before_next_meeting_of = next_body->body;
      } else {
        m.due_before_next_meeting_of = meeting_body ? *meeting_body : body;
      }
    } else {
      for (std::string_view by : {std::string_view(" by "), std::string_view(" before ")}) {
        auto n = rest.rfind(by);
        if (n == std::string_view::npos) continue;
        if (auto d = FindWrittenDate(rest.substr(n)); d && d->pos == by.size()) {
          m.due_by = d->first;
          due = n;
          break;
        }
      }
    }
    m.subject = Capitalised(TrimEnd(rest.substr(0, due), ".;,"));
    item.mandates.push_back(std::move(m));
    last = Last::kMandate;
  }

  void Text(RecordedItem& item, const Paragraph& p) {
    std::string_view text = Trim(p.text);
    // "Comments by the Russian Federation: In the process …"
    for (std::string_view by : {std::string_view("Comments by "), std::string_view("Statement by "),
                                std::string_view("Remarks by ")}) {
      auto colon = text.find(':');
      if (!StartsWith(text, by) || colon == std::string_view::npos) continue;
      auto phrase = Trim(text.substr(by.size(), colon - by.size()));
      if (auto named = NamedAt(phrase, 0); named && named->size == phrase.size()) {
        return AddStatement(item, p, named->role, named->participant_id, std::string(phrase));
      }
      if (Honorific(phrase)) return Person(item, p, phrase);
    }
    // The body as subject: a decision or a mandate.
    std::size_t subject = SkipThe(text, 0);
    std::optional<BodyCode> body;
    std::size_t after = 0;
    if (auto b = FindBody(text.substr(subject)); b && b->pos == 0) {
      body = b->body;
      after = subject + b->size;
    } else if (meeting_body && WordAt(text, subject, "Committee", false)) {
      body = *meeting_body;
      after = subject + 9;
    }
    if (body) {
      if (auto bracket = text.find(')', after); text.substr(after, 2) == " (" && bracket != std::string_view::npos) {
        after = bracket + 1;  // "The Senior Officials Committee (SOC) adopted"
      }
      auto predicate = Trim(text.substr(after));
      auto verb_end = predicate.find(' ');
      auto verb = predicate.substr(0, verb_end);
      if (WordsAt(verb, 0, kMandateVerbs) == verb.size()) return Mandate(item, p, *body, predicate, verb_end);
      if (WordsAt(verb, 0, kDecisionVerbs) == verb.size()) return Decision(item, p, *body, predicate);
      return Unclassified(p, "a body is the subject, but \"" + std::string(verb) + "\" neither decides nor tasks");
    }
    // A speaker: the chair, the Secretariat, a participant.
    if (auto named = NamedAt(text, 0)) {
      std::string_view rest = text.substr(named->size);
      for (std::string_view joint : {std::string_view(", "), std::string_view(" and ")}) {
        if (StartsWith(rest, joint) && NamedAt(rest, joint.size())) {
          return Unclassified(p, "names several speakers");
        }
      }
      if (StartsWith(rest, ", ") || (rest.size() > 1 && rest[0] == ' ' && IsLowerAscii(rest[1]))) {
        return AddStatement(item, p, named->role, named->participant_id, std::string(text.substr(0, named->size)));
      }
    }
    if (Honorific(text)) {
      if (auto phrase = PersonPhrase(text); !phrase.empty()) return Person(item, p, phrase);
    }
    // "It noted …", "He stressed …": the speaker before.
    for (std::string_view pronoun : {std::string_view("It "), std::string_view("He "), std::string_view("She "),
                                     std::string_view("They ")}) {
      if (StartsWith(text, pronoun) && last == Last::kStatement && !item.statements.empty()) {
        auto before = item.statements.back();
        return AddStatement(item, p, before.role, before.participant_id, before.speaker);
      }
    }
    Unclassified(p, "no speaker, decision or task recognised at its start");
  }

  void ListItem(RecordedItem& item, const Paragraph& p) {
    std::string* target = nullptr;
    if (last == Last::kStatement) target = &item.statements.back().text;
    if (last == Last::kDecision) target = &item.decisions.back().text;
    if (last == Last::kMandate) target = &item.mandates.back().text;
    if (!target) return Unclassified(p, "a list item under no statement, decision or mandate");
    *target += '\n';
    *target += p.text;
  }
};

}  // namespace

MinutesRecord ReadMinutesRecord(const DocumentContent& minutes, const std::vector<Participant>& registry,
                                std::optional<Date> meeting_date) {
  MinutesRecord record;
  if (auto b = FindBody(minutes.title)) record.body = b->body;
  record.meeting_date = meeting_date;
  if (!record.meeting_date) {
    if (auto d = FindWrittenDate(minutes.title)) record.meeting_date = d->first;
  }
  for (const auto& p : minutes.paragraphs) {
    if (p.item_number != 0 || p.style != ParagraphStyle::kText) continue;
    if (!record.meeting_date) {
      if (auto d = FindWrittenDate(p.text)) record.meeting_date = d->first;
    }
    if (!record.body) {
      if (auto b = FindBody(p.text)) record.body = b->body;
    }
    if (record.chair_person.empty()) {
      if (auto chair = FindChair(p.text)) record.chair_person = chair->person;
    }
  }
  const auto names = KnownNames(registry, record.meeting_date);
  if (const Participant* state = ParticipantIn(names, record.chair_person)) record.chair_participant_id = state->id;

  Reader reader{names,  record.body,           record.meeting_date, record.chair_person, record.chair_participant_id,
                record, Reader::Last::kNone, {}};
  for (const auto& p : minutes.paragraphs) {
    if (p.item_number == 0) continue;
    if (p.style == ParagraphStyle::kItemHeading || record.items.empty() ||
        record.items.back().number != p.item_number) {
      RecordedItem item;
      item.number = p.item_number;
      item.closed_to_observers = p.closed_to_observers;
      if (p.style == ParagraphStyle::kItemHeading) item.title = p.text;
      record.items.push_back(std::move(item));
      reader.subheading.clear();
      reader.last = Reader::Last::kNone;
      if (p.style == ParagraphStyle::kItemHeading) continue;
    }
    RecordedItem& item = record.items.back();
    switch (p.style) {
      case ParagraphStyle::kSubheading:
        reader.subheading = p.text;
        reader.last = Reader::Last::kNone;
        break;
      case ParagraphStyle::kListItem: reader.ListItem(item, p); break;
      case ParagraphStyle::kText: reader.Text(item, p); break;
      case ParagraphStyle::kTitle:
      case ParagraphStyle::kItemHeading: reader.Unclassified(p, "a title or heading inside an item"); break;
    }
  }
  return record;
}

}  // namespace chancery::core
