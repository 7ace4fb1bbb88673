// The search index on SQLite FTS5 (migration 6): the read side. A query runs in steps:
//   1. the total: count(*) of the visible matches over the FTS5 table of each language asked.
//      The reader's filters are tokens in the MATCH expression (search_tags.hpp), so this walks
//      doclists only and computes no rank; date bounds, rarer, join search_entries.
//   2. if more than `rank_within` matches: the rowid of the rank_within-th newest (rowids grow
//      with indexing), again doclists only, newest first, stopping there;
//   3. the page: rowid and text_rank() (fts_rank.hpp) of the matches at or above that rowid
//      (all, when there was no cap), ordered by rank, LIMIT/OFFSET; and if the page reaches
//      past the ranked matches, the older ones by rowid descending;
//   4. for each hit on the page, its columns and snippet(), by rowid + MATCH (an FTS5 seek).
// Ranking is what costs (≈ 1–3 µs per ranked match; counting ≈ 0.05–3 µs), so the cap bounds a
// query for a word in most paragraphs while its total stays exact. The total is not fused into
// the page as count(*) OVER (): the window keeps every ranked row (measured +1.7 ms at 6,000
// matches) where the count walks doclists (0.2 ms there without reader filters, ~2 ms with an
// observer's). The SQL texts are constant per language choice and date filtering, so a
// connection caches at most 32 of them.
#include <array>
#include <limits>
#include <string>
#include <utility>

#include "storage/search_words.hpp"
#include "storage/sqlite/codec.hpp"
#include "storage/sqlite/repositories.hpp"
#include "storage/sqlite/search_tags.hpp"

