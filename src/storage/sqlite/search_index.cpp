// The search index on SQLite FTS5 (migration 6): the read side. The reader's filters are
// tokens in the MATCH expression (search_tags.hpp), so FTS5 applies them inside its doclists;
// date bounds, rarer, join search_entries. Ranking (text_rank, fts_rank.hpp) is what costs:
// ≈ 1.3–2 µs per ranked match, plus reading each word's doclist once for its weight, so over
// `rank_within` visible matches only the newest rank_within are ranked (rowids grow with
// indexing) while the total stays exact. A query runs one of two plans:
//   A. (no reader filter in the expression): count(*) of the matches (doclists only); if over
//      rank_within, the rowid of the rank_within-th newest (newest first, stopping there); then
//      the page: rowid and rank of the matches at or above that rowid (all, uncapped), ordered
//      by rank, LIMIT/OFFSET; past the ranked ones, if the page reaches there, the older
//      matches newest first, unranked.
//   B. (reader filters): a probe first, the rows holding the words unfiltered, counted only up
//      to rank_within + 1 (doclists only). Within the cap, no cap can apply to the visible ones:
//      the page in one pass, with the exact total riding along as count(*) OVER () (a separate
//      count only for an empty page), so the filters are evaluated once. Over it, as A.
// Measured at 1,000,000 paragraphs: the window costs ≈ 0.27 µs per ranked match (1.7 ms at
// 6,000), a count without filters 0.03 µs per match, with an observer's filters 0.4–4 µs: so
// fusing pays only when there are filters.
// Then, for each hit on the page, its columns and snippet(), by rowid + MATCH (an FTS5 seek).
// The SQL texts are constant per language choice and date filtering: a connection caches at
// most 48 of them.
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
// phrases, ?7 limit, ?8 offset, ?9 the words alone.
struct Sql {
  std::string probe;      // ?5 ?9: rows holding the words, counted up to ?5 + 1 per language
  std::string count;      // ?1 ?2 ?3
  std::string threshold;  // ?1 ?2 ?3 ?5: the rowid of the ?5-th newest match
  std::string ranked;     // ?1 ?2 ?3 ?4 ?6 ?7 ?8: rowid, language, rank of matches with rowid >= ?4
  std::string counted;    // ?1 ?2 ?3 ?6 ?7 ?8: rowid, language, rank, count(*) OVER () of all matches
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
  std::string probes, counts, newest, ranked, all, older;
  for (auto l : kLanguages) {
    if (!lang.empty() && l != lang) continue;
    const std::string table = "search_" + std::string(l);
    const std::string from = FromWhere(table, dated);
    const std::string id = table + ".rowid";
    const std::string rank = "SELECT " + id + " AS id, '" + std::string(l) + "' AS l, text_rank(" + table +
                             ", ?6) AS rank" + from;
    const char* plus = counts.empty() ? "" : " + ";
    const char* union_all = counts.empty() ? "" : " UNION ALL ";
    probes += plus + ("(SELECT count(*) FROM (SELECT rowid FROM " + table + " WHERE " + table +
                      " MATCH ?9 LIMIT ?5 + 1))");
    counts += plus + ("(SELECT count(*)" + from + ")");
    newest += union_all + ("SELECT * FROM (SELECT " + id + " AS id" + from + " ORDER BY " + id + " DESC LIMIT ?5)");
    ranked += union_all + (rank + " AND " + id + " >= ?4");
    all += union_all + rank;
    older += union_all + ("SELECT " + id + " AS id, '" + std::string(l) + "' AS l" + from + " AND " + id + " < ?4");
  }
  const std::string page = " ORDER BY rank, l, id LIMIT ?7 OFFSET ?8";
  return Sql{"SELECT " + probes,
             "SELECT " + counts,
             "SELECT id FROM (" + newest + ") ORDER BY id DESC LIMIT 1 OFFSET ?5 - 1",
             "SELECT id, l, rank FROM (" + ranked + ")" + page,
             "SELECT id, l, rank, count(*) OVER () FROM (" + all + ")" + page,
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

// Binds what every statement of a Sql but the probe has: the expression and, if dated, the bounds.
void BindMatch(Statement& s, const std::string& match, const core::SearchQuery& q, bool dated) {
  s.BindText(1, match);
  if (dated) s.BindOptionalText(2, ToText(q.from)).BindOptionalText(3, ToText(q.to));
}

// Steps `statement` to its one row and returns column 0.
Result<std::int64_t> One(Statement& statement) {
  auto row = statement.Step();
  if (!row) return row.error();
  if (!*row) return core::Error::Internal("a search count returned no row");
  return statement.ColumnInt(0);
}

// Reads a page's rows (rowid, language, [rank, [count]]) into `page` and `hits`; the count, if
// the statement has one, into `total`.
Result<void> ReadPage(Statement& s, bool ranked, std::vector<std::pair<std::int64_t, std::string>>& page,
                      std::vector<core::SearchHit>& hits, std::int64_t* total) {
  return s.ForEachRow([&]() -> Result<void> {
    page.emplace_back(s.ColumnInt(0), s.ColumnText(1));
    core::SearchHit hit;
    if (ranked) hit.rank = s.ColumnDouble(2);  // else 0: not ranked
    if (total != nullptr) *total = s.ColumnInt(3);
    hits.push_back(std::move(hit));
    return core::Ok();
  });
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
  const std::string words_only = WordsMatch(words);
  const SearchMatch match = MatchFor(words, query);
  const bool capped = query.rank_within > 0;
  std::vector<std::pair<std::int64_t, std::string>> page;  // rowid, language
  const std::int64_t end = query.limit > std::numeric_limits<std::int64_t>::max() - query.offset
                               ? std::numeric_limits<std::int64_t>::max()
                               : query.offset + query.limit;  // one past the page's last position

  // Plan B's probe: can a cap apply at all?
  bool one_pass = false;
  if (match.filtered || dated) {
    one_pass = !capped;
    if (capped) {
      auto probe = (*c)->Prepare(sql.probe);
      if (!probe) return probe.error();
      probe->BindText(9, words_only).BindInt(5, query.rank_within);
      auto rows = One(*probe);
      if (!rows) return rows.error();
      one_pass = *rows <= query.rank_within;
    }
  }
  if (one_pass) {
    if (query.limit > 0) {
      auto select = (*c)->Prepare(sql.counted);
      if (!select) return select.error();
      BindMatch(*select, match.expression, query, dated);
      select->BindInt(6, match.word_phrases).BindInt(7, query.limit).BindInt(8, query.offset);
      if (auto r = ReadPage(*select, true, page, result.hits, &result.total); !r) return r.error();
    }
    if (page.empty()) {  // no page to carry the total (limit 0, offset past the end, no match)
      auto count = (*c)->Prepare(sql.count);
      if (!count) return count.error();
      BindMatch(*count, match.expression, query, dated);
      auto total = One(*count);
      if (!total) return total.error();
      result.total = *total;
    }
    result.ranked = result.total;
  } else {
    auto count = (*c)->Prepare(sql.count);
    if (!count) return count.error();
    BindMatch(*count, match.expression, query, dated);
    auto total = One(*count);
    if (!total) return total.error();
    result.total = result.ranked = *total;
    std::int64_t threshold = std::numeric_limits<std::int64_t>::min();
    if (capped && result.total > query.rank_within) {
      result.ranked = query.rank_within;
      auto newest = (*c)->Prepare(sql.threshold);
      if (!newest) return newest.error();
      BindMatch(*newest, match.expression, query, dated);
      newest->BindInt(5, query.rank_within);
      auto id = One(*newest);
      if (!id) return id.error();
      threshold = *id;
    }
    if (query.offset < result.ranked && query.limit > 0) {
      auto select = (*c)->Prepare(sql.ranked);
      if (!select) return select.error();
      BindMatch(*select, match.expression, query, dated);
      select->BindInt(4, threshold)
          .BindInt(6, match.word_phrases)
          .BindInt(7, std::min(end, result.ranked) - query.offset)
          .BindInt(8, query.offset);
      if (auto r = ReadPage(*select, true, page, result.hits, nullptr); !r) return r.error();
    }
    if (result.ranked < result.total && end > result.ranked) {
      auto select = (*c)->Prepare(sql.older);
      if (!select) return select.error();
      BindMatch(*select, match.expression, query, dated);
      const std::int64_t skip = query.offset > result.ranked ? query.offset - result.ranked : 0;
      select->BindInt(4, threshold).BindInt(7, end - result.ranked - skip).BindInt(8, skip);
      if (auto r = ReadPage(*select, false, page, result.hits, nullptr); !r) return r.error();
    }
  }

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
