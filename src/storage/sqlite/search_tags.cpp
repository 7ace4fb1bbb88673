#include "storage/sqlite/search_tags.hpp"

#include <algorithm>
#include <array>

namespace chancery::storage::sqlite {
namespace {

constexpr std::array<std::string_view, 4> kAccess = {"public", "members_and_observers", "member_states_only",
                                                     "secretariat_only"};
constexpr std::array<std::string_view, 7> kKinds = {"draft_regulation", "decision", "agenda", "minutes",
                                                    "list_of_participants", "report", "note"};
constexpr std::array<std::string_view, 8> kBodies = {"SOC", "SWG", "MM", "MC", "SUMMIT", "CEP", "TTF", "EXPERTS"};

// prefix + the position of `name` in `names`; names come from core's ToString, so a name that
// is not there is a new enumerator this table has not learnt: a programming error, made loud
// by a token that no filter matches and that the schema's CHECK refuses.
template <std::size_t N>
std::string Token(char prefix, const std::array<std::string_view, N>& names, std::string_view name) {
  const auto at = std::find(names.begin(), names.end(), name);
  if (at == names.end()) return std::string(1, prefix) + "?";
  return std::string(1, prefix) + std::to_string(at - names.begin());
}

void Quote(std::string& out, const std::string& word) {
  out += '"';
  for (char c : word) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

std::string SearchTags(std::string_view access, bool closed, std::string_view kind, std::string_view body,
                       bool latest) {
  return Token('a', kAccess, access) + (closed ? " c1 " : " c0 ") + Token('k', kKinds, kind) + " " +
         Token('b', kBodies, body) + (latest ? " l1" : " l0");
}

std::string WordsMatch(const std::vector<std::string>& words) {
  // The words hold no '"' (WordSpans cuts there), quoted all the same.
  std::string out;
  for (const auto& word : words) {
    if (!out.empty()) out += ' ';
    if (std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) out += "{text} : ";
    Quote(out, word);
  }
  return out;
}

SearchMatch MatchFor(const std::vector<std::string>& words, const core::SearchQuery& query) {
  SearchMatch m;
  m.word_phrases = static_cast<int>(words.size());
  m.expression = "(" + WordsMatch(words);
  if (query.kind) m.expression += " AND {tags} : " + Token('k', kKinds, core::ToString(*query.kind));
  if (query.body) m.expression += " AND {tags} : " + Token('b', kBodies, core::ToString(*query.body));
  m.expression += ")";
  std::vector<std::string> hidden;
  for (std::size_t i = 0; i < kAccess.size(); ++i) {
    const bool readable = std::any_of(query.readable.begin(), query.readable.end(),
                                      [&](core::AccessCategory a) { return core::ToString(a) == kAccess[i]; });
    if (!readable) hidden.push_back("a" + std::to_string(i));
  }
  if (!query.closed_visible) hidden.emplace_back("c1");
  if (query.latest_only) hidden.emplace_back("l0");
  m.filtered = query.kind || query.body || !hidden.empty();
  if (!hidden.empty()) {
    m.expression += " NOT {tags} : (";
    for (std::size_t i = 0; i < hidden.size(); ++i) m.expression += (i > 0 ? " OR " : "") + hidden[i];
    m.expression += ")";
  }
  return m;
}

}  // namespace chancery::storage::sqlite
