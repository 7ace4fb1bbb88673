#include "core/model/delivery.hpp"

#include <algorithm>

namespace chancery::core {

std::string_view ToString(DeliveryStatus status) {
  switch (status) {
    case DeliveryStatus::kQueued: return "queued";
    case DeliveryStatus::kSent: return "sent";
    case DeliveryStatus::kFailed: return "failed";
  }
  return "queued";
}

std::optional<DeliveryStatus> ParseDeliveryStatus(std::string_view text) {
  for (auto s : {DeliveryStatus::kQueued, DeliveryStatus::kSent, DeliveryStatus::kFailed}) {
    if (ToString(s) == text) return s;
  }
  return std::nullopt;
}

std::chrono::milliseconds BackOff(const RetryPolicy& policy, int failed_attempts) {
  auto delay = policy.base_delay;
  // Doubling stops at the cap, so no shift overflows however many attempts are allowed.
  for (int i = 1; i < failed_attempts && delay < policy.max_delay; ++i) delay *= 2;
  return std::min(delay, policy.max_delay);
}

bool IsDue(const DeliveryAttempts& delivery, Instant now) {
  return delivery.status == DeliveryStatus::kQueued && delivery.next_attempt_at && *delivery.next_attempt_at <= now;
}

void Claim(DeliveryAttempts& delivery, const RetryPolicy& policy, Instant now) {
  ++delivery.attempts;
  delivery.next_attempt_at = now + policy.claim_for;
}

void MarkSent(DeliveryAttempts& delivery, Instant now) {
  delivery.status = DeliveryStatus::kSent;
  delivery.sent_at = now;
  delivery.next_attempt_at = std::nullopt;
}

void MarkAttemptFailed(DeliveryAttempts& delivery, const RetryPolicy& policy, Instant now, std::string error) {
  delivery.last_error = std::move(error);
  if (delivery.attempts >= policy.max_attempts) {
    delivery.status = DeliveryStatus::kFailed;
    delivery.next_attempt_at = std::nullopt;
    return;
  }
  delivery.status = DeliveryStatus::kQueued;
  delivery.next_attempt_at = now + BackOff(policy, delivery.attempts);
}

bool IsMailAddress(std::string_view address) {
  if (address.empty() || address.size() > 254) return false;
  const auto at = address.find('@');
  if (at == 0 || at == std::string_view::npos || at + 1 == address.size()) return false;
  if (address.find('@', at + 1) != std::string_view::npos) return false;
  const auto domain = address.substr(at + 1);
  if (domain.front() == '.' || domain.back() == '.' || domain.find("..") != std::string_view::npos) return false;
  for (char c : address) {
    if (c <= ' ' || c >= 127 || c == '<' || c == '>' || c == ',' || c == '"' || c == '(' || c == ')' || c == ';' ||
        c == ':' || c == '\\' || c == '[' || c == ']') {
      return false;
    }
  }
  return true;
}

}  // namespace chancery::core
