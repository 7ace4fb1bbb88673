#include "storage/sqlite/tx_context.hpp"

namespace chancery::storage::sqlite {
namespace {

constexpr char kSavepoint[] = "SAVEPOINT repository_call";
constexpr char kRelease[] = "RELEASE repository_call";
constexpr char kRollbackTo[] = "ROLLBACK TO repository_call";

}  // namespace

core::Result<Connection*> TxContext::ForRead() {
  if (finished_) return core::Error::FailedPrecondition("the transaction has already been committed");
  if (!connection_.InTransaction()) {
    return core::Error::Unavailable("the database rolled the transaction back after an earlier error");
  }
  return &connection_;
}

core::Result<Connection*> TxContext::ForWrite() {
  if (mode_ != core::TxMode::kWrite) return core::Error::FailedPrecondition("a read transaction cannot write");
  return ForRead();
}

core::Result<void> TxContext::Atomically(const std::function<core::Result<void>(Connection&)>& body) {
  auto connection = ForWrite();
  if (!connection) return connection.error();
  Connection& c = **connection;
  if (auto r = c.Exec(kSavepoint); !r) return r;
  auto result = body(c);
  if (!result) {
    // Best effort: if SQLite already rolled back the whole transaction these fail, and
    // ForRead reports that on the next call.
    if (c.InTransaction()) {
      (void)c.Exec(kRollbackTo);
      (void)c.Exec(kRelease);
    }
    return result;
  }
  return c.Exec(kRelease);
}

}  // namespace chancery::storage::sqlite
