#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "storage/sqlite/codec.hpp"
#include "storage/sqlite/repositories.hpp"

namespace chancery::storage::sqlite {
namespace {

using core::Result;

// Reads come in two shapes: one document by id (?1) with every version's content, and the
// documents a filter matches (?1 kind, ?2 body, ?3 meeting_id) with only the latest version's
// content. Each shape is one query per table, covering all its documents at once and ordered
// by document id, so a list costs six queries however many documents it holds.

#define DOCUMENT_COLUMNS "id, symbol, kind, body, access, original_language, meeting_id"
#define FILTER                                                                                      \
  "(?1 IS NULL OR kind = ?1) AND (?2 IS NULL OR body = ?2) AND (?3 IS NULL OR meeting_id = ?3)"
#define FILTERED_IDS "(SELECT id FROM documents WHERE " FILTER ")"
#define SYMBOLS "SELECT document_id, symbol FROM document_symbols WHERE document_id "
#define STAGES                                                                                        \
  "SELECT document_id, body, kind, taken_on, meeting_id, decision_id, recommended_to FROM document_stages " \
  "WHERE document_id "
#define VERSIONS \
  "SELECT document_id, number, created_at, author_id, author, reason, status FROM document_versions "      \
  "WHERE document_id "
#define LANGUAGES "SELECT l.document_id, l.number, l.lang, l.status, l.title FROM document_languages l "
#define PARAGRAPHS                                                                                        \
  "SELECT p.document_id, p.number, p.lang, p.paragraph_id, p.style, p.text, p.item_number, "              \
  "p.closed_to_observers FROM document_paragraphs p "
// The latest version of each filtered document, to join the languages and paragraphs with.
#define LATEST                                                                                       \
  "JOIN (SELECT document_id, max(number) AS number FROM document_versions WHERE document_id IN " \
  FILTERED_IDS " GROUP BY document_id) latest "

struct Queries {
  const char* documents;
  const char* symbols;
  const char* stages;
  const char* versions;
  const char* languages;
  const char* paragraphs;
};

constexpr Queries kById = {
    "SELECT " DOCUMENT_COLUMNS " FROM documents WHERE id = ?1",
    SYMBOLS "= ?1 ORDER BY position",
    STAGES "= ?1 ORDER BY position",
    VERSIONS "= ?1 ORDER BY number",
    LANGUAGES "WHERE l.document_id = ?1 ORDER BY l.number, l.position",
    PARAGRAPHS "WHERE p.document_id = ?1 ORDER BY p.number, p.lang, p.position",
};

constexpr Queries kFiltered = {
    "SELECT " DOCUMENT_COLUMNS " FROM documents WHERE " FILTER " ORDER BY id",
    SYMBOLS "IN " FILTERED_IDS " ORDER BY document_id, position",
    STAGES "IN " FILTERED_IDS " ORDER BY document_id, position",
    VERSIONS "IN " FILTERED_IDS " ORDER BY document_id, number",
    LANGUAGES LATEST "ON l.document_id = latest.document_id AND l.number = latest.number "
                     "ORDER BY l.document_id, l.position",
    PARAGRAPHS LATEST "ON p.document_id = latest.document_id AND p.number = latest.number "
                      "ORDER BY p.document_id, p.lang, p.position",
};

#undef DOCUMENT_COLUMNS
#undef FILTER
#undef FILTERED_IDS
#undef SYMBOLS
#undef STAGES
#undef VERSIONS
#undef LANGUAGES
#undef PARAGRAPHS
#undef LATEST

constexpr char kSelectIdBySymbol[] = "SELECT document_id FROM document_symbol_index WHERE symbol = ?1";
constexpr char kSelectLabel[] =
    "SELECT symbol, coalesce((SELECT title FROM document_languages WHERE document_id = ?1 AND number = ?2 "
    "AND lang = ?3), '') FROM documents WHERE id = ?1";
// Whether the document exists, and its latest version number (0 for none).
constexpr char kSelectLatest[] =
    "SELECT (SELECT count(*) FROM documents WHERE id = ?1), "
    "(SELECT coalesce(max(number), 0) FROM document_versions WHERE document_id = ?1)";

constexpr char kInsert[] =
    "INSERT INTO documents (symbol, kind, body, access, original_language, meeting_id) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
// Only what may change: kind, body, language and meeting stay as inserted.
constexpr char kUpdate[] = "UPDATE documents SET symbol = ?2, access = ?3 WHERE id = ?1";

constexpr char kDeleteSymbols[] = "DELETE FROM document_symbols WHERE document_id = ?1";
constexpr char kDeleteIndex[] = "DELETE FROM document_symbol_index WHERE document_id = ?1";
constexpr char kDeleteStages[] = "DELETE FROM document_stages WHERE document_id = ?1";

constexpr char kInsertSymbol[] = "INSERT INTO document_symbols (document_id, position, symbol) VALUES (?1, ?2, ?3)";
constexpr char kInsertIndex[] = "INSERT INTO document_symbol_index (symbol, document_id) VALUES (?1, ?2)";
constexpr char kInsertStage[] =
    "INSERT INTO document_stages (document_id, position, body, kind, taken_on, meeting_id, decision_id, "
    "recommended_to) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
constexpr char kInsertVersion[] =
    "INSERT INTO document_versions (document_id, number, created_at, author_id, author, reason, status) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
constexpr char kInsertLanguage[] =
    "INSERT INTO document_languages (document_id, number, lang, position, status, title) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
constexpr char kInsertParagraph[] =
    "INSERT INTO document_paragraphs (document_id, number, lang, position, paragraph_id, style, text, item_number, "
    "closed_to_observers) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

core::Error Corrupt(const std::string& what, std::int64_t document_id) {
  return core::Error::Internal("document " + std::to_string(document_id) + ": " + what);
}

// The documents row at the statement's current row; the children come separately.
Result<core::Document> ReadRow(const Statement& row) {
  core::Document d;
  d.id = row.ColumnInt(0);
  d.symbol = row.ColumnText(1);
  auto kind = DecodeDocumentKind(row.ColumnText(2));
  if (!kind) return kind.error();
  d.kind = *kind;
  auto body = DecodeBodyCode(row.ColumnText(3), "documents.body");
  if (!body) return body.error();
  d.body = *body;
  auto access = DecodeAccessCategory(row.ColumnText(4));
  if (!access) return access.error();
  d.access = *access;
  d.original_language = row.ColumnText(5);
  d.meeting_id = row.ColumnOptionalInt(6);
  return d;
}

Result<core::DocumentStage> ReadStage(const Statement& row) {
  core::DocumentStage stage;
  auto body = DecodeBodyCode(row.ColumnText(1), "document_stages.body");
  if (!body) return body.error();
  stage.body = *body;
  auto kind = DecodeStageKind(row.ColumnText(2));
  if (!kind) return kind.error();
  stage.kind = *kind;
  auto on = DecodeDate(row.ColumnText(3), "document_stages.taken_on");
  if (!on) return on.error();
  stage.on = *on;
  stage.meeting_id = row.ColumnOptionalInt(4);
  stage.decision_id = row.ColumnOptionalInt(5);
  auto to = DecodeOptionalBodyCode(row.ColumnOptionalText(6), "document_stages.recommended_to");
  if (!to) return to.error();
  stage.recommended_to = *to;
  return stage;
}

// Version `number` of `d`, whose versions are in number order; null if it has none such.
core::DocumentVersion* VersionOf(core::Document& d, std::int64_t number) {
  auto it = std::lower_bound(d.versions.begin(), d.versions.end(), number,
                             [](const core::DocumentVersion& v, std::int64_t n) { return v.number < n; });
  if (it == d.versions.end() || it->number != number) return nullptr;
  return &*it;
}

core::LanguageVersion* LanguageOf(core::DocumentVersion& v, const std::string& lang) {
  for (auto& l : v.languages) {
    if (l.content.lang == lang) return &l;
  }
  return nullptr;
}

// The documents `queries` select (with `bind` applied to each query), children included, by id.
template <class Bind>
Result<std::vector<core::Document>> Select(TxContext& tx, const Queries& queries, Bind bind) {
  auto c = tx.ForRead();
  if (!c) return c.error();
  std::vector<core::Document> out;
  std::map<std::int64_t, std::size_t> index;  // id → position in `out`
  {
    auto select = (*c)->Prepare(queries.documents);
    if (!select) return select.error();
    bind(*select);
    auto read = select->ForEachRow([&]() -> Result<void> {
      auto d = ReadRow(*select);
      if (!d) return d.error();
      index.emplace(d->id, out.size());
      out.push_back(std::move(*d));
      return core::Ok();
    });
    if (!read) return read.error();
  }
  if (out.empty()) return out;
  // Runs `sql` and calls `each(document, row)` at every row; column 0 is the document id.
  auto for_each_child = [&](const char* sql, auto each) -> Result<void> {
    auto select = (*c)->Prepare(sql);
    if (!select) return select.error();
    bind(*select);
    return select->ForEachRow([&]() -> Result<void> {
      const std::int64_t id = select->ColumnInt(0);
      auto it = index.find(id);
      if (it == index.end()) return Corrupt("a child row of a document not selected", id);
      return each(out[it->second], *select);
    });
  };
  auto symbols = for_each_child(queries.symbols, [](core::Document& d, const Statement& row) -> Result<void> {
    d.former_symbols.push_back(row.ColumnText(1));
    return core::Ok();
  });
  if (!symbols) return symbols.error();
  auto stages = for_each_child(queries.stages, [](core::Document& d, const Statement& row) -> Result<void> {
    auto stage = ReadStage(row);
    if (!stage) return stage.error();
    d.stages.push_back(std::move(*stage));
    return core::Ok();
  });
  if (!stages) return stages.error();
  auto versions = for_each_child(queries.versions, [](core::Document& d, const Statement& row) -> Result<void> {
    core::DocumentVersion v;
    v.number = static_cast<int>(row.ColumnInt(1));
    v.created_at = FromMillis(row.ColumnInt(2));
    v.author_id = row.ColumnInt(3);
    v.author = row.ColumnText(4);
    v.reason = row.ColumnText(5);
    auto status = DecodeVersionStatus(row.ColumnText(6));
    if (!status) return status.error();
    v.status = *status;
    d.versions.push_back(std::move(v));
    return core::Ok();
  });
  if (!versions) return versions.error();
  auto languages = for_each_child(queries.languages, [](core::Document& d, const Statement& row) -> Result<void> {
    core::DocumentVersion* v = VersionOf(d, row.ColumnInt(1));
    if (!v) return Corrupt("a language text of a missing version", d.id);
    core::LanguageVersion l;
    l.content.lang = row.ColumnText(2);
    auto status = DecodeTranslationStatus(row.ColumnText(3));
    if (!status) return status.error();
    l.status = *status;
    l.content.title = row.ColumnText(4);
    v->languages.push_back(std::move(l));
    return core::Ok();
  });
  if (!languages) return languages.error();
  auto paragraphs = for_each_child(queries.paragraphs, [](core::Document& d, const Statement& row) -> Result<void> {
    core::DocumentVersion* v = VersionOf(d, row.ColumnInt(1));
    core::LanguageVersion* l = v ? LanguageOf(*v, row.ColumnText(2)) : nullptr;
    if (!l) return Corrupt("a paragraph of a missing language text", d.id);
    core::Paragraph p;
    p.id = row.ColumnText(3);
    auto style = DecodeParagraphStyle(row.ColumnText(4));
    if (!style) return style.error();
    p.style = *style;
    p.text = row.ColumnText(5);
    p.item_number = static_cast<int>(row.ColumnInt(6));
    p.closed_to_observers = row.ColumnInt(7) != 0;
    l->content.paragraphs.push_back(std::move(p));
    return core::Ok();
  });
  if (!paragraphs) return paragraphs.error();
  return out;
}

Result<std::optional<core::Document>> First(Result<std::vector<core::Document>> found) {
  if (!found) return found.error();
  if (found->empty()) return std::optional<core::Document>();
  return std::optional<core::Document>(std::move(found->front()));
}

core::Error SymbolTaken(const core::Error& error, const std::string& symbol) {
  if (error.code == core::ErrorCode::kAlreadyExists) {
    return core::Error::AlreadyExists("document symbol " + symbol + " is already taken");
  }
  return error;
}

// Writes the former symbols and the symbol index of document `id` (the caller has removed old
// ones). The index gets each symbol once: a document may list its own symbol twice (renamed
// back to a former one); only another document's symbol is taken.
Result<void> StoreSymbols(Connection& c, std::int64_t id, const core::Document& d) {
  for (std::size_t i = 0; i < d.former_symbols.size(); ++i) {
    auto insert = c.Prepare(kInsertSymbol);
    if (!insert) return insert.error();
    insert->BindInt(1, id).BindInt(2, static_cast<std::int64_t>(i)).BindText(3, d.former_symbols[i]);
    if (auto r = insert->Run(); !r) return r;
  }
  std::set<std::string> symbols(d.former_symbols.begin(), d.former_symbols.end());
  symbols.insert(d.symbol);
  for (const auto& symbol : symbols) {
    auto insert = c.Prepare(kInsertIndex);
    if (!insert) return insert.error();
    insert->BindText(1, symbol).BindInt(2, id);
    if (auto r = insert->Run(); !r) return SymbolTaken(r.error(), symbol);
  }
  return core::Ok();
}

Result<void> StoreStages(Connection& c, std::int64_t id, const core::Document& d) {
  for (std::size_t i = 0; i < d.stages.size(); ++i) {
    const auto& stage = d.stages[i];
    auto insert = c.Prepare(kInsertStage);
    if (!insert) return insert.error();
    insert->BindInt(1, id)
        .BindInt(2, static_cast<std::int64_t>(i))
        .BindText(3, core::ToString(stage.body))
        .BindText(4, core::ToString(stage.kind))
        .BindText(5, ToText(stage.on))
        .BindOptionalInt(6, stage.meeting_id)
        .BindOptionalInt(7, stage.decision_id)
        .BindOptionalText(8, ToText(stage.recommended_to));
    if (auto r = insert->Run(); !r) return r;
  }
  return core::Ok();
}

// Appends `v` to document `id`, whose latest version is `latest`.
Result<void> StoreVersion(Connection& c, std::int64_t id, std::int64_t latest, const core::DocumentVersion& v) {
  if (v.number != latest + 1) {
    return core::Error::Conflict("document " + std::to_string(id) + " is at version " + std::to_string(latest) +
                                 "; the next is " + std::to_string(latest + 1) + ", not " + std::to_string(v.number));
  }
  auto insert = c.Prepare(kInsertVersion);
  if (!insert) return insert.error();
  insert->BindInt(1, id)
      .BindInt(2, v.number)
      .BindInt(3, ToMillis(v.created_at))
      .BindInt(4, v.author_id)
      .BindText(5, v.author)
      .BindText(6, v.reason)
      .BindText(7, core::ToString(v.status));
  if (auto r = insert->Run(); !r) return r;
  for (std::size_t i = 0; i < v.languages.size(); ++i) {
    const auto& l = v.languages[i];
    auto language = c.Prepare(kInsertLanguage);
    if (!language) return language.error();
    language->BindInt(1, id)
        .BindInt(2, v.number)
        .BindText(3, l.content.lang)
        .BindInt(4, static_cast<std::int64_t>(i))
        .BindText(5, core::ToString(l.status))
        .BindText(6, l.content.title);
    if (auto r = language->Run(); !r) {
      if (r.error().code == core::ErrorCode::kAlreadyExists) {
        return core::Error::AlreadyExists("document " + std::to_string(id) + " version " + std::to_string(v.number) +
                                          " has two texts in '" + l.content.lang + "'");
      }
      return r;
    }
    for (std::size_t j = 0; j < l.content.paragraphs.size(); ++j) {
      const auto& p = l.content.paragraphs[j];
      auto paragraph = c.Prepare(kInsertParagraph);
      if (!paragraph) return paragraph.error();
      paragraph->BindInt(1, id)
          .BindInt(2, v.number)
          .BindText(3, l.content.lang)
          .BindInt(4, static_cast<std::int64_t>(j))
          .BindText(5, p.id)
          .BindText(6, core::ToString(p.style))
          .BindText(7, p.text)
          .BindInt(8, p.item_number)
          .BindInt(9, p.closed_to_observers ? 1 : 0);
      if (auto r = paragraph->Run(); !r) return r;
    }
  }
  return core::Ok();
}

Result<void> RunForDocument(Connection& c, const char* sql, std::int64_t id) {
  auto statement = c.Prepare(sql);
  if (!statement) return statement.error();
  statement->BindInt(1, id);
  return statement->Run();
}

}  // namespace

Result<std::optional<core::Document>> DocumentRepository::Find(std::int64_t id) {
  return First(Select(tx_, kById, [&](Statement& s) { s.BindInt(1, id); }));
}

Result<std::optional<core::DocumentLabel>> DocumentRepository::Label(std::int64_t id, int version,
                                                                     std::string_view lang) {
  auto c = tx_.ForRead();
  if (!c) return c.error();
  auto select = (*c)->Prepare(kSelectLabel);
  if (!select) return select.error();
  select->BindInt(1, id).BindInt(2, version).BindText(3, lang);
  auto row = select->Step();
  if (!row) return row.error();
  if (!*row) return std::optional<core::DocumentLabel>();
  return std::optional<core::DocumentLabel>(core::DocumentLabel{select->ColumnText(0), select->ColumnText(1)});
}

Result<std::optional<core::Document>> DocumentRepository::FindBySymbol(std::string_view symbol) {
  std::optional<std::int64_t> id;
  {
    auto c = tx_.ForRead();
    if (!c) return c.error();
    auto select = (*c)->Prepare(kSelectIdBySymbol);
    if (!select) return select.error();
    select->BindText(1, symbol);
    auto row = select->Step();
    if (!row) return row.error();
    if (*row) id = select->ColumnInt(0);
  }
  if (!id) return std::optional<core::Document>();
  return Find(*id);
}

Result<std::vector<core::Document>> DocumentRepository::List(const core::DocumentFilter& filter) {
  return Select(tx_, kFiltered, [&](Statement& s) {
    s.BindOptionalText(1, ToText(filter.kind)).BindOptionalText(2, ToText(filter.body)).BindOptionalInt(3, filter.meeting_id);
  });
}

Result<std::int64_t> DocumentRepository::Insert(const core::Document& document) {
  std::int64_t id = 0;
  auto done = tx_.Atomically([&](Connection& c) -> Result<void> {
    auto insert = c.Prepare(kInsert);
    if (!insert) return insert.error();
    insert->BindText(1, document.symbol)
        .BindText(2, core::ToString(document.kind))
        .BindText(3, core::ToString(document.body))
        .BindText(4, core::ToString(document.access))
        .BindText(5, document.original_language)
        .BindOptionalInt(6, document.meeting_id);
    if (auto r = insert->Run(); !r) return SymbolTaken(r.error(), document.symbol);
    id = c.LastInsertRowId();
    if (auto r = StoreSymbols(c, id, document); !r) return r;
    if (auto r = StoreStages(c, id, document); !r) return r;
    // Versions 1, 2, … as AddVersion would append them one by one.
    std::int64_t latest = 0;
    for (const auto& v : document.versions) {
      if (auto r = StoreVersion(c, id, latest, v); !r) return r;
      latest = v.number;
    }
    return core::Ok();
  });
  if (!done) return done.error();
  return id;
}

Result<void> DocumentRepository::Update(const core::Document& document) {
  return tx_.Atomically([&](Connection& c) -> Result<void> {
    auto update = c.Prepare(kUpdate);
    if (!update) return update.error();
    update->BindInt(1, document.id).BindText(2, document.symbol).BindText(3, core::ToString(document.access));
    if (auto r = update->Run(); !r) return SymbolTaken(r.error(), document.symbol);
    if (c.Changes() == 0) return core::Error::NotFound("no document with id " + std::to_string(document.id));
    for (const char* sql : {kDeleteSymbols, kDeleteIndex, kDeleteStages}) {
      if (auto r = RunForDocument(c, sql, document.id); !r) return r;
    }
    if (auto r = StoreSymbols(c, document.id, document); !r) return r;
    return StoreStages(c, document.id, document);
  });
}

Result<void> DocumentRepository::AddVersion(std::int64_t document_id, const core::DocumentVersion& version) {
  return tx_.Atomically([&](Connection& c) -> Result<void> {
    std::int64_t latest = 0;
    {
      auto select = c.Prepare(kSelectLatest);
      if (!select) return select.error();
      select->BindInt(1, document_id);
      auto row = select->Step();
      if (!row) return row.error();
      if (!*row || select->ColumnInt(0) == 0) {
        return core::Error::NotFound("no document with id " + std::to_string(document_id));
      }
      latest = select->ColumnInt(1);
    }
    return StoreVersion(c, document_id, latest, version);
  });
}

}  // namespace chancery::storage::sqlite
