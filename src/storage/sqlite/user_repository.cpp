#include <utility>

#include "storage/sqlite/codec.hpp"
#include "storage/sqlite/repositories.hpp"

namespace chancery::storage::sqlite {
namespace {

using core::Result;

constexpr char kSelectById[] =
    "SELECT id, username, display_name, role, participant_id, password_hash, created_at, active, email, language, notices_off "
    "FROM users WHERE id = ?1";
constexpr char kSelectByUsername[] =
    "SELECT id, username, display_name, role, participant_id, password_hash, created_at, active, email, language, notices_off "
    "FROM users WHERE username = ?1";
constexpr char kSelectAll[] =
    "SELECT id, username, display_name, role, participant_id, password_hash, created_at, active, email, language, notices_off "
    "FROM users ORDER BY id";
constexpr char kInsert[] =
    "INSERT INTO users (username, display_name, role, participant_id, password_hash, created_at, active, email, "
    "language, notices_off) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
constexpr char kUpdate[] =
    "UPDATE users SET username = ?2, display_name = ?3, role = ?4, participant_id = ?5, password_hash = ?6, "
    "created_at = ?7, active = ?8, email = ?9, language = ?10, notices_off = ?11 WHERE id = ?1";

Result<core::User> ReadRow(const Statement& row) {
  core::User u;
  u.id = row.ColumnInt(0);
  u.username = row.ColumnText(1);
  u.display_name = row.ColumnText(2);
  auto role = DecodeRole(row.ColumnText(3));
  if (!role) return role.error();
  u.role = *role;
  u.participant_id = row.ColumnOptionalText(4);
  u.password_hash = row.ColumnText(5);
  u.created_at = FromMillis(row.ColumnInt(6));
  u.active = row.ColumnInt(7) != 0;
  u.email = row.ColumnOptionalText(8);
  u.language = row.ColumnText(9);
  auto off = core::ParseNoticesOff(row.ColumnText(10));
  if (!off) return core::Error::Internal("users.notices_off holds '" + row.ColumnText(10) + "'");
  u.notices = std::move(*off);
  return u;
}

// Binds the columns after id, from ?first on, in the order of the INSERT above.
void BindFields(Statement& s, int first, const core::User& u) {
  s.BindText(first, u.username)
      .BindText(first + 1, u.display_name)
      .BindText(first + 2, core::ToString(u.role))
      .BindOptionalText(first + 3, u.participant_id)
      .BindText(first + 4, u.password_hash)
      .BindInt(first + 5, ToMillis(u.created_at))
      .BindInt(first + 6, u.active ? 1 : 0)
      .BindOptionalText(first + 7, u.email)
      .BindText(first + 8, u.language)
      .BindText(first + 9, core::FormatNoticesOff(u.notices));
}

// Unique-key and foreign-key failures, in words about the user.
core::Error Explain(const core::Error& error, const core::User& u) {
  if (error.code == core::ErrorCode::kAlreadyExists) {
    return core::Error::AlreadyExists("username " + u.username + " is taken");
  }
  if (error.code == core::ErrorCode::kFailedPrecondition && u.participant_id) {
    return core::Error::FailedPrecondition("user " + u.username + " refers to participant " + *u.participant_id +
                                           ", which does not exist");
  }
  return error;
}

Result<std::optional<core::User>> FindOne(TxContext& tx, const char* sql, auto bind) {
  auto c = tx.ForRead();
  if (!c) return c.error();
  auto select = (*c)->Prepare(sql);
  if (!select) return select.error();
  bind(*select);
  auto row = select->Step();
  if (!row) return row.error();
  if (!*row) return std::optional<core::User>();
  auto user = ReadRow(*select);
  if (!user) return user.error();
  return std::optional<core::User>(std::move(*user));
}

}  // namespace

Result<std::optional<core::User>> UserRepository::Find(std::int64_t id) {
  return FindOne(tx_, kSelectById, [&](Statement& s) { s.BindInt(1, id); });
}

Result<std::optional<core::User>> UserRepository::FindByUsername(std::string_view username) {
  return FindOne(tx_, kSelectByUsername, [&](Statement& s) { s.BindText(1, username); });
}

Result<std::vector<core::User>> UserRepository::List() {
  auto c = tx_.ForRead();
  if (!c) return c.error();
  auto select = (*c)->Prepare(kSelectAll);
  if (!select) return select.error();
  std::vector<core::User> out;
  for (;;) {
    auto row = select->Step();
    if (!row) return row.error();
    if (!*row) break;
    auto user = ReadRow(*select);
    if (!user) return user.error();
    out.push_back(std::move(*user));
  }
  return out;
}

Result<std::int64_t> UserRepository::Insert(const core::User& user) {
  auto c = tx_.ForWrite();
  if (!c) return c.error();
  auto insert = (*c)->Prepare(kInsert);
  if (!insert) return insert.error();
  BindFields(*insert, 1, user);
  if (auto r = insert->Run(); !r) return Explain(r.error(), user);
  return (*c)->LastInsertRowId();
}

Result<void> UserRepository::Update(const core::User& user) {
  auto c = tx_.ForWrite();
  if (!c) return c.error();
  auto update = (*c)->Prepare(kUpdate);
  if (!update) return update.error();
  update->BindInt(1, user.id);
  BindFields(*update, 2, user);
  if (auto r = update->Run(); !r) return Explain(r.error(), user);
  if ((*c)->Changes() == 0) return core::Error::NotFound("no user with id " + std::to_string(user.id));
  return core::Ok();
}

}  // namespace chancery::storage::sqlite
