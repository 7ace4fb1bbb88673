#pragma once
// Full-text search over documents: every paragraph of every version in every language, with
// Snowball stemming for English and Russian (in the SQLite adapter). What a reader may not
// read is filtered inside the index query, so that hits, snippets and the total all obey the
// policy: an observer never finds a word that only a closed item or a Member-States-only
// document holds.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/document.hpp"
#include "core/model/user.hpp"
#include "core/ports/store.hpp"
#include "core/services/deps.hpp"

namespace chancery::core {

struct SearchRequest {
  std::string text;
  std::optional<std::string> lang = {};
  std::optional<DocumentKind> kind = {};
  std::optional<BodyCode> body = {};
  std::optional<Date> from = {};
  std::optional<Date> to = {};
  bool latest_only = false;
  std::int64_t limit = 20;
  std::int64_t offset = 0;
};

struct SearchMatch {
  SearchHit hit;
  std::string symbol;  // the document's current symbol
  std::string title;   // the version's title in the hit's language
};

// Over this many visible matches, only the newest this many are ranked by relevance (see
// SearchQuery::rank_within). Ranking costs ≈ 1.3–2 µs per match ranked, on top of the exact
// count and the words' weights, which grow with the corpus: at 1,000,000 paragraphs a query of
// frequent words then takes 35–60 ms with 10,000 (20,000: 50–80 ms), leaving room under the
// product's 100 ms for a larger corpus or a busier machine (bench/README.md).
inline constexpr std::int64_t kSearchRankWithin = 10000;

struct SearchPage {
  std::int64_t total = 0;
  std::int64_t ranked = 0;  // == total, or kSearchRankWithin: only the newest were ranked
  std::vector<SearchMatch> matches;
};

Result<SearchPage> SearchDocuments(Deps& deps, const Actor& actor, SearchRequest request);

// Adds every paragraph of `version` (all languages) to the index, in the caller's transaction:
// called wherever a version is stored.
Result<void> IndexVersion(Transaction& tx, const Document& document, const DocumentVersion& version,
                          const TimeZone& zone);

}  // namespace chancery::core
