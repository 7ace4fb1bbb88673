#include "storage/sqlite/sqlite_transaction.hpp"

namespace chancery::storage::sqlite {
namespace {

constexpr char kBeginWrite[] = "BEGIN IMMEDIATE";
constexpr char kBeginRead[] = "BEGIN";
constexpr char kCommit[] = "COMMIT";
constexpr char kRollback[] = "ROLLBACK";
// Any read: a deferred transaction takes its snapshot at its first read, not at BEGIN.
constexpr char kStartSnapshot[] = "SELECT seq FROM audit_head WHERE id = 1";

// BEGIN, COMMIT and ROLLBACK run as cached prepared statements: every request begins and ends
// transactions, and sqlite3_exec would parse the text again each time.
core::Result<void> RunCached(Connection& connection, std::string_view sql) {
  auto statement = connection.Prepare(sql);
  if (!statement) return statement.error();
  return statement->Run();
}

}  // namespace

core::Result<std::unique_ptr<SqliteTransaction>> SqliteTransaction::Begin(PooledConnection connection,
                                                                          core::TxMode mode) {
  // BEGIN IMMEDIATE takes the write lock now, waiting up to busy_timeout: a writer never
  // finds out only at its first write (or at COMMIT) that another writer got there first.
  if (auto r = RunCached(*connection, mode == core::TxMode::kWrite ? kBeginWrite : kBeginRead); !r) {
    if (r.error().code == core::ErrorCode::kUnavailable) {
      return core::Error::Unavailable("the database is busy: another write did not finish in time (" +
                                      r.error().message + ")");
    }
    return r.error();
  }
  // Pin a read transaction's snapshot at Begin, as the port's other adapters do: what it sees
  // must not depend on when its first query happens to run.
  if (mode == core::TxMode::kRead) {
    auto read = connection->Prepare(kStartSnapshot);
    if (!read) return read.error();
    if (auto row = read->Step(); !row) return row.error();
  }
  return std::unique_ptr<SqliteTransaction>(new SqliteTransaction(std::move(connection), mode));
}

SqliteTransaction::~SqliteTransaction() {
  if (context_.finished() || !connection_->InTransaction()) return;
  // A connection whose ROLLBACK failed is in an unknown state: close it rather than reuse it.
  if (!RunCached(*connection_, kRollback)) connection_.Discard();
}

core::Result<void> SqliteTransaction::Commit() {
  if (context_.finished()) return core::Error::FailedPrecondition("the transaction has already been committed");
  context_.Finish();
  if (!connection_->InTransaction()) {
    return core::Error::Unavailable("the database rolled the transaction back after an earlier error");
  }
  auto committed = RunCached(*connection_, kCommit);
  if (committed) return committed;
  // A failed COMMIT may leave the transaction open (SQLITE_BUSY); the port promises that a
  // failed Commit rolls back.
  if (connection_->InTransaction() && !RunCached(*connection_, kRollback)) connection_.Discard();
  return committed;
}

}  // namespace chancery::storage::sqlite