namespace chancery::storage::sqlite {
namespace {

using core::Result;

constexpr std::array<std::string_view, 3> kLanguages = {"en", "ru", "kk"};

// Parameters, the same number in every statement that has them: ?1 match expression, ?2 from,
// ?3 to (dated statements only), ?4 threshold rowid, ?5 rank_within, ?6 the number of word
// phrases, ?7 limit, ?8 offset.
struct Sql {
  std::string count;      // ?1 ?2 ?3
  std::string threshold;  // ?1 ?2 ?3 ?5: the rowid of the ?5-th newest match
  std::string ranked;     // ?1 ?2 ?3 ?4 ?6 ?7 ?8: rowid, language, rank of matches with rowid >= ?4
  std::string older;      // ?1 ?2 ?3 ?4 ?7 ?8: rowid, language of matches with rowid < ?4, newest first
};

// FROM … WHERE of one language's matches; `dated` joins search_entries for the date bounds.
std::string FromWhere(const std::string& table, bool dated) {
  if (!dated) return " FROM " + table + " WHERE " + table + " MATCH ?1";
  return " FROM " + table + " CROSS JOIN search_entries e ON e.id = " + table + ".rowid WHERE " + table +
         " MATCH ?1 AND (?2 IS NULL OR e.date >= ?2) AND (?3 IS NULL OR e.date <= ?3)";
}

// For one language, or (lang empty) all of them.
Sql MakeSql(std::string_view lang, bool dated) {
  std::string counts, newest, ranked, older;
  for (auto l : kLanguages) {
    if (!lang.empty() && l != lang) continue;
    const std::string table = "search_" + std::string(l);
    const std::string from = FromWhere(table, dated);
    const std::string id = table + ".rowid";
    const std::string name = "'" + std::string(l) + "'";
    const char* plus = counts.empty() ? "" : " + ";
    const char* union_all = counts.empty() ? "" : " UNION ALL ";
    counts += plus + ("(SELECT count(*)" + from + ")");
    newest += union_all + ("SELECT * FROM (SELECT " + id + " AS id" + from + " ORDER BY " + id + " DESC LIMIT ?5)");
    ranked += union_all + ("SELECT " + id + " AS id, " + name + " AS l, text_rank(" + table + ", ?6) AS rank" + from +
                           " AND " + id + " >= ?4");
    older += union_all + ("SELECT " + id + " AS id, " + name + " AS l" + from + " AND " + id + " < ?4");
  }
  return Sql{"SELECT " + counts, "SELECT id FROM (" + newest + ") ORDER BY id DESC LIMIT 1 OFFSET ?5 - 1",
             "SELECT id, l, rank FROM (" + ranked + ") ORDER BY rank, l, id LIMIT ?7 OFFSET ?8",
             "SELECT id, l FROM (" + older + ") ORDER BY id DESC LIMIT ?7 OFFSET ?8"};
}

const Sql& SqlFor(std::string_view lang, bool dated) {
  static const std::array<Sql, 8> all = {MakeSql("en", false), MakeSql("ru", false), MakeSql("kk", false),
                                         MakeSql("", false),   MakeSql("en", true),  MakeSql("ru", true),
                                         MakeSql("kk", true),  MakeSql("", true)};
  std::size_t i = 3;
  for (std::size_t l = 0; l < kLanguages.size(); ++l) {
    if (kLanguages[l] == lang) i = l;
  }
  return all[i + (dated ? 4 : 0)];
}

const std::string& HitSql(std::string_view lang) {
  static const std::array<std::string, 3> all = [] {
    std::array<std::string, 3> out;
    for (std::size_t i = 0; i < kLanguages.size(); ++i) {
      const std::string table = "search_" + std::string(kLanguages[i]);
      out[i] = "SELECT e.document_id, e.version, e.lang, e.paragraph_id, e.item_number, snippet(" + table +
               ", 0, '[', ']', '…', 12) FROM " + table + " CROSS JOIN search_entries e ON e.id = " + table +
               ".rowid WHERE " + table + " MATCH ?1 AND " + table + ".rowid = ?2";
    }
    return out;
  }();
  for (std::size_t i = 0; i < kLanguages.size(); ++i) {
    if (kLanguages[i] == lang) return all[i];
  }
  return all[0];
}

bool KnownLanguage(std::string_view lang) {
  for (auto l : kLanguages) {
    if (l == lang) return true;
  }
  return false;
}

// Binds what every statement of a Sql has: the expression and, if dated, the bounds.
void BindMatch(Statement& s, const std::string& match, const core::SearchQuery& q, bool dated) {
  s.BindText(1, match);
  if (dated) s.BindOptionalText(2, ToText(q.from)).BindOptionalText(3, ToText(q.to));
}

}  // namespace

Result<core::SearchResult> SearchIndex::Query(const core::SearchQuery& query) {
  const auto words = Words(query.text);
  if (words.empty()) return core::Error::InvalidArgument("the search text holds no word");
  if (query.limit < 0 || query.offset < 0) return core::Error::InvalidArgument("negative limit or offset");
  if (query.lang && !KnownLanguage(*query.lang)) {
    return core::Error::InvalidArgument("the search index has no language '" + *query.lang + "' (en, ru, kk)");
  }
  core::SearchResult result;
  if (query.readable.empty()) return result;  // nothing is visible: no need to ask
  auto c = tx_.ForRead();
  if (!c) return c.error();
  const bool dated = query.from || query.to;
  const Sql& sql = SqlFor(query.lang.value_or(""), dated);
  const SearchMatch match = MatchFor(words, query);

  {
    auto count = (*c)->Prepare(sql.count);
    if (!count) return count.error();
    BindMatch(*count, match.expression, query, dated);
    auto row = count->Step();
    if (!row) return row.error();
    if (*row) result.total = count->ColumnInt(0);
  }
  result.ranked = result.total;
  std::int64_t threshold = std::numeric_limits<std::int64_t>::min();
  if (query.rank_within > 0 && result.total > query.rank_within) {
    result.ranked = query.rank_within;
    auto newest = (*c)->Prepare(sql.threshold);
    if (!newest) return newest.error();
    BindMatch(*newest, match.expression, query, dated);
    newest->BindInt(5, query.rank_within);
    auto row = newest->Step();
    if (!row) return row.error();
    if (!*row) return core::Error::Internal("fewer search matches than counted");
    threshold = newest->ColumnInt(0);
  }

  std::vector<std::pair<std::int64_t, std::string>> page;  // rowid, language
  const std::int64_t end = query.limit > std::numeric_limits<std::int64_t>::max() - query.offset
                               ? std::numeric_limits<std::int64_t>::max()
                               : query.offset + query.limit;  // one past the page's last position
  if (query.offset < result.ranked && query.limit > 0) {
    auto select = (*c)->Prepare(sql.ranked);
    if (!select) return select.error();
    BindMatch(*select, match.expression, query, dated);
    select->BindInt(4, threshold)
        .BindInt(6, match.word_phrases)
        .BindInt(7, std::min(end, result.ranked) - query.offset)
        .BindInt(8, query.offset);
    auto read = select->ForEachRow([&]() -> Result<void> {
      page.emplace_back(select->ColumnInt(0), select->ColumnText(1));
      core::SearchHit hit;
      hit.rank = select->ColumnDouble(2);
      result.hits.push_back(std::move(hit));
      return core::Ok();
    });
    if (!read) return read.error();
  }
  if (result.ranked < result.total && end > result.ranked) {
    auto select = (*c)->Prepare(sql.older);
    if (!select) return select.error();
    BindMatch(*select, match.expression, query, dated);
    const std::int64_t skip = query.offset > result.ranked ? query.offset - result.ranked : 0;
    select->BindInt(4, threshold).BindInt(7, end - result.ranked - skip).BindInt(8, skip);
    auto read = select->ForEachRow([&]() -> Result<void> {
      page.emplace_back(select->ColumnInt(0), select->ColumnText(1));
      result.hits.emplace_back();  // not ranked: rank 0
      return core::Ok();
    });
    if (!read) return read.error();
  }

  const std::string words_only = WordsMatch(words);
  for (std::size_t i = 0; i < page.size(); ++i) {
    auto select = (*c)->Prepare(HitSql(page[i].second));
    if (!select) return select.error();
    select->BindText(1, words_only).BindInt(2, page[i].first);
    auto row = select->Step();
    if (!row) return row.error();
    if (!*row) return core::Error::Internal("search entry " + std::to_string(page[i].first) + " vanished");
    core::SearchHit& hit = result.hits[i];
    hit.document_id = select->ColumnInt(0);
    hit.version = static_cast<int>(select->ColumnInt(1));
    hit.lang = select->ColumnText(2);
    hit.paragraph_id = select->ColumnText(3);
    hit.item_number = static_cast<int>(select->ColumnInt(4));
    hit.snippet = select->ColumnText(5);
  }
  return result;
}

}  // namespace chancery::storage::sqlite
