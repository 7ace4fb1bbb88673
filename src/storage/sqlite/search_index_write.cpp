// The search index on SQLite FTS5 (migration 6): the write side. A row's tags (search_tags.hpp)
// change in two cases: SetAccess, and a higher version of its document, which makes it no
// longer the latest. The FTS5 tables are external-content, so FTS5 cannot see the old values
// itself: each retagged row is deleted from its FTS5 table with the values it was indexed
// with, updated, and indexed again.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "storage/sqlite/codec.hpp"
#include "storage/sqlite/repositories.hpp"
#include "storage/sqlite/search_tags.hpp"

namespace chancery::storage::sqlite {
namespace {

using core::Result;

constexpr std::array<std::string_view, 3> kLanguages = {"en", "ru", "kk"};

constexpr char kInsertEntry[] =
    "INSERT INTO search_entries (document_id, version, lang, paragraph_id, item_number, closed, access, kind, "
    "body, date, latest, text, tags) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
constexpr char kLatestVersion[] = "SELECT max(version) FROM search_entries WHERE document_id = ?1";
// The rows a change of tags applies to: a document's (SetAccess), or its latest ones (a newer version).
constexpr char kRowsOfDocument[] =
    "SELECT id, lang, closed, access, kind, body, latest, text, tags FROM search_entries WHERE document_id = ?1";
constexpr char kLatestRowsOfDocument[] =
    "SELECT id, lang, closed, access, kind, body, latest, text, tags FROM search_entries "
    "WHERE document_id = ?1 AND latest = 1";
constexpr char kUpdateTags[] = "UPDATE search_entries SET access = ?2, latest = ?3, tags = ?4 WHERE id = ?1";

struct Row {
  std::int64_t id = 0;
  std::string lang;
  bool closed = false;
  std::string access, kind, body;
  bool latest = false;
  std::string text, tags;
};

// One constant text per language and operation (a table name cannot be a parameter).
const std::string& IndexSql(std::string_view lang, bool remove) {
  static const auto all = [] {
    std::array<std::string, 6> out;
    for (std::size_t i = 0; i < kLanguages.size(); ++i) {
      const std::string table = "search_" + std::string(kLanguages[i]);
      out[i] = "INSERT INTO " + table + " (rowid, text, tags) VALUES (?1, ?2, ?3)";
      out[i + 3] = "INSERT INTO " + table + " (" + table + ", rowid, text, tags) VALUES ('delete', ?1, ?2, ?3)";
    }
    return out;
  }();
  std::size_t i = 0;
  for (std::size_t l = 0; l < kLanguages.size(); ++l) {
    if (kLanguages[l] == lang) i = l;
  }
  return all[i + (remove ? 3 : 0)];
}

Result<void> Index(Connection& c, std::string_view lang, bool remove, std::int64_t id, const std::string& text,
                   const std::string& tags) {
  auto index = c.Prepare(IndexSql(lang, remove));
  if (!index) return index.error();
  index->BindInt(1, id).BindText(2, text).BindText(3, tags);
  return index->Run();
}

Result<std::vector<Row>> RowsOf(Connection& c, const char* sql, std::int64_t document_id) {
  auto select = c.Prepare(sql);
  if (!select) return select.error();
  select->BindInt(1, document_id);
  std::vector<Row> rows;
  auto read = select->ForEachRow([&]() -> Result<void> {
    rows.push_back(Row{select->ColumnInt(0), select->ColumnText(1), select->ColumnInt(2) != 0, select->ColumnText(3),
                       select->ColumnText(4), select->ColumnText(5), select->ColumnInt(6) != 0, select->ColumnText(7),
                       select->ColumnText(8)});
    return core::Ok();
  });
  if (!read) return read.error();
  return rows;
}

// Gives `row` the access and latest flag asked for, in search_entries and in its FTS5 table.
Result<void> Retag(Connection& c, const Row& row, std::string_view access, bool latest) {
  const std::string tags = SearchTags(access, row.closed, row.kind, row.body, latest);
  if (tags == row.tags) return core::Ok();
  if (auto r = Index(c, row.lang, true, row.id, row.text, row.tags); !r) return r;
  auto update = c.Prepare(kUpdateTags);
  if (!update) return update.error();
  update->BindInt(1, row.id).BindText(2, access).BindInt(3, latest ? 1 : 0).BindText(4, tags);
  if (auto r = update->Run(); !r) return r;
  return Index(c, row.lang, false, row.id, row.text, tags);
}

bool KnownLanguage(std::string_view lang) {
  for (auto l : kLanguages) {
    if (l == lang) return true;
  }
  return false;
}

}  // namespace

Result<void> SearchIndex::Add(const core::SearchEntry& entry) {
  if (!KnownLanguage(entry.lang)) {
    return core::Error::InvalidArgument("the search index has no language '" + entry.lang + "' (en, ru, kk)");
  }
  return tx_.Atomically([&](Connection& c) -> Result<void> {
    std::optional<std::int64_t> latest_version;
    {
      auto select = c.Prepare(kLatestVersion);
      if (!select) return select.error();
      select->BindInt(1, entry.document_id);
      auto row = select->Step();
      if (!row) return row.error();
      if (*row) latest_version = select->ColumnOptionalInt(0);
    }
    // A higher version than any indexed: the document's latest entries are latest no more.
    if (latest_version && entry.version > *latest_version) {
      auto rows = RowsOf(c, kLatestRowsOfDocument, entry.document_id);
      if (!rows) return rows.error();
      for (const auto& row : *rows) {
        if (auto r = Retag(c, row, row.access, false); !r) return r;
      }
    }
    const bool latest = !latest_version || entry.version >= *latest_version;
    const std::string access(core::ToString(entry.access));
    const std::string tags = SearchTags(access, entry.closed_to_observers, core::ToString(entry.kind),
                                        core::ToString(entry.body), latest);
    {
      auto insert = c.Prepare(kInsertEntry);
      if (!insert) return insert.error();
      insert->BindInt(1, entry.document_id)
          .BindInt(2, entry.version)
          .BindText(3, entry.lang)
          .BindText(4, entry.paragraph_id)
          .BindInt(5, entry.item_number)
          .BindInt(6, entry.closed_to_observers ? 1 : 0)
          .BindText(7, access)
          .BindText(8, core::ToString(entry.kind))
          .BindText(9, core::ToString(entry.body))
          .BindText(10, ToText(entry.date))
          .BindInt(11, latest ? 1 : 0)
          .BindText(12, entry.text)
          .BindText(13, tags);
      if (auto r = insert->Run(); !r) return r;
    }
    return Index(c, entry.lang, false, c.LastInsertRowId(), entry.text, tags);
  });
}

Result<void> SearchIndex::SetAccess(std::int64_t document_id, core::AccessCategory access) {
  return tx_.Atomically([&](Connection& c) -> Result<void> {
    auto rows = RowsOf(c, kRowsOfDocument, document_id);
    if (!rows) return rows.error();
    for (const auto& row : *rows) {
      if (auto r = Retag(c, row, core::ToString(access), row.latest); !r) return r;
    }
    return core::Ok();
  });
}

}  // namespace chancery::storage::sqlite
