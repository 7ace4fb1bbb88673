#pragma once
// One read transaction per request: a Store that hands every Begin(kRead) of one request the
// same underlying read transaction, so that authentication and the use case read one
// consistent snapshot and the store is entered once (each SQLite read transaction costs two
// file-lock system calls). Writes still get transactions of their own.
//
// After a write transaction is begun, the next read starts a fresh snapshot, so a request
// reads its own writes. Not thread-safe: one request, one thread. Must not outlive the store
// it wraps.
#include <memory>

#include "core/ports/store.hpp"

namespace chancery::core {

class RequestStore : public Store {
 public:
  explicit RequestStore(Store& inner) : inner_(inner) {}
  Result<std::unique_ptr<Transaction>> Begin(TxMode mode) override;

 private:
  Store& inner_;
  // Begun at the first Begin(kRead); shared with the views handed out, so that dropping it
  // after a write never pulls a transaction from under a caller still reading.
  std::shared_ptr<Transaction> read_;
};

}  // namespace chancery::core
