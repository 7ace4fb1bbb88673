#include "core/services/participant_cache.hpp"

#include <algorithm>

namespace chancery::core {

Result<ParticipantCache::Snapshot> ParticipantCache::Get(Transaction& tx) {
  auto version = tx.Participants().Version();
  if (!version) return version.error();
  {
    std::lock_guard lock(mutex_);
    if (snapshot_ && version_ == *version) return snapshot_;
  }
  // Load outside the lock: other readers keep using the old snapshot meanwhile.
  auto list = tx.Participants().List();
  if (!list) return list.error();
  std::sort(list->begin(), list->end(), [](const Participant& a, const Participant& b) { return a.id < b.id; });
  auto snapshot = std::make_shared<const std::vector<Participant>>(std::move(*list));
  std::lock_guard lock(mutex_);
  if (*version >= version_) {
    version_ = *version;
    snapshot_ = snapshot;
  }
  return snapshot;
}

const Participant* FindIn(const std::vector<Participant>& sorted, std::string_view id) {
  auto it = std::lower_bound(sorted.begin(), sorted.end(), id,
                             [](const Participant& p, std::string_view key) { return p.id < key; });
  return it != sorted.end() && it->id == id ? &*it : nullptr;
}

}  // namespace chancery::core
