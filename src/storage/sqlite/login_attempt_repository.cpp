#include "storage/sqlite/codec.hpp"
#include "storage/sqlite/repositories.hpp"

namespace chancery::storage::sqlite {
namespace {

using core::Result;

constexpr char kInsert[] = "INSERT INTO login_failures (key, at) VALUES (?1, ?2)";
constexpr char kCountSince[] = "SELECT count(*) FROM login_failures WHERE key = ?1 AND at >= ?2";
constexpr char kDeleteKey[] = "DELETE FROM login_failures WHERE key = ?1";
constexpr char kDeleteBefore[] = "DELETE FROM login_failures WHERE at < ?1";

}  // namespace

Result<void> LoginAttemptRepository::RecordFailure(std::string_view key, core::Instant at) {
  auto c = tx_.ForWrite();
  if (!c) return c.error();
  auto insert = (*c)->Prepare(kInsert);
  if (!insert) return insert.error();
  insert->BindText(1, key).BindInt(2, ToMillis(at));
  return insert->Run();
}

Result<std::int64_t> LoginAttemptRepository::CountFailuresSince(std::string_view key, core::Instant since) {
  auto c = tx_.ForRead();
  if (!c) return c.error();
  auto count = (*c)->Prepare(kCountSince);
  if (!count) return count.error();
  count->BindText(1, key).BindInt(2, ToMillis(since));
  auto row = count->Step();
  if (!row) return row.error();
  if (!*row) return core::Error::Internal("count(*) returned no row");
  return count->ColumnInt(0);
}

Result<void> LoginAttemptRepository::Clear(std::string_view key) {
  auto c = tx_.ForWrite();
  if (!c) return c.error();
  auto remove = (*c)->Prepare(kDeleteKey);
  if (!remove) return remove.error();
  remove->BindText(1, key);
  return remove->Run();
}

Result<std::int64_t> LoginAttemptRepository::DeleteBefore(core::Instant before) {
  auto c = tx_.ForWrite();
  if (!c) return c.error();
  auto remove = (*c)->Prepare(kDeleteBefore);
  if (!remove) return remove.error();
  remove->BindInt(1, ToMillis(before));
  if (auto r = remove->Run(); !r) return r.error();
  return (*c)->Changes();
}

}  // namespace chancery::storage::sqlite
