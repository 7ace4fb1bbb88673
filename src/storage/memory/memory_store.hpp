#pragma once
// core::Store kept in process memory, for unit tests of core and as the reference the SQLite
// adapter is checked against (storage/store_contract_test.cpp). Simple over fast: a write
// transaction copies the whole state and publishes its copy on commit.
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>

#include "core/ports/store.hpp"

namespace chancery::storage {

struct MemoryState;

// Thread-safe. Transactions must not outlive the store that began them.
class MemoryStore : public core::Store {
 public:
  // `write_timeout`: how long Begin(kWrite) waits for the running write transaction before it
  // gives up with kUnavailable (the SQLite adapter's busy timeout is 5 s too).
  explicit MemoryStore(std::chrono::milliseconds write_timeout = std::chrono::seconds(5));
  ~MemoryStore() override;
  MemoryStore(const MemoryStore&) = delete;
  MemoryStore& operator=(const MemoryStore&) = delete;

  core::Result<std::unique_ptr<core::Transaction>> Begin(core::TxMode mode) override;

 private:
  friend class MemoryTransaction;

  std::shared_ptr<const MemoryState> Snapshot() const;
  void Publish(std::shared_ptr<const MemoryState> state);
  void ReleaseWriter();

  const std::chrono::milliseconds write_timeout_;
  // One write transaction at a time, from Begin until it is destroyed: writes are serialised,
  // so a copy taken at Begin can never lose another writer's commit. A flag rather than a
  // mutex held by the transaction, because a transaction may end on another thread than the
  // one that began it, and a mutex must be unlocked by the thread that locked it.
  std::mutex writer_mutex_;
  std::condition_variable writer_released_;
  bool writer_active_ = false;  // guarded by writer_mutex_

  mutable std::mutex state_mutex_;  // guards the pointer committed_, not the state it points to
  std::shared_ptr<const MemoryState> committed_;  // never modified once published
};

}  // namespace chancery::storage
