// The search index on SQLite FTS5 (migration 6). A query runs in two steps:
//   1. the page: rowid and bm25 of the matches the reader may see, over the FTS5 table of each
//      language asked (UNION ALL), ordered by rank, LIMIT/OFFSET, with their exact count as a
//      window count(*) OVER () (one pass over the matches; a separate count(*) only when the page
//      is empty);
//   2. for each hit on the page, its columns and snippet(), by rowid + MATCH (an FTS5 seek).
// snippet() is thus computed for the page only, not for every match the sorter sees.
// The reader's filters are bound parameters of one constant SQL text per language choice, so
// the connection's statement cache holds at most eight search statements.
#include <array>
#include <string>
#include <utility>

#include "storage/search_words.hpp"
#include "storage/sqlite/codec.hpp"
#include "storage/sqlite/repositories.hpp"

namespace chancery::storage::sqlite {
namespace {

using core::Result;

constexpr std::array<std::string_view, 3> kLanguages = {"en", "ru", "kk"};

constexpr char kInsertEntry[] =
    "INSERT INTO search_entries (document_id, version, lang, paragraph_id, item_number, closed, access, kind, "
    "body, date, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
constexpr char kSetAccess[] = "UPDATE search_entries SET access = ?2 WHERE document_id = ?1";

// ?1 match expression, ?2 readable access names as ",a,b,", ?3 closed_visible, ?4 kind, ?5 body,
// ?6 from, ?7 to, ?8 latest_only; ?9 limit, ?10 offset.
std::string FromWhere(std::string_view lang) {
  const std::string table = "search_" + std::string(lang);
  return " FROM " + table + " CROSS JOIN search_entries e ON e.id = " + table + ".rowid WHERE " + table +
         " MATCH ?1 AND instr(?2, ',' || e.access || ',') > 0 AND (?3 = 1 OR e.closed = 0)"
         " AND (?4 IS NULL OR e.kind = ?4) AND (?5 IS NULL OR e.body = ?5)"
         " AND (?6 IS NULL OR e.date >= ?6) AND (?7 IS NULL OR e.date <= ?7)"
         " AND (?8 = 0 OR e.version = (SELECT max(m.version) FROM search_entries m"
         " WHERE m.document_id = e.document_id))";
}

struct Sql {
  std::string page;
  std::string count;
};

// For one language, or (lang empty) all of them.
Sql MakeSql(std::string_view lang) {
  Sql sql;
  std::string arms;
  std::string counts;
  for (auto l : kLanguages) {
    if (!lang.empty() && l != lang) continue;
    if (!arms.empty()) {
      arms += " UNION ALL ";
      counts += " + ";
    }
    arms += "SELECT " + std::string("search_") + std::string(l) + ".rowid AS id, '" + std::string(l) +
            "' AS l, bm25(search_" + std::string(l) + ") AS rank" + FromWhere(l);
    counts += "(SELECT count(*)" + FromWhere(l) + ")";
  }
  // count(*) OVER (): the total comes with the page, from the same pass over the matches.
  sql.page = "SELECT id, l, rank, count(*) OVER () FROM (" + arms + ") ORDER BY rank, l, id LIMIT ?9 OFFSET ?10";
  sql.count = "SELECT " + counts;
  return sql;
}

const Sql& SqlFor(std::string_view lang) {
  static const std::array<Sql, 4> all = {MakeSql("en"), MakeSql("ru"), MakeSql("kk"), MakeSql("")};
  for (std::size_t i = 0; i < kLanguages.size(); ++i) {
    if (kLanguages[i] == lang) return all[i];
  }
  return all[3];
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

// Every word as an FTS5 string ("…"), so that nothing in the query is FTS5 syntax; words side by
// side are an implicit AND. The words hold no '"' (WordSpans cuts there), quoted all the same.
std::string MatchExpression(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& word : words) {
    if (!out.empty()) out += ' ';
    out += '"';
    for (char c : word) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  return out;
}

void BindFilters(Statement& s, const std::string& match, const core::SearchQuery& q) {
  std::string readable = ",";
  for (auto access : q.readable) readable += std::string(core::ToString(access)) + ",";
  s.BindText(1, match)
      .BindText(2, readable)
      .BindInt(3, q.closed_visible ? 1 : 0)
      .BindOptionalText(4, ToText(q.kind))
      .BindOptionalText(5, ToText(q.body))
      .BindOptionalText(6, ToText(q.from))
      .BindOptionalText(7, ToText(q.to))
      .BindInt(8, q.latest_only ? 1 : 0);
}

}  // namespace

Result<void> SearchIndex::Add(const core::SearchEntry& entry) {
  if (!KnownLanguage(entry.lang)) {
    return core::Error::InvalidArgument("the search index has no language '" + entry.lang + "' (en, ru, kk)");
  }
  return tx_.Atomically([&](Connection& c) -> Result<void> {
    {
      auto insert = c.Prepare(kInsertEntry);
      if (!insert) return insert.error();
      insert->BindInt(1, entry.document_id)
          .BindInt(2, entry.version)
          .BindText(3, entry.lang)
          .BindText(4, entry.paragraph_id)
          .BindInt(5, entry.item_number)
          .BindInt(6, entry.closed_to_observers ? 1 : 0)
          .BindText(7, core::ToString(entry.access))
          .BindText(8, core::ToString(entry.kind))
          .BindText(9, core::ToString(entry.body))
          .BindText(10, ToText(entry.date))
          .BindText(11, entry.text);
      if (auto r = insert->Run(); !r) return r;
    }
    // One constant text per language (the table name cannot be a parameter).
    static const std::array<std::string, 3> kIndex = {
        "INSERT INTO search_en (rowid, text) VALUES (?1, ?2)",
        "INSERT INTO search_ru (rowid, text) VALUES (?1, ?2)",
        "INSERT INTO search_kk (rowid, text) VALUES (?1, ?2)",
    };
    const std::string* sql = &kIndex[0];
    for (std::size_t i = 0; i < kLanguages.size(); ++i) {
      if (kLanguages[i] == entry.lang) sql = &kIndex[i];
    }
    auto index = c.Prepare(*sql);
    if (!index) return index.error();
    index->BindInt(1, c.LastInsertRowId()).BindText(2, entry.text);
    return index->Run();
  });
}

Result<void> SearchIndex::SetAccess(std::int64_t document_id, core::AccessCategory access) {
  auto c = tx_.ForWrite();
  if (!c) return c.error();
  auto update = (*c)->Prepare(kSetAccess);
  if (!update) return update.error();
  update->BindInt(1, document_id).BindText(2, core::ToString(access));
  return update->Run();
}

Result<core::SearchResult> SearchIndex::Query(const core::SearchQuery& query) {
  const auto words = Words(query.text);
  if (words.empty()) return core::Error::InvalidArgument("the search text holds no word");
  if (query.limit < 0 || query.offset < 0) return core::Error::InvalidArgument("negative limit or offset");
  if (query.lang && !KnownLanguage(*query.lang)) {
    return core::Error::InvalidArgument("the search index has no language '" + *query.lang + "' (en, ru, kk)");
  }
  auto c = tx_.ForRead();
  if (!c) return c.error();
  const std::string match = MatchExpression(words);
  const Sql& sql = SqlFor(query.lang.value_or(""));

  core::SearchResult result;
  std::vector<std::pair<std::int64_t, std::string>> page;  // rowid, language
  if (query.limit > 0) {
    auto select = (*c)->Prepare(sql.page);
    if (!select) return select.error();
    BindFilters(*select, match, query);
    select->BindInt(9, query.limit).BindInt(10, query.offset);
    auto read = select->ForEachRow([&]() -> Result<void> {
      page.emplace_back(select->ColumnInt(0), select->ColumnText(1));
      core::SearchHit hit;
      hit.rank = select->ColumnDouble(2);
      result.total = select->ColumnInt(3);
      result.hits.push_back(std::move(hit));
      return core::Ok();
    });
    if (!read) return read.error();
  }
  if (page.empty()) {  // no page to carry the total (limit 0, offset past the end, no match)
    auto count = (*c)->Prepare(sql.count);
    if (!count) return count.error();
    BindFilters(*count, match, query);
    auto row = count->Step();
    if (!row) return row.error();
    if (*row) result.total = count->ColumnInt(0);
  }
  for (std::size_t i = 0; i < page.size(); ++i) {
    auto select = (*c)->Prepare(HitSql(page[i].second));
    if (!select) return select.error();
    select->BindText(1, match).BindInt(2, page[i].first);
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
