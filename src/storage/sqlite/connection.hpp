#pragma once
// One SQLite connection (RAII over sqlite3*) and its cache of prepared statements.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "core/result.hpp"
#include "storage/sqlite/statement.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace chancery::storage::sqlite {

// Opened in SQLite's multi-thread mode (SQLITE_OPEN_NOMUTEX): usable from any thread, but by
// one thread at a time, which the ConnectionPool guarantees by handing it to one owner.
class Connection {
 public:
  enum class Create { kNo, kYes };

  // Opens (and with Create::kYes creates) the database file; no PRAGMAs are applied here.
  static core::Result<std::unique_ptr<Connection>> Open(const std::string& path, Create create);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs parameterless SQL, possibly several statements (BEGIN, PRAGMAs, migrations).
  core::Result<void> Exec(const std::string& sql);

  // A statement from this connection's cache, prepared on first use of `sql`. The SQL texts
  // are the repositories' constants, so the cache stays as small as their number. If the
  // cached statement is already in use (a nested query), an owned one is prepared instead.
  core::Result<Statement> Prepare(std::string_view sql);
  // A statement prepared for one use and not cached (PRAGMAs run once per connection).
  core::Result<Statement> PrepareOnce(std::string_view sql);

  // The first column of the first row of a query ("PRAGMA user_version").
  core::Result<std::int64_t> QueryInt(std::string_view sql);
  core::Result<std::string> QueryText(std::string_view sql);

  std::int64_t Changes() const;          // rows changed by the last INSERT/UPDATE/DELETE
  std::int64_t LastInsertRowId() const;
  bool InTransaction() const;            // false once a transaction ends, also by SQLite itself

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  Connection(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  core::Result<sqlite3_stmt*> PrepareRaw(std::string_view sql);

  struct Cached {
    sqlite3_stmt* stmt = nullptr;
    bool in_use = false;
  };

  sqlite3* db_;
  std::string path_;
  // Node-based: the address of an entry's in_use flag stays valid while Statements hold it.
  std::map<std::string, Cached, std::less<>> cache_;
};

}  // namespace chancery::storage::sqlite
