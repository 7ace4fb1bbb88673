#include "storage/sqlite/sqlite_store.hpp"

#include <sqlite3.h>

#include <filesystem>
#include <utility>

#include "storage/sqlite/backup.hpp"
#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/connection_pool.hpp"
#include "storage/sqlite/migrations.hpp"
#include "storage/sqlite/sqlite_transaction.hpp"

namespace chancery::storage {
namespace {

using sqlite::Connection;

// Applied to every connection. busy_timeout first, so that the others wait for a lock instead
// of failing at once. synchronous=FULL: in WAL mode NORMAL could lose the last commits on
// power loss, and a write acknowledged to a client must be on disk.
constexpr char kBusyTimeout[] = "PRAGMA busy_timeout = 5000";
constexpr char kJournalModeWal[] = "PRAGMA journal_mode = WAL";
constexpr char kSynchronousFull[] = "PRAGMA synchronous = FULL";
constexpr char kForeignKeysOn[] = "PRAGMA foreign_keys = ON";

constexpr char kJournalMode[] = "PRAGMA journal_mode";
constexpr char kSynchronous[] = "PRAGMA synchronous";
constexpr char kForeignKeys[] = "PRAGMA foreign_keys";
constexpr char kBusyTimeoutQuery[] = "PRAGMA busy_timeout";
constexpr char kUserVersion[] = "PRAGMA user_version";

core::Error WithPath(const std::string& path, const core::Error& error) {
  if (error.message.starts_with("cannot ")) return error;  // already says which file
  return core::Error{error.code, "cannot use " + path + ": " + error.message, {}};
}

core::Result<std::unique_ptr<Connection>> OpenConfigured(const std::string& path, Connection::Create create) {
  auto opened = Connection::Open(path, create);
  if (!opened) return opened.error();
  Connection& c = **opened;
  if (auto r = c.Exec(kBusyTimeout); !r) return WithPath(path, r.error());
  // The first statement that reads the file: a file that is not a database fails here.
  auto mode = c.QueryText(kJournalModeWal);
  if (!mode) {
    if (mode.error().code == core::ErrorCode::kFailedPrecondition) {  // SQLITE_NOTADB
      return core::Error::FailedPrecondition("cannot use " + path + ": it is not a SQLite database");
    }
    return WithPath(path, mode.error());
  }
  if (*mode != "wal") {
    return core::Error::FailedPrecondition("cannot use " + path + ": journal mode is " + *mode + ", not wal");
  }
  if (auto r = c.Exec(kSynchronousFull); !r) return WithPath(path, r.error());
  if (auto r = c.Exec(kForeignKeysOn); !r) return WithPath(path, r.error());
  // The PRAGMA is silently ignored by a SQLite built without foreign keys: check it took.
  auto foreign_keys = c.QueryInt(kForeignKeys);
  if (!foreign_keys) return WithPath(path, foreign_keys.error());
  if (*foreign_keys != 1) {
    return core::Error::FailedPrecondition("cannot use " + path + ": foreign key enforcement is off");
  }
  return std::move(*opened);
}

}  // namespace

core::Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path, OpenMode mode) {
  // Connections are NOMUTEX (multi-thread mode): that needs a library built thread-safe.
  if (sqlite3_threadsafe() == 0) {
    return core::Error::FailedPrecondition("the SQLite library was built without thread support");
  }
  if (mode == OpenMode::kExisting) {
    std::error_code error;
    if (!std::filesystem::exists(path, error)) return core::Error::NotFound("no chancery database at " + path);
  }
  auto first = OpenConfigured(path, mode == OpenMode::kCreate ? Connection::Create::kYes : Connection::Create::kNo);
  if (!first) return first.error();
  if (auto r = sqlite::Migrate(**first); !r) return WithPath(path, r.error());

  auto pool = sqlite::ConnectionPool::Make([path] { return OpenConfigured(path, Connection::Create::kNo); });
  pool->Adopt(std::move(*first));
  return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(pool)));
}

SqliteStore::SqliteStore(std::shared_ptr<sqlite::ConnectionPool> pool) : pool_(std::move(pool)) {}

SqliteStore::~SqliteStore() = default;

core::Result<std::unique_ptr<core::Transaction>> SqliteStore::Begin(core::TxMode mode) {
  auto connection = pool_->Acquire();
  if (!connection) return connection.error();
  auto tx = sqlite::SqliteTransaction::Begin(std::move(*connection), mode);
  if (!tx) return tx.error();
  return std::unique_ptr<core::Transaction>(std::move(*tx));
}

core::Result<void> SqliteStore::Backup(const std::string& to_path) {
  auto connection = pool_->Acquire();
  if (!connection) return connection.error();
  return sqlite::BackupTo(**connection, to_path);
}

core::Result<std::int64_t> SqliteStore::SchemaVersion() {
  auto connection = pool_->Acquire();
  if (!connection) return connection.error();
  return (*connection)->QueryInt(kUserVersion);
}

std::int64_t SqliteStore::LatestSchemaVersion() { return sqlite::LatestSchemaVersion(); }

core::Result<SqliteStore::ConnectionSettings> SqliteStore::InspectConnection() {
  auto connection = pool_->Acquire();
  if (!connection) return connection.error();
  Connection& c = **connection;
  ConnectionSettings settings;
  auto journal_mode = c.QueryText(kJournalMode);
  if (!journal_mode) return journal_mode.error();
  settings.journal_mode = std::move(*journal_mode);
  for (auto [sql, out] : {std::pair{kSynchronous, &settings.synchronous}, std::pair{kForeignKeys, &settings.foreign_keys},
                          std::pair{kBusyTimeoutQuery, &settings.busy_timeout_ms}}) {
    auto value = c.QueryInt(sql);
    if (!value) return value.error();
    *out = *value;
  }
  return settings;
}

}  // namespace chancery::storage
