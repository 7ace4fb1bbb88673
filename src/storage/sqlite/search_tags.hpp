#pragma once
// The reader's filters as FTS5 tokens. Each row of a search table (migration 6) has, next to
// its text, a `tags` column of five tokens, e.g. "a2 c0 k3 b0 l1":
//   a0..a3  access category   public, members_and_observers, member_states_only, secretariat_only
//   c0, c1  closed to observers: no, yes
//   k0..k6  kind              draft_regulation, decision, agenda, minutes, list_of_participants,
//                             report, note
//   b0..b7  body              SOC, SWG, MM, MC, SUMMIT, CEP, TTF, EXPERTS
//   l0, l1  latest version of its document: no, yes
// so that a query filters inside FTS5's doclists instead of looking every match up in
// search_entries. Tokens hold a digit, which the tokenizer never stems. The numbering is
// stored in every database: never renumber, only append.
#include <string>
#include <string_view>
#include <vector>

#include "core/ports/store.hpp"

namespace chancery::storage::sqlite {

// A row's tags from its search_entries columns (access, kind and body by their stored names).
std::string SearchTags(std::string_view access, bool closed, std::string_view kind, std::string_view body,
                       bool latest);

struct SearchMatch {
  std::string expression;  // the FTS5 MATCH expression
  int word_phrases = 0;    // its first phrases are the reader's words (for text_rank)
  bool filtered = false;   // it has filters on the tags column, not only the words
};

// The reader's words alone: each an FTS5 string ("…", so nothing in it is syntax), side by side
// (all required). A word holding an ASCII digit is restricted to the text column ({text} : "a0"),
// so that one written like a tag finds only text; the others cannot yield a token with a digit,
// hence no tag, and stay unrestricted: a column filter makes FTS5 read the positions of every
// row of the word, which costs milliseconds for a frequent word (text_rank counts its rows).
std::string WordsMatch(const std::vector<std::string>& words);

// The words, then the filters of `query` other than dates and language, on the tags column:
//   ("w1" "w2" [AND {tags} : k3] [AND {tags} : b0]) [NOT {tags} : (a2 OR a3 OR c1 OR l0)]
// What the reader may not see is excluded (NOT), which is exact because every row has exactly
// one a-token, one c-token and one l-token (the schema's CHECK) and measured cheaper than
// requiring one of the allowed tokens. An empty `query.readable` excludes every row.
SearchMatch MatchFor(const std::vector<std::string>& words, const core::SearchQuery& query);

}  // namespace chancery::storage::sqlite
