#include "storage/sqlite/codec.hpp"
#include "storage/sqlite/repositories.hpp"

namespace chancery::storage::sqlite {
namespace {

using core::Result;

constexpr char kInsert[] =
    "INSERT INTO sessions (token_digest, user_id, kind, csrf_token, created_at, expires_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
constexpr char kSelect[] =
    "SELECT user_id, kind, csrf_token, created_at, expires_at FROM sessions WHERE token_digest = ?1";
constexpr char kDelete[] = "DELETE FROM sessions WHERE token_digest = ?1";
// Expired from expires_at on, as core's Authenticate treats a session.
constexpr char kDeleteExpired[] = "DELETE FROM sessions WHERE expires_at <= ?1";

}  // namespace

Result<void> SessionRepository::Insert(const core::Session& session) {
  auto c = tx_.ForWrite();
  if (!c) return c.error();
  auto insert = (*c)->Prepare(kInsert);
  if (!insert) return insert.error();
  insert->BindText(1, session.token_digest)
      .BindInt(2, session.user_id)
      .BindText(3, core::ToString(session.kind))
      .BindText(4, session.csrf_token)
      .BindInt(5, ToMillis(session.created_at))
      .BindInt(6, ToMillis(session.expires_at));
  auto r = insert->Run();
  if (r) return r;
  // The digest is a secret's hash: not repeated in messages.
  if (r.error().code == core::ErrorCode::kAlreadyExists) return core::Error::AlreadyExists("the session already exists");
  if (r.error().code == core::ErrorCode::kFailedPrecondition) {
    return core::Error::FailedPrecondition("a session refers to user " + std::to_string(session.user_id) +
                                           ", who does not exist");
  }
  return r;
}

Result<std::optional<core::Session>> SessionRepository::Find(std::string_view token_digest) {
  auto c = tx_.ForRead();
  if (!c) return c.error();
  auto select = (*c)->Prepare(kSelect);
  if (!select) return select.error();
  select->BindText(1, token_digest);
  auto row = select->Step();
  if (!row) return row.error();
  if (!*row) return std::optional<core::Session>();
  auto kind = DecodeSessionKind(select->ColumnText(1));
  if (!kind) return kind.error();
  core::Session s;
  s.token_digest = std::string(token_digest);
  s.user_id = select->ColumnInt(0);
  s.kind = *kind;
  s.csrf_token = select->ColumnText(2);
  s.created_at = FromMillis(select->ColumnInt(3));
  s.expires_at = FromMillis(select->ColumnInt(4));
  return std::optional<core::Session>(std::move(s));
}

Result<bool> SessionRepository::Delete(std::string_view token_digest) {
  auto c = tx_.ForWrite();
  if (!c) return c.error();
  auto remove = (*c)->Prepare(kDelete);
  if (!remove) return remove.error();
  remove->BindText(1, token_digest);
  if (auto r = remove->Run(); !r) return r.error();
  return (*c)->Changes() > 0;
}

Result<std::int64_t> SessionRepository::DeleteExpired(core::Instant now) {
  auto c = tx_.ForWrite();
  if (!c) return c.error();
  auto remove = (*c)->Prepare(kDeleteExpired);
  if (!remove) return remove.error();
  remove->BindInt(1, ToMillis(now));
  if (auto r = remove->Run(); !r) return r.error();
  return (*c)->Changes();
}

}  // namespace chancery::storage::sqlite
