// The incoming register of NoteRepository (migration 8): one row per note, no children.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "storage/sqlite/codec.hpp"
#include "storage/sqlite/repositories.hpp"

namespace chancery::storage::sqlite {
namespace {

using core::Result;

#define INCOMING_COLUMNS                                                                             \
  "id, serial, year, received_at, sender, sender_number, sender_date, subject, deadline, assignee, " \
  "acts_on_kind, acts_on_id, objection, effect, effect_reason, reply, registered_by"

constexpr char kSelectById[] = "SELECT " INCOMING_COLUMNS " FROM incoming_notes WHERE id = ?1";
// Two texts rather than `?1 IS NULL OR year = ?1`, which SQLite cannot serve from UNIQUE (year, serial).
constexpr char kListOfYear[] = "SELECT " INCOMING_COLUMNS " FROM incoming_notes WHERE year = ?1 ORDER BY id";
constexpr char kListAll[] = "SELECT " INCOMING_COLUMNS " FROM incoming_notes ORDER BY id";
constexpr char kNextSerial[] = "SELECT coalesce(max(serial), 0) + 1 FROM incoming_notes WHERE year = ?1";
constexpr char kInsert[] =
    "INSERT INTO incoming_notes (serial, year, received_at, sender, sender_number, sender_date, subject, deadline, "
    "assignee, acts_on_kind, acts_on_id, objection, effect, effect_reason, reply, registered_by) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)";
constexpr char kUpdate[] =
    "UPDATE incoming_notes SET serial = ?2, year = ?3, received_at = ?4, sender = ?5, sender_number = ?6, "
    "sender_date = ?7, subject = ?8, deadline = ?9, assignee = ?10, acts_on_kind = ?11, acts_on_id = ?12, "
    "objection = ?13, effect = ?14, effect_reason = ?15, reply = ?16, registered_by = ?17 WHERE id = ?1";

#undef INCOMING_COLUMNS

Result<core::IncomingNote> ReadRow(const Statement& row) {
  core::IncomingNote n;
  n.id = row.ColumnInt(0);
  n.serial = static_cast<int>(row.ColumnInt(1));
  n.year = static_cast<int>(row.ColumnInt(2));
  n.received_at = FromMillis(row.ColumnInt(3));
  n.sender = row.ColumnText(4);
  n.sender_number = row.ColumnText(5);
  auto sender_date = DecodeOptionalDate(row.ColumnOptionalText(6), "incoming_notes.sender_date");
  if (!sender_date) return sender_date.error();
  n.sender_date = *sender_date;
  n.subject = row.ColumnText(7);
  auto deadline = DecodeOptionalDate(row.ColumnOptionalText(8), "incoming_notes.deadline");
  if (!deadline) return deadline.error();
  n.deadline = *deadline;
  n.assignee = row.ColumnOptionalInt(9);
  auto acts_on =
      DecodeOptionalLink(row.ColumnOptionalText(10), row.ColumnOptionalInt(11), "incoming_notes.acts_on_kind");
  if (!acts_on) return acts_on.error();
  n.acts_on = *acts_on;
  n.objection = row.ColumnInt(12) != 0;
  auto effect = DecodeIncomingEffect(row.ColumnText(13));
  if (!effect) return effect.error();
  n.effect = *effect;
  n.effect_reason = row.ColumnText(14);
  n.reply = row.ColumnOptionalInt(15);
  n.registered_by = row.ColumnInt(16);
  return n;
}

// Binds the columns after id, from ?first on, in the order of the INSERT above.
void BindFields(Statement& s, int first, const core::IncomingNote& n) {
  std::optional<std::string> acts_on_kind;
  std::optional<std::int64_t> acts_on_id;
  if (n.acts_on) {
    acts_on_kind = std::string(core::ToString(n.acts_on->kind));
    acts_on_id = n.acts_on->id;
  }
  s.BindInt(first, n.serial)
      .BindInt(first + 1, n.year)
      .BindInt(first + 2, ToMillis(n.received_at))
      .BindText(first + 3, n.sender)
      .BindText(first + 4, n.sender_number)
      .BindOptionalText(first + 5, ToText(n.sender_date))
      .BindText(first + 6, n.subject)
      .BindOptionalText(first + 7, ToText(n.deadline))
      .BindOptionalInt(first + 8, n.assignee)
      .BindOptionalText(first + 9, acts_on_kind)
      .BindOptionalInt(first + 10, acts_on_id)
      .BindInt(first + 11, n.objection ? 1 : 0)
      .BindText(first + 12, core::ToString(n.effect))
      .BindText(first + 13, n.effect_reason)
      .BindOptionalInt(first + 14, n.reply)
      .BindInt(first + 15, n.registered_by);
}

template <class Bind>
Result<std::vector<core::IncomingNote>> Select(TxContext& tx, const char* sql, Bind bind) {
  auto c = tx.ForRead();
  if (!c) return c.error();
  auto select = (*c)->Prepare(sql);
  if (!select) return select.error();
  bind(*select);
  std::vector<core::IncomingNote> out;
  auto read = select->ForEachRow([&]() -> Result<void> {
    auto note = ReadRow(*select);
    if (!note) return note.error();
    out.push_back(std::move(*note));
    return core::Ok();
  });
  if (!read) return read.error();
  return out;
}

// A taken serial gets a message with our number, not SQLite's constraint text.
Result<void> NamingTheNumber(Result<void> r, const core::IncomingNote& n) {
  if (r || r.error().code != core::ErrorCode::kAlreadyExists) return r;
  return core::Error::AlreadyExists("incoming note " + core::FormatIncomingNumber(n) + " is already registered");
}

}  // namespace

Result<std::optional<core::IncomingNote>> NoteRepository::FindIncoming(std::int64_t id) {
  auto found = Select(tx_, kSelectById, [&](Statement& s) { s.BindInt(1, id); });
  if (!found) return found.error();
  if (found->empty()) return std::optional<core::IncomingNote>();
  return std::optional<core::IncomingNote>(std::move(found->front()));
}

Result<std::vector<core::IncomingNote>> NoteRepository::ListIncoming(std::optional<int> year) {
  if (!year) return Select(tx_, kListAll, [](Statement&) {});
  return Select(tx_, kListOfYear, [&](Statement& s) { s.BindInt(1, *year); });
}

Result<std::int64_t> NoteRepository::InsertIncoming(const core::IncomingNote& note) {
  auto c = tx_.ForWrite();
  if (!c) return c.error();
  auto insert = (*c)->Prepare(kInsert);
  if (!insert) return insert.error();
  BindFields(*insert, 1, note);
  if (auto r = NamingTheNumber(insert->Run(), note); !r) return r.error();
  return (*c)->LastInsertRowId();
}

Result<void> NoteRepository::UpdateIncoming(const core::IncomingNote& note) {
  auto c = tx_.ForWrite();
  if (!c) return c.error();
  auto update = (*c)->Prepare(kUpdate);
  if (!update) return update.error();
  update->BindInt(1, note.id);
  BindFields(*update, 2, note);
  if (auto r = NamingTheNumber(update->Run(), note); !r) return r;
  if ((*c)->Changes() == 0) return core::Error::NotFound("no incoming note with id " + std::to_string(note.id));
  return core::Ok();
}

Result<int> NoteRepository::NextIncomingSerial(int year) {
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
