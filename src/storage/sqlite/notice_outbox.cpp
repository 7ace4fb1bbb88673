// The outbox of notices to users (notices, migration 10).
#include "storage/sqlite/codec.hpp"
#include "storage/sqlite/repositories.hpp"

namespace chancery::storage::sqlite {
namespace {

using core::Result;

#define NOTICE_COLUMNS                                                                                        \
  "id, user_id, event_key, kind, address, lang, subject, body, created_at, stale_after, status, attempts, " \
  "last_error, next_attempt_at, sent_at"
// A second plan of the same event for the same user is no error: it is the point of the key.
constexpr char kInsert[] =
    "INSERT INTO notices (user_id, event_key, kind, address, lang, subject, body, created_at, stale_after, status, "
    "attempts, last_error, next_attempt_at, sent_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
    "?14) ON CONFLICT (user_id, event_key) DO NOTHING";
constexpr char kUpdate[] =
    "UPDATE notices SET user_id = ?1, event_key = ?2, kind = ?3, address = ?4, lang = ?5, subject = ?6, body = ?7, "
    "created_at = ?8, stale_after = ?9, status = ?10, attempts = ?11, last_error = ?12, next_attempt_at = ?13, "
    "sent_at = ?14 WHERE id = ?15";
constexpr char kHas[] = "SELECT count(*) FROM notices WHERE user_id = ?1 AND event_key = ?2";
constexpr char kSelectById[] = "SELECT " NOTICE_COLUMNS " FROM notices WHERE id = ?1";
constexpr char kSelectForUser[] = "SELECT " NOTICE_COLUMNS " FROM notices WHERE user_id = ?1 ORDER BY id";
// Served by the partial index notices_due.
constexpr char kSelectDue[] = "SELECT " NOTICE_COLUMNS
                              " FROM notices WHERE status = 'queued' AND next_attempt_at <= ?1 "
                              "ORDER BY next_attempt_at, id LIMIT ?2";
constexpr char kNextAttempt[] = "SELECT min(next_attempt_at) FROM notices WHERE status = 'queued'";
#undef NOTICE_COLUMNS

Result<core::Notice> ReadRow(const Statement& row) {
  core::Notice n;
  n.id = row.ColumnInt(0);
  n.user_id = row.ColumnInt(1);
  n.event_key = row.ColumnText(2);
  auto kind = core::ParseNoticeKind(row.ColumnText(3));
  if (!kind) return core::Error::Internal("notices.kind holds '" + row.ColumnText(3) + "'");
  n.kind = *kind;
  n.address = row.ColumnText(4);
  n.lang = row.ColumnText(5);
  n.subject = row.ColumnText(6);
  n.body = row.ColumnText(7);
  n.created_at = FromMillis(row.ColumnInt(8));
  n.stale_after = FromOptionalMillis(row.ColumnOptionalInt(9));
  auto status = core::ParseDeliveryStatus(row.ColumnText(10));
  if (!status) return core::Error::Internal("notices.status holds '" + row.ColumnText(10) + "'");
  n.status = *status;
  n.attempts = static_cast<int>(row.ColumnInt(11));
  n.last_error = row.ColumnText(12);
  n.next_attempt_at = FromOptionalMillis(row.ColumnOptionalInt(13));
  n.sent_at = FromOptionalMillis(row.ColumnOptionalInt(14));
  return n;
}

void BindFields(Statement& s, const core::Notice& n) {
  s.BindInt(1, n.user_id)
      .BindText(2, n.event_key)
      .BindText(3, core::ToString(n.kind))
      .BindText(4, n.address)
      .BindText(5, n.lang)
      .BindText(6, n.subject)
      .BindText(7, n.body)
      .BindInt(8, ToMillis(n.created_at))
      .BindOptionalInt(9, ToOptionalMillis(n.stale_after))
      .BindText(10, core::ToString(n.status))
      .BindInt(11, n.attempts)
      .BindText(12, n.last_error)
      .BindOptionalInt(13, ToOptionalMillis(n.next_attempt_at))
      .BindOptionalInt(14, ToOptionalMillis(n.sent_at));
}

template <class Bind>
Result<std::vector<core::Notice>> Select(TxContext& tx, const char* sql, Bind bind) {
  auto c = tx.ForRead();
  if (!c) return c.error();
  auto select = (*c)->Prepare(sql);
  if (!select) return select.error();
  bind(*select);
  std::vector<core::Notice> out;
  auto read = select->ForEachRow([&]() -> Result<void> {
    auto n = ReadRow(*select);
    if (!n) return n.error();
    out.push_back(std::move(*n));
    return core::Ok();
  });
  if (!read) return read.error();
  return out;
}

}  // namespace

Result<std::optional<std::int64_t>> NoticeOutbox::Enqueue(const core::Notice& notice) {
  auto c = tx_.ForWrite();
  if (!c) return c.error();
  auto insert = (*c)->Prepare(kInsert);
  if (!insert) return insert.error();
  BindFields(*insert, notice);
  if (auto r = insert->Run(); !r) {
    if (r.error().code == core::ErrorCode::kFailedPrecondition) {
      return core::Error::FailedPrecondition("no user with id " + std::to_string(notice.user_id));
    }
    return r.error();
  }
  if ((*c)->Changes() == 0) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>((*c)->LastInsertRowId());
}

Result<bool> NoticeOutbox::Has(std::int64_t user_id, std::string_view event_key) {
  auto c = tx_.ForRead();
  if (!c) return c.error();
  auto select = (*c)->Prepare(kHas);
  if (!select) return select.error();
  select->BindInt(1, user_id).BindText(2, event_key);
  auto row = select->Step();
  if (!row) return row.error();
  return select->ColumnInt(0) > 0;
}

Result<std::optional<core::Notice>> NoticeOutbox::Find(std::int64_t id) {
  auto found = Select(tx_, kSelectById, [&](Statement& s) { s.BindInt(1, id); });
  if (!found) return found.error();
  if (found->empty()) return std::optional<core::Notice>();
  return std::optional<core::Notice>(std::move(found->front()));
}

Result<std::vector<core::Notice>> NoticeOutbox::ListForUser(std::int64_t user_id) {
  return Select(tx_, kSelectForUser, [&](Statement& s) { s.BindInt(1, user_id); });
}

Result<std::vector<core::Notice>> NoticeOutbox::Due(core::Instant now, std::int64_t limit) {
  return Select(tx_, kSelectDue, [&](Statement& s) { s.BindInt(1, ToMillis(now)).BindInt(2, limit); });
}

Result<std::optional<core::Instant>> NoticeOutbox::NextAttempt() {
  auto c = tx_.ForRead();
  if (!c) return c.error();
  auto select = (*c)->Prepare(kNextAttempt);
  if (!select) return select.error();
  auto row = select->Step();
  if (!row) return row.error();
  return FromOptionalMillis(select->ColumnOptionalInt(0));
}

Result<void> NoticeOutbox::Update(const core::Notice& notice) {
  auto c = tx_.ForWrite();
  if (!c) return c.error();
  auto update = (*c)->Prepare(kUpdate);
  if (!update) return update.error();
  BindFields(*update, notice);
  update->BindInt(15, notice.id);
  if (auto r = update->Run(); !r) return r;
  if ((*c)->Changes() == 0) return core::Error::NotFound("no notice with id " + std::to_string(notice.id));
  return core::Ok();
}

}  // namespace chancery::storage::sqlite
