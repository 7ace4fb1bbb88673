#include <utility>

#include "storage/sqlite/codec.hpp"
#include "storage/sqlite/repositories.hpp"

namespace chancery::storage::sqlite {
namespace {

using core::Result;

// Moves the head only if it is where the record says it follows from: a record sealed
// against a stale head is refused rather than forking the chain.
constexpr char kMoveHead[] =
    "UPDATE audit_head SET seq = ?1, hash = ?2 WHERE id = 1 AND seq = ?3 AND hash = ?4";
constexpr char kInsert[] =
    "INSERT INTO audit_log "
    "(seq, at, actor, action, object_kind, object_id, before_digest, after_digest, prev_hash, hash) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
constexpr char kSelectLast[] =
    "SELECT seq, at, actor, action, object_kind, object_id, before_digest, after_digest, prev_hash, hash "
    "FROM audit_log ORDER BY seq DESC LIMIT 1";
constexpr char kSelectPage[] =
    "SELECT seq, at, actor, action, object_kind, object_id, before_digest, after_digest, prev_hash, hash "
    "FROM audit_log WHERE seq > ?1 ORDER BY seq LIMIT ?2";
constexpr char kSelectHead[] = "SELECT seq, hash FROM audit_head WHERE id = 1";

core::AuditRecord ReadRow(const Statement& row) {
  core::AuditRecord r;
  r.seq = row.ColumnInt(0);
  r.at = FromMillis(row.ColumnInt(1));
  r.actor = row.ColumnText(2);
  r.action = row.ColumnText(3);
  r.object_kind = row.ColumnText(4);
  r.object_id = row.ColumnText(5);
  r.before_digest = row.ColumnText(6);
  r.after_digest = row.ColumnText(7);
  r.prev_hash = row.ColumnText(8);
  r.hash = row.ColumnText(9);
  return r;
}

core::Error NotFollowing(const core::AuditRecord& record) {
  return core::Error::Conflict("audit record " + std::to_string(record.seq) +
                               " does not follow the head of the audit log");
}

}  // namespace

Result<void> AuditLog::Append(const core::AuditRecord& record) {
  if (record.seq < 1) return NotFollowing(record);
  return tx_.Atomically([&](Connection& c) -> Result<void> {
    auto move_head = c.Prepare(kMoveHead);
    if (!move_head) return move_head.error();
    move_head->BindInt(1, record.seq).BindText(2, record.hash).BindInt(3, record.seq - 1).BindText(4, record.prev_hash);
    if (auto r = move_head->Run(); !r) return r;
    if (c.Changes() != 1) return NotFollowing(record);

    auto insert = c.Prepare(kInsert);
    if (!insert) return insert.error();
    insert->BindInt(1, record.seq)
        .BindInt(2, ToMillis(record.at))
        .BindText(3, record.actor)
        .BindText(4, record.action)
        .BindText(5, record.object_kind)
        .BindText(6, record.object_id)
        .BindText(7, record.before_digest)
        .BindText(8, record.after_digest)
        .BindText(9, record.prev_hash)
        .BindText(10, record.hash);
    return insert->Run();
  });
}

Result<std::optional<core::AuditRecord>> AuditLog::Last() {
  auto c = tx_.ForRead();
  if (!c) return c.error();
  auto select = (*c)->Prepare(kSelectLast);
  if (!select) return select.error();
  auto row = select->Step();
  if (!row) return row.error();
  if (!*row) return std::optional<core::AuditRecord>();
  return std::optional<core::AuditRecord>(ReadRow(*select));
}

Result<core::AuditHead> AuditLog::Head() {
  auto c = tx_.ForRead();
  if (!c) return c.error();
  auto select = (*c)->Prepare(kSelectHead);
  if (!select) return select.error();
  auto row = select->Step();
  if (!row) return row.error();
  if (!*row) return core::Error::Internal("the audit_head row is missing");
  return core::AuditHead{select->ColumnInt(0), select->ColumnText(1)};
}

Result<std::vector<core::AuditRecord>> AuditLog::List(std::int64_t after_seq, std::int64_t limit) {
  auto c = tx_.ForRead();
  if (!c) return c.error();
  std::vector<core::AuditRecord> out;
  // SQLite reads a negative LIMIT as "no limit"; the port means "at most limit".
  if (limit <= 0) return out;
  auto select = (*c)->Prepare(kSelectPage);
  if (!select) return select.error();
  select->BindInt(1, after_seq).BindInt(2, limit);
  for (;;) {
    auto row = select->Step();
    if (!row) return row.error();
    if (!*row) break;
    out.push_back(ReadRow(*select));
  }
  return out;
}

}  // namespace chancery::storage::sqlite
