// The outbox of notices in memory, holding it to what migration 10 enforces in SQLite: one
// notice per (user, event), of existing users.
#include <algorithm>
#include <string>

#include "storage/memory/memory_repositories.hpp"

namespace chancery::storage {

using core::Error;
using core::Result;

Result<std::optional<std::int64_t>> MemoryNoticeOutbox::Enqueue(const core::Notice& notice) {
  auto state = view_.Write();
  if (!state) return state.error();
  MemoryState& s = **state;
  // Mirrors the foreign key to users.
  if (!s.users.contains(notice.user_id)) {
    return Error::FailedPrecondition("no user with id " + std::to_string(notice.user_id));
  }
  // Mirrors UNIQUE (user_id, event_key) with ON CONFLICT DO NOTHING.
  for (const auto& [id, n] : s.notices) {
    if (n.user_id == notice.user_id && n.event_key == notice.event_key) return std::optional<std::int64_t>();
  }
  const std::int64_t id = ++s.last_notice_id;
  core::Notice stored = notice;
  stored.id = id;
  s.notices.emplace(id, std::move(stored));
  return std::optional<std::int64_t>(id);
}

Result<bool> MemoryNoticeOutbox::Has(std::int64_t user_id, std::string_view event_key) {
  auto state = view_.Read();
  if (!state) return state.error();
  return std::any_of((*state)->notices.begin(), (*state)->notices.end(),
                     [&](const auto& entry) { return entry.second.user_id == user_id && entry.second.event_key == event_key; });
}

Result<std::optional<core::Notice>> MemoryNoticeOutbox::Find(std::int64_t id) {
  auto state = view_.Read();
  if (!state) return state.error();
  auto it = (*state)->notices.find(id);
  if (it == (*state)->notices.end()) return std::optional<core::Notice>();
  return std::optional<core::Notice>(it->second);
}

Result<std::vector<core::Notice>> MemoryNoticeOutbox::ListForUser(std::int64_t user_id) {
  auto state = view_.Read();
  if (!state) return state.error();
  std::vector<core::Notice> out;
  for (const auto& [id, n] : (*state)->notices) {
    if (n.user_id == user_id) out.push_back(n);
  }
  return out;
}

Result<std::vector<core::Notice>> MemoryNoticeOutbox::Due(core::Instant now, std::int64_t limit) {
  auto state = view_.Read();
  if (!state) return state.error();
  std::vector<core::Notice> out;
  for (const auto& [id, n] : (*state)->notices) {
    if (core::IsDue(n, now)) out.push_back(n);
  }
  std::stable_sort(out.begin(), out.end(), [](const core::Notice& a, const core::Notice& b) {
    return *a.next_attempt_at < *b.next_attempt_at;
  });
  if (static_cast<std::int64_t>(out.size()) > limit) out.resize(static_cast<std::size_t>(limit));
  return out;
}

Result<std::optional<core::Instant>> MemoryNoticeOutbox::NextAttempt() {
  auto state = view_.Read();
  if (!state) return state.error();
  std::optional<core::Instant> next;
  for (const auto& [id, n] : (*state)->notices) {
    if (n.status == core::DeliveryStatus::kQueued && n.next_attempt_at && (!next || *n.next_attempt_at < *next)) {
      next = n.next_attempt_at;
    }
  }
  return next;
}

Result<void> MemoryNoticeOutbox::Update(const core::Notice& notice) {
  auto state = view_.Write();
  if (!state) return state.error();
  auto it = (*state)->notices.find(notice.id);
  if (it == (*state)->notices.end()) return Error::NotFound("no notice with id " + std::to_string(notice.id));
  it->second = notice;
  return core::Ok();
}

}  // namespace chancery::storage
