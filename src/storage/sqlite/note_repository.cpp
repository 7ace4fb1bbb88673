// The outgoing register of NoteRepository (migration 8); the incoming one is in
// incoming_note_repository.cpp.
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "storage/sqlite/codec.hpp"
#include "storage/sqlite/repositories.hpp"

namespace chancery::storage::sqlite {
namespace {

using core::Result;

#define NOTE_COLUMNS                                                                                            \
  "id, purpose, file_index, number_index, serial, year, date, imported, scope, subject, about_kind, about_id, " \
  "status, created_at, created_by, registered_at, dispatched_at"
// Every filter, an unset one bound as NULL. The lists below repeat one set filter in front as a
// plain equality, which SQLite can serve from an index; it cannot for `?1 IS NULL OR …`.
#define NOTE_FILTER \
  "(?1 IS NULL OR year = ?1) AND (?2 IS NULL OR status = ?2) AND (?3 IS NULL OR (about_kind = ?3 AND about_id = ?4))"

constexpr char kSelectById[] = "SELECT " NOTE_COLUMNS " FROM outgoing_notes WHERE id = ?1";
constexpr char kSelectByNumber[] = "SELECT " NOTE_COLUMNS " FROM outgoing_notes WHERE year = ?1 AND serial = ?2";
constexpr char kListByYear[] =
    "SELECT " NOTE_COLUMNS " FROM outgoing_notes WHERE year = ?1 AND " NOTE_FILTER " ORDER BY id";
constexpr char kListByAbout[] =
    "SELECT " NOTE_COLUMNS " FROM outgoing_notes WHERE about_kind = ?3 AND about_id = ?4 AND " NOTE_FILTER
    " ORDER BY id";
constexpr char kListByStatus[] =
    "SELECT " NOTE_COLUMNS " FROM outgoing_notes WHERE status = ?2 AND " NOTE_FILTER " ORDER BY id";
constexpr char kListAll[] = "SELECT " NOTE_COLUMNS " FROM outgoing_notes WHERE " NOTE_FILTER " ORDER BY id";
constexpr char kNextSerial[] = "SELECT coalesce(max(serial), 0) + 1 FROM outgoing_notes WHERE year = ?1";
constexpr char kInsert[] =
    "INSERT INTO outgoing_notes (purpose, file_index, number_index, serial, year, date, imported, scope, subject, "
    "about_kind, about_id, status, created_at, created_by, registered_at, dispatched_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)";
constexpr char kUpdate[] =
    "UPDATE outgoing_notes SET purpose = ?2, file_index = ?3, number_index = ?4, serial = ?5, year = ?6, date = ?7, "
    "imported = ?8, scope = ?9, subject = ?10, about_kind = ?11, about_id = ?12, status = ?13, created_at = ?14, "
    "created_by = ?15, registered_at = ?16, dispatched_at = ?17 WHERE id = ?1";

#undef NOTE_FILTER
#undef NOTE_COLUMNS

constexpr char kSelectAddressees[] =
    "SELECT participant_id FROM outgoing_note_addressees WHERE note_id = ?1 ORDER BY position";
constexpr char kSelectLanguages[] = "SELECT lang FROM outgoing_note_languages WHERE note_id = ?1 ORDER BY position";
constexpr char kSelectEnclosures[] =
    "SELECT description, document_id, version, pages, file_id FROM outgoing_note_enclosures WHERE note_id = ?1 "
    "ORDER BY position";
constexpr char kSelectEnclosurePages[] =
    "SELECT position, lang, pages FROM outgoing_note_enclosure_pages WHERE note_id = ?1 ORDER BY position, ord";
constexpr char kSelectTexts[] = "SELECT lang FROM outgoing_note_texts WHERE note_id = ?1 ORDER BY position";
constexpr char kSelectBlocks[] =
    "SELECT lang, role, text FROM outgoing_note_blocks WHERE note_id = ?1 ORDER BY lang, position";

// Blocks before texts: they reference them.
constexpr const char* kDeleteChildren[] = {
    "DELETE FROM outgoing_note_addressees WHERE note_id = ?1",
    "DELETE FROM outgoing_note_languages WHERE note_id = ?1",
    "DELETE FROM outgoing_note_enclosure_pages WHERE note_id = ?1",
    "DELETE FROM outgoing_note_enclosures WHERE note_id = ?1",
    "DELETE FROM outgoing_note_blocks WHERE note_id = ?1",
    "DELETE FROM outgoing_note_texts WHERE note_id = ?1",
};

constexpr char kInsertAddressee[] =
    "INSERT INTO outgoing_note_addressees (note_id, position, participant_id) VALUES (?1, ?2, ?3)";
constexpr char kInsertLanguage[] = "INSERT INTO outgoing_note_languages (note_id, position, lang) VALUES (?1, ?2, ?3)";
constexpr char kInsertEnclosure[] =
    "INSERT INTO outgoing_note_enclosures (note_id, position, description, document_id, version, pages, file_id) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
constexpr char kInsertEnclosurePages[] =
    "INSERT INTO outgoing_note_enclosure_pages (note_id, position, ord, lang, pages) VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr char kInsertText[] = "INSERT INTO outgoing_note_texts (note_id, position, lang) VALUES (?1, ?2, ?3)";
constexpr char kInsertBlock[] =
    "INSERT INTO outgoing_note_blocks (note_id, lang, position, role, text) VALUES (?1, ?2, ?3, ?4, ?5)";

std::optional<std::int64_t> Widened(const std::optional<int>& value) {
  if (!value) return std::nullopt;
  return *value;
}

// The three number columns are all NULL (a draft) or all set; anything else is corruption.
Result<std::optional<core::NoteNumber>> DecodeNumber(const Statement& row, int first) {
  auto index = row.ColumnOptionalText(first);
  auto serial = row.ColumnOptionalInt(first + 1);
  auto year = row.ColumnOptionalInt(first + 2);
  if (!index && !serial && !year) return std::optional<core::NoteNumber>();
  if (!index || !serial || !year) return core::Error::Internal("half a number in outgoing_notes");
  return std::optional<core::NoteNumber>(
      core::NoteNumber{std::move(*index), static_cast<int>(*serial), static_cast<int>(*year)});
}

Result<core::OutgoingNote> ReadRow(const Statement& row) {
  core::OutgoingNote n;
  n.id = row.ColumnInt(0);
  auto purpose = DecodeNotePurpose(row.ColumnText(1));
  if (!purpose) return purpose.error();
  n.purpose = *purpose;
  n.index = row.ColumnText(2);
  auto number = DecodeNumber(row, 3);
  if (!number) return number.error();
  n.number = std::move(*number);
  auto date = DecodeOptionalDate(row.ColumnOptionalText(6), "outgoing_notes.date");
  if (!date) return date.error();
  n.date = *date;
  n.imported = row.ColumnInt(7) != 0;
  auto scope = DecodeAddresseeScope(row.ColumnText(8));
  if (!scope) return scope.error();
  n.scope = *scope;
  n.subject = row.ColumnText(9);
  auto about = DecodeOptionalLink(row.ColumnOptionalText(10), row.ColumnOptionalInt(11), "outgoing_notes.about_kind");
  if (!about) return about.error();
  n.about = *about;
  auto status = DecodeNoteStatus(row.ColumnText(12));
  if (!status) return status.error();
  n.status = *status;
  n.created_at = FromMillis(row.ColumnInt(13));
  n.created_by = row.ColumnInt(14);
  n.registered_at = FromOptionalMillis(row.ColumnOptionalInt(15));
  n.dispatched_at = FromOptionalMillis(row.ColumnOptionalInt(16));
  return n;
}

// Binds the columns after id, from ?first on, in the order of the INSERT above.
void BindFields(Statement& s, int first, const core::OutgoingNote& n) {
  std::optional<std::string> number_index, about_kind;
  std::optional<std::int64_t> serial, year, about_id;
  if (n.number) {
    number_index = n.number->index;
    serial = n.number->serial;
    year = n.number->year;
  }
  if (n.about) {
    about_kind = std::string(core::ToString(n.about->kind));
    about_id = n.about->id;
  }
  s.BindText(first, core::ToString(n.purpose))
      .BindText(first + 1, n.index)
      .BindOptionalText(first + 2, number_index)
      .BindOptionalInt(first + 3, serial)
      .BindOptionalInt(first + 4, year)
      .BindOptionalText(first + 5, ToText(n.date))
      .BindInt(first + 6, n.imported ? 1 : 0)
      .BindText(first + 7, core::ToString(n.scope))
      .BindText(first + 8, n.subject)
      .BindOptionalText(first + 9, about_kind)
      .BindOptionalInt(first + 10, about_id)
      .BindText(first + 11, core::ToString(n.status))
      .BindInt(first + 12, ToMillis(n.created_at))
      .BindInt(first + 13, n.created_by)
      .BindOptionalInt(first + 14, ToOptionalMillis(n.registered_at))
      .BindOptionalInt(first + 15, ToOptionalMillis(n.dispatched_at));
}

template <class Each>
Result<void> ForEachChild(Connection& c, const char* sql, std::int64_t note_id, Each each) {
  auto select = c.Prepare(sql);
  if (!select) return select.error();
  select->BindInt(1, note_id);
  return select->ForEachRow([&]() { return each(*select); });
}

// Appends a list of strings read from the first column of `sql`.
Result<void> LoadStrings(Connection& c, const char* sql, std::int64_t note_id, std::vector<std::string>& out) {
  return ForEachChild(c, sql, note_id, [&](const Statement& row) -> Result<void> {
    out.push_back(row.ColumnText(0));
    return core::Ok();
  });
}

Result<void> LoadTexts(Connection& c, core::OutgoingNote& n) {
  std::vector<std::string> langs;
  if (auto r = LoadStrings(c, kSelectTexts, n.id, langs); !r) return r;
  for (auto& lang : langs) n.texts.push_back({std::move(lang), {}});
  return ForEachChild(c, kSelectBlocks, n.id, [&](const Statement& row) -> Result<void> {
    const std::string lang = row.ColumnText(0);
    for (auto& text : n.texts) {
      if (text.lang == lang) {
        auto role = DecodeNoteBlockRole(row.ColumnText(1));
        if (!role) return role.error();
        text.blocks.push_back({*role, row.ColumnText(2)});
        return core::Ok();
      }
    }
    // The foreign key to outgoing_note_texts rules this out.
    return core::Error::Internal("a block of note " + std::to_string(n.id) + " in '" + lang + "' has no text");
  });
}

Result<void> LoadChildren(Connection& c, core::OutgoingNote& n) {
  if (auto r = LoadStrings(c, kSelectAddressees, n.id, n.addressees); !r) return r;
  if (auto r = LoadStrings(c, kSelectLanguages, n.id, n.languages); !r) return r;
  auto enclosures = ForEachChild(c, kSelectEnclosures, n.id, [&](const Statement& row) -> Result<void> {
    core::Enclosure e;
    e.description = row.ColumnText(0);
    e.document_id = row.ColumnOptionalInt(1);
    if (auto version = row.ColumnOptionalInt(2)) e.version = static_cast<int>(*version);
    e.pages = static_cast<int>(row.ColumnInt(3));
    e.file_id = row.ColumnOptionalInt(4);
    n.enclosures.push_back(std::move(e));
    return core::Ok();
  });
  if (!enclosures) return enclosures;
  auto pages = ForEachChild(c, kSelectEnclosurePages, n.id, [&](const Statement& row) -> Result<void> {
    const auto position = row.ColumnInt(0);
    // The foreign key to outgoing_note_enclosures rules out a position beyond them.
    if (position < 0 || position >= static_cast<std::int64_t>(n.enclosures.size())) {
      return core::Error::Internal("enclosure pages of note " + std::to_string(n.id) + " without their enclosure");
    }
    n.enclosures[static_cast<std::size_t>(position)].pages_by_lang.push_back(
        {row.ColumnText(1), static_cast<int>(row.ColumnInt(2))});
    return core::Ok();
  });
  if (!pages) return pages;
  return LoadTexts(c, n);
}

template <class Bind>
Result<std::vector<core::OutgoingNote>> Select(TxContext& tx, const char* sql, Bind bind) {
  auto c = tx.ForRead();
  if (!c) return c.error();
  std::vector<core::OutgoingNote> out;
  {
    auto select = (*c)->Prepare(sql);
    if (!select) return select.error();
    bind(*select);
    auto read = select->ForEachRow([&]() -> Result<void> {
      auto note = ReadRow(*select);
      if (!note) return note.error();
      out.push_back(std::move(*note));
      return core::Ok();
    });
    if (!read) return read.error();
  }
  for (auto& n : out) {
    if (auto loaded = LoadChildren(**c, n); !loaded) return loaded.error();
  }
  return out;
}

Result<std::optional<core::OutgoingNote>> SelectOne(TxContext& tx, const char* sql,
                                                    const std::function<void(Statement&)>& bind) {
  auto found = Select(tx, sql, bind);
  if (!found) return found.error();
  if (found->empty()) return std::optional<core::OutgoingNote>();
  return std::optional<core::OutgoingNote>(std::move(found->front()));
}

// Prepares `sql`, binds it and runs it to the end (an INSERT or UPDATE).
Result<void> RunWith(Connection& c, const char* sql, const std::function<void(Statement&)>& bind) {
  auto insert = c.Prepare(sql);
  if (!insert) return insert.error();
  bind(*insert);
  return insert->Run();
}

// Writes the children of note `id` (the caller has removed old ones) at positions 0, 1, …;
// two texts in one language → kAlreadyExists (UNIQUE (note_id, lang)).
Result<void> StoreChildren(Connection& c, std::int64_t id, const core::OutgoingNote& n) {
  for (std::size_t i = 0; i < n.addressees.size(); ++i) {
    auto r = RunWith(c, kInsertAddressee, [&](Statement& s) {
      s.BindInt(1, id).BindInt(2, static_cast<std::int64_t>(i)).BindText(3, n.addressees[i]);
    });
    if (!r) return r;
  }
  for (std::size_t i = 0; i < n.languages.size(); ++i) {
    auto r = RunWith(c, kInsertLanguage, [&](Statement& s) {
      s.BindInt(1, id).BindInt(2, static_cast<std::int64_t>(i)).BindText(3, n.languages[i]);
    });
    if (!r) return r;
  }
  for (std::size_t i = 0; i < n.enclosures.size(); ++i) {
    const core::Enclosure& e = n.enclosures[i];
    auto r = RunWith(c, kInsertEnclosure, [&](Statement& s) {
      s.BindInt(1, id)
          .BindInt(2, static_cast<std::int64_t>(i))
          .BindText(3, e.description)
          .BindOptionalInt(4, e.document_id)
          .BindOptionalInt(5, Widened(e.version))
          .BindInt(6, e.pages)
          .BindOptionalInt(7, e.file_id);
    });
    if (!r) return r;
    for (std::size_t k = 0; k < e.pages_by_lang.size(); ++k) {
      auto p = RunWith(c, kInsertEnclosurePages, [&](Statement& s) {
        s.BindInt(1, id)
            .BindInt(2, static_cast<std::int64_t>(i))
            .BindInt(3, static_cast<std::int64_t>(k))
            .BindText(4, e.pages_by_lang[k].lang)
            .BindInt(5, e.pages_by_lang[k].pages);
      });
      if (!p) return p;
    }
  }
  for (std::size_t i = 0; i < n.texts.size(); ++i) {
    const core::NoteText& text = n.texts[i];
    auto r = RunWith(c, kInsertText, [&](Statement& s) {
      s.BindInt(1, id).BindInt(2, static_cast<std::int64_t>(i)).BindText(3, text.lang);
    });
    if (!r) {
      if (r.error().code != core::ErrorCode::kAlreadyExists) return r;
      return core::Error::AlreadyExists("note " + std::to_string(id) + " has two texts in '" + text.lang + "'");
    }
    for (std::size_t j = 0; j < text.blocks.size(); ++j) {
      auto b = RunWith(c, kInsertBlock, [&](Statement& s) {
        s.BindInt(1, id)
            .BindText(2, text.lang)
            .BindInt(3, static_cast<std::int64_t>(j))
            .BindText(4, core::ToString(text.blocks[j].role))
            .BindText(5, text.blocks[j].text);
      });
      if (!b) return b;
    }
  }
  return core::Ok();
}

// A taken number gets a message with the number, not SQLite's constraint text.
Result<void> NamingTheNumber(Result<void> r, const core::OutgoingNote& n) {
  if (r || r.error().code != core::ErrorCode::kAlreadyExists || !n.number) return r;
  return core::Error::AlreadyExists("note number " + core::Format(*n.number) + " of " +
                                    std::to_string(n.number->year) + " is already taken");
}

}  // namespace

Result<std::optional<core::OutgoingNote>> NoteRepository::Find(std::int64_t id) {
  return SelectOne(tx_, kSelectById, [&](Statement& s) { s.BindInt(1, id); });
}

Result<std::optional<core::OutgoingNote>> NoteRepository::FindByNumber(int year, int serial) {
  return SelectOne(tx_, kSelectByNumber, [&](Statement& s) { s.BindInt(1, year).BindInt(2, serial); });
}

Result<std::vector<core::OutgoingNote>> NoteRepository::List(const core::NoteFilter& filter) {
  // The most selective filter set leads, so that its index is used.
  const char* sql = filter.year ? kListByYear : filter.about ? kListByAbout : filter.status ? kListByStatus : kListAll;
  return Select(tx_, sql, [&](Statement& s) {
    std::optional<std::string> status, about_kind;
    std::optional<std::int64_t> about_id;
    if (filter.status) status = std::string(core::ToString(*filter.status));
    if (filter.about) {
      about_kind = std::string(core::ToString(filter.about->kind));
      about_id = filter.about->id;
    }
    s.BindOptionalInt(1, Widened(filter.year))
        .BindOptionalText(2, status)
        .BindOptionalText(3, about_kind)
        .BindOptionalInt(4, about_id);
  });
}

Result<std::int64_t> NoteRepository::Insert(const core::OutgoingNote& note) {
  std::int64_t id = 0;
  auto done = tx_.Atomically([&](Connection& c) -> Result<void> {
    auto insert = RunWith(c, kInsert, [&](Statement& s) { BindFields(s, 1, note); });
    if (auto r = NamingTheNumber(std::move(insert), note); !r) return r;
    id = c.LastInsertRowId();
    return StoreChildren(c, id, note);
  });
  if (!done) return done.error();
  return id;
}

Result<void> NoteRepository::Update(const core::OutgoingNote& note) {
  return tx_.Atomically([&](Connection& c) -> Result<void> {
    auto update = RunWith(c, kUpdate, [&](Statement& s) {
      s.BindInt(1, note.id);
      BindFields(s, 2, note);
    });
    if (auto r = NamingTheNumber(std::move(update), note); !r) return r;
    if (c.Changes() == 0) return core::Error::NotFound("no outgoing note with id " + std::to_string(note.id));
    for (const char* sql : kDeleteChildren) {
      auto remove = c.Prepare(sql);
      if (!remove) return remove.error();
      remove->BindInt(1, note.id);
      if (auto removed = remove->Run(); !removed) return removed;
    }
    return StoreChildren(c, note.id, note);
  });
}

Result<int> NoteRepository::NextSerial(int year) {
  auto c = tx_.ForRead();
  if (!c) return c.error();
  auto select = (*c)->Prepare(kNextSerial);
  if (!select) return select.error();
  select->BindInt(1, year);
  auto row = select->Step();
  if (!row) return row.error();
  if (!*row) return core::Error::Internal("max() returned no row");
  return static_cast<int>(select->ColumnInt(0));
}

}  // namespace chancery::storage::sqlite
