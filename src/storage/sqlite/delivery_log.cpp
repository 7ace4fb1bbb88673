// The delivery log of notes (note_deliveries, migration 9).
#include "storage/sqlite/codec.hpp"
#include "storage/sqlite/repositories.hpp"

namespace chancery::storage::sqlite {
namespace {

using core::Result;

#define DELIVERY_COLUMNS \
  "id, note_id, participant_id, address, status, attempts, last_error, next_attempt_at, sent_at"
constexpr char kInsert[] =
    "INSERT INTO note_deliveries (note_id, participant_id, address, status, attempts, last_error, next_attempt_at, "
    "sent_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
constexpr char kUpdate[] =
    "UPDATE note_deliveries SET note_id = ?1, participant_id = ?2, address = ?3, status = ?4, attempts = ?5, "
    "last_error = ?6, next_attempt_at = ?7, sent_at = ?8 WHERE id = ?9";
constexpr char kSelectById[] = "SELECT " DELIVERY_COLUMNS " FROM note_deliveries WHERE id = ?1";
constexpr char kSelectForNote[] = "SELECT " DELIVERY_COLUMNS " FROM note_deliveries WHERE note_id = ?1 ORDER BY id";
// Served by the partial index note_deliveries_due.
constexpr char kSelectDue[] = "SELECT " DELIVERY_COLUMNS
                              " FROM note_deliveries WHERE status = 'queued' AND next_attempt_at <= ?1 "
                              "ORDER BY next_attempt_at, id LIMIT ?2";
constexpr char kNextAttempt[] = "SELECT min(next_attempt_at) FROM note_deliveries WHERE status = 'queued'";
#undef DELIVERY_COLUMNS

Result<core::Delivery> ReadRow(const Statement& row) {
  core::Delivery d;
  d.id = row.ColumnInt(0);
  d.note_id = row.ColumnInt(1);
  d.participant_id = row.ColumnText(2);
  d.address = row.ColumnText(3);
  auto status = core::ParseDeliveryStatus(row.ColumnText(4));
  if (!status) return core::Error::Internal("note_deliveries.status holds '" + row.ColumnText(4) + "'");
  d.status = *status;
  d.attempts = static_cast<int>(row.ColumnInt(5));
  d.last_error = row.ColumnText(6);
  d.next_attempt_at = FromOptionalMillis(row.ColumnOptionalInt(7));
  d.sent_at = FromOptionalMillis(row.ColumnOptionalInt(8));
  return d;
}

void BindFields(Statement& s, const core::Delivery& d) {
  s.BindInt(1, d.note_id)
      .BindText(2, d.participant_id)
      .BindText(3, d.address)
      .BindText(4, core::ToString(d.status))
      .BindInt(5, d.attempts)
      .BindText(6, d.last_error)
      .BindOptionalInt(7, ToOptionalMillis(d.next_attempt_at))
      .BindOptionalInt(8, ToOptionalMillis(d.sent_at));
}

template <class Bind>
Result<std::vector<core::Delivery>> Select(TxContext& tx, const char* sql, Bind bind) {
  auto c = tx.ForRead();
  if (!c) return c.error();
  auto select = (*c)->Prepare(sql);
  if (!select) return select.error();
  bind(*select);
  std::vector<core::Delivery> out;
  auto read = select->ForEachRow([&]() -> Result<void> {
    auto d = ReadRow(*select);
    if (!d) return d.error();
    out.push_back(std::move(*d));
    return core::Ok();
  });
  if (!read) return read.error();
  return out;
}

}  // namespace

Result<std::int64_t> DeliveryLog::Insert(const core::Delivery& delivery) {
  auto c = tx_.ForWrite();
  if (!c) return c.error();
  auto insert = (*c)->Prepare(kInsert);
  if (!insert) return insert.error();
  BindFields(*insert, delivery);
  if (auto r = insert->Run(); !r) return r.error();
  return (*c)->LastInsertRowId();
}

Result<std::optional<core::Delivery>> DeliveryLog::Find(std::int64_t id) {
  auto found = Select(tx_, kSelectById, [&](Statement& s) { s.BindInt(1, id); });
  if (!found) return found.error();
  if (found->empty()) return std::optional<core::Delivery>();
  return std::optional<core::Delivery>(std::move(found->front()));
}

Result<std::vector<core::Delivery>> DeliveryLog::ListForNote(std::int64_t note_id) {
  return Select(tx_, kSelectForNote, [&](Statement& s) { s.BindInt(1, note_id); });
}

Result<std::vector<core::Delivery>> DeliveryLog::Due(core::Instant now, std::int64_t limit) {
  return Select(tx_, kSelectDue, [&](Statement& s) { s.BindInt(1, ToMillis(now)).BindInt(2, limit); });
}

Result<std::optional<core::Instant>> DeliveryLog::NextAttempt() {
  auto c = tx_.ForRead();
  if (!c) return c.error();
  auto select = (*c)->Prepare(kNextAttempt);
  if (!select) return select.error();
  auto row = select->Step();
  if (!row) return row.error();
  return FromOptionalMillis(select->ColumnOptionalInt(0));
}

Result<void> DeliveryLog::Update(const core::Delivery& delivery) {
  auto c = tx_.ForWrite();
  if (!c) return c.error();
  auto update = (*c)->Prepare(kUpdate);
  if (!update) return update.error();
  BindFields(*update, delivery);
  update->BindInt(9, delivery.id);
  if (auto r = update->Run(); !r) return r;
  if ((*c)->Changes() == 0) return core::Error::NotFound("no delivery with id " + std::to_string(delivery.id));
  return core::Ok();
}

}  // namespace chancery::storage::sqlite
