#include "storage/sqlite/connection.hpp"

#include <sqlite3.h>

#include "storage/sqlite/errors.hpp"
#include "storage/sqlite/fts_rank.hpp"
#include "storage/sqlite/fts_tokenizer.hpp"

namespace chancery::storage::sqlite {
namespace {

// The start of a SQL text, on one line, to say in an error message what failed.
std::string Summary(const std::string& sql) {
  std::string out = sql.substr(0, sql.find('\n'));
  if (out.size() > 48) out = out.substr(0, 48) + "...";
  return out;
}

}  // namespace

core::Result<std::unique_ptr<Connection>> Connection::Open(const std::string& path, Create create) {
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (create == Create::kYes) flags |= SQLITE_OPEN_CREATE;
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return core::Error::FailedPrecondition("cannot open " + path + ": " + message);
  }
  // Extended codes tell a unique-key violation from a foreign-key one, etc.
  sqlite3_extended_result_codes(db, 1);
  // The search index's FTS5 tables name this tokenizer and its queries this rank function:
  // every connection needs them registered before it touches them (they are per connection,
  // not stored in the file).
  for (auto* install : {RegisterSnowballTokenizer, RegisterTextRank}) {
    if (auto r = install(db); !r) {
      sqlite3_close_v2(db);
      return r.error();
    }
  }
  return std::unique_ptr<Connection>(new Connection(db, path));
}

Connection::~Connection() {
  for (auto& [sql, cached] : cache_) sqlite3_finalize(cached.stmt);
  // An open transaction (only if a ROLLBACK failed) is rolled back by closing.
  sqlite3_close_v2(db_);
}

core::Result<void> Connection::Exec(const std::string& sql) {
  char* message = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return core::Ok();
  std::string text = message != nullptr ? message : sqlite3_errstr(rc);
  sqlite3_free(message);
  return ToError(rc, text, Summary(sql));
}

core::Result<sqlite3_stmt*> Connection::PrepareRaw(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                              nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return ToError(rc, sqlite3_errmsg(db_), "prepare");
  }
  return stmt;
}

core::Result<Statement> Connection::Prepare(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    auto stmt = PrepareRaw(sql);
    if (!stmt) return stmt.error();
    it = cache_.emplace(std::string(sql), Cached{*stmt, false}).first;
  }
  if (it->second.in_use) return PrepareOnce(sql);
  it->second.in_use = true;
  return Statement(it->second.stmt, &it->second.in_use);
}

core::Result<Statement> Connection::PrepareOnce(std::string_view sql) {
  auto stmt = PrepareRaw(sql);
  if (!stmt) return stmt.error();
  return Statement(*stmt, nullptr);
}

core::Result<std::int64_t> Connection::QueryInt(std::string_view sql) {
  auto stmt = PrepareOnce(sql);
  if (!stmt) return stmt.error();
  auto row = stmt->Step();
  if (!row) return row.error();
  if (!*row) return core::Error::Internal(std::string(sql) + " returned no row");
  return stmt->ColumnInt(0);
}

core::Result<std::string> Connection::QueryText(std::string_view sql) {
  auto stmt = PrepareOnce(sql);
  if (!stmt) return stmt.error();
  auto row = stmt->Step();
  if (!row) return row.error();
  if (!*row) return core::Error::Internal(std::string(sql) + " returned no row");
  return stmt->ColumnText(0);
}

std::int64_t Connection::Changes() const { return sqlite3_changes64(db_); }

std::int64_t Connection::LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }

bool Connection::InTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

}  // namespace chancery::storage::sqlite
