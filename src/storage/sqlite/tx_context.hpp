#pragma once
// What the repositories of one SqliteTransaction share: its connection, its mode, and whether
// it is still open.
#include <functional>

#include "core/ports/store.hpp"
#include "storage/sqlite/connection.hpp"

namespace chancery::storage::sqlite {

class TxContext {
 public:
  TxContext(Connection& connection, core::TxMode mode) : connection_(connection), mode_(mode) {}

  // The connection, if the transaction may still be used. Refused once it has been committed,
  // and once SQLite has rolled it back on its own (after an I/O error, say): otherwise later
  // statements would run outside any transaction and commit one by one.
  core::Result<Connection*> ForRead();
  // As ForRead, and refused in a read transaction.
  core::Result<Connection*> ForWrite();

  // Runs `body` (several statements of one repository call) all-or-nothing inside the
  // transaction, with a SAVEPOINT: a failed call leaves no half-written rows behind, and the
  // transaction stays usable, as after a failed single statement.
  core::Result<void> Atomically(const std::function<core::Result<void>(Connection&)>& body);

  void Finish() { finished_ = true; }
  bool finished() const { return finished_; }

 private:
  Connection& connection_;
  const core::TxMode mode_;
  bool finished_ = false;
};

}  // namespace chancery::storage::sqlite
