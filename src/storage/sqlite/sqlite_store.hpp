#pragma once
// core::Store on an SQLite database file: the embedded default. Thread-safe; transactions run
// on pooled connections, writers serialised by SQLite (BEGIN IMMEDIATE), readers beside them
// (WAL). Every commit is on disk when Commit returns (synchronous=FULL).
#include <cstdint>
#include <memory>
#include <string>

#include "core/ports/store.hpp"

namespace chancery::storage {

namespace sqlite {
class ConnectionPool;
}

class SqliteStore : public core::Store {
 public:
  enum class OpenMode {
    kCreate,    // create the file if missing; in any case bring the schema up to date
    kExisting,  // the file must exist (kNotFound otherwise); the schema is brought up to date
  };

  // Opens the database at `path` and applies pending migrations. A file that is not a SQLite
  // database, belongs to another program, or has a newer schema than this binary knows:
  // kFailedPrecondition.
  static core::Result<std::unique_ptr<SqliteStore>> Open(const std::string& path, OpenMode mode);

  ~SqliteStore() override;
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  core::Result<std::unique_ptr<core::Transaction>> Begin(core::TxMode mode) override;

  // Online backup to a new file while the store stays in use; kAlreadyExists if `to_path`
  // exists. The copy opens with Open(to_path, OpenMode::kExisting).
  core::Result<void> Backup(const std::string& to_path);

  // PRAGMA user_version of the file: the number of migrations applied.
  core::Result<std::int64_t> SchemaVersion();
  // The version this binary creates.
  static std::int64_t LatestSchemaVersion();

  // The settings a pooled connection runs with, for diagnostics ("chancery doctor") and tests.
  struct ConnectionSettings {
    std::string journal_mode;  // "wal"
    std::int64_t synchronous = 0;  // 2 = FULL
    std::int64_t foreign_keys = 0;  // 1 = on
    std::int64_t busy_timeout_ms = 0;
  };
  core::Result<ConnectionSettings> InspectConnection();

 private:
  explicit SqliteStore(std::shared_ptr<sqlite::ConnectionPool> pool);

  std::shared_ptr<sqlite::ConnectionPool> pool_;
};

}  // namespace chancery::storage
