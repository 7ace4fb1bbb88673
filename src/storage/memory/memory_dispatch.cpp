// Registered addresses and the delivery log in memory, holding them to what migration 9
// enforces in SQLite: an address once per participant, deliveries of existing notes.
#include <algorithm>
#include <string>

#include "storage/memory/memory_repositories.hpp"

namespace chancery::storage {

using core::Error;
using core::Result;

Result<std::vector<std::string>> MemoryAddressBook::Addresses(std::string_view participant_id) {
  auto state = view_.Read();
  if (!state) return state.error();
  auto it = (*state)->addresses.find(std::string(participant_id));
  if (it == (*state)->addresses.end()) return std::vector<std::string>();
  return it->second;
}

Result<void> MemoryAddressBook::SetAddresses(std::string_view participant_id,
                                             const std::vector<std::string>& addresses) {
  // Mirrors PRIMARY KEY (participant_id, address).
  for (std::size_t i = 0; i < addresses.size(); ++i) {
    if (std::find(addresses.begin(), addresses.begin() + static_cast<std::ptrdiff_t>(i), addresses[i]) !=
        addresses.begin() + static_cast<std::ptrdiff_t>(i)) {
      return Error::AlreadyExists(addresses[i] + " is listed twice for " + std::string(participant_id));
    }
  }
  auto state = view_.Write();
  if (!state) return state.error();
  if (addresses.empty()) {
    (*state)->addresses.erase(std::string(participant_id));
  } else {
    (*state)->addresses[std::string(participant_id)] = addresses;
  }
  return core::Ok();
}

Result<std::int64_t> MemoryDeliveryLog::Insert(const core::Delivery& delivery) {
  auto state = view_.Write();
  if (!state) return state.error();
  MemoryState& s = **state;
  // Mirrors the foreign key to outgoing_notes.
  if (!s.outgoing_notes.contains(delivery.note_id)) {
    return Error::FailedPrecondition("no outgoing note with id " + std::to_string(delivery.note_id));
  }
  const std::int64_t id = ++s.last_delivery_id;
  core::Delivery stored = delivery;
  stored.id = id;
  s.deliveries.emplace(id, std::move(stored));
  return id;
}

Result<std::optional<core::Delivery>> MemoryDeliveryLog::Find(std::int64_t id) {
  auto state = view_.Read();
  if (!state) return state.error();
  auto it = (*state)->deliveries.find(id);
  if (it == (*state)->deliveries.end()) return std::optional<core::Delivery>();
  return std::optional<core::Delivery>(it->second);
}

Result<std::vector<core::Delivery>> MemoryDeliveryLog::ListForNote(std::int64_t note_id) {
  auto state = view_.Read();
  if (!state) return state.error();
  std::vector<core::Delivery> out;
  for (const auto& [id, d] : (*state)->deliveries) {
    if (d.note_id == note_id) out.push_back(d);
  }
  return out;
}

Result<std::vector<core::Delivery>> MemoryDeliveryLog::Due(core::Instant now, std::int64_t limit) {
  auto state = view_.Read();
  if (!state) return state.error();
  std::vector<core::Delivery> out;
  for (const auto& [id, d] : (*state)->deliveries) {
    if (core::IsDue(d, now)) out.push_back(d);
  }
  std::stable_sort(out.begin(), out.end(), [](const core::Delivery& a, const core::Delivery& b) {
    return *a.next_attempt_at < *b.next_attempt_at;
  });
  if (static_cast<std::int64_t>(out.size()) > limit) out.resize(static_cast<std::size_t>(limit));
  return out;
}

Result<std::optional<core::Instant>> MemoryDeliveryLog::NextAttempt() {
  auto state = view_.Read();
  if (!state) return state.error();
  std::optional<core::Instant> next;
  for (const auto& [id, d] : (*state)->deliveries) {
    if (d.status == core::DeliveryStatus::kQueued && d.next_attempt_at && (!next || *d.next_attempt_at < *next)) {
      next = d.next_attempt_at;
    }
  }
  return next;
}

Result<void> MemoryDeliveryLog::Update(const core::Delivery& delivery) {
  auto state = view_.Write();
  if (!state) return state.error();
  auto it = (*state)->deliveries.find(delivery.id);
  if (it == (*state)->deliveries.end()) return Error::NotFound("no delivery with id " + std::to_string(delivery.id));
  it->second = delivery;
  return core::Ok();
}

}  // namespace chancery::storage
