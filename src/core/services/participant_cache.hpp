#pragma once
// The participants registry as an immutable snapshot, shared by every request of a process and
// reloaded only when the store's registry version moves. Correct with several servers on one
// database: each use reads the version inside the caller's transaction, so a snapshot is never
// served after another server changed the registry.
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "core/model/participant.hpp"
#include "core/ports/store.hpp"

namespace chancery::core {

class ParticipantCache {
 public:
  using Snapshot = std::shared_ptr<const std::vector<Participant>>;  // sorted by id

  // The registry as `tx` sees it.
  Result<Snapshot> Get(Transaction& tx);

 private:
  std::mutex mutex_;
  std::int64_t version_ = -1;
  Snapshot snapshot_;
};

// Binary search in a snapshot; nullptr if absent.
const Participant* FindIn(const std::vector<Participant>& sorted, std::string_view id);

}  // namespace chancery::core
