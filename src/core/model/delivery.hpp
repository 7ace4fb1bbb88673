#pragma once
// Dispatch of Notes Verbales by e-mail (issue 5, part 5): one delivery per addressee per
// registered address, kept as a log. A delivery is claimed by one server at a time, tried,
// and either sent or retried after an exponentially growing delay until the attempts run out;
// the note keeps its number and status whatever happens to its deliveries.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/time.hpp"

namespace chancery::core {

enum class DeliveryStatus { kQueued, kSent, kFailed };
std::string_view ToString(DeliveryStatus status);  // "queued", "sent", "failed"
std::optional<DeliveryStatus> ParseDeliveryStatus(std::string_view text);

// Where one message stands in its attempts: shared by the deliveries of notes and the notices
// to users (model/notice.hpp), so that both retry by the same rules below.
struct DeliveryAttempts {
  DeliveryStatus status = DeliveryStatus::kQueued;
  int attempts = 0;        // attempts begun (counted when claimed)
  std::string last_error;  // of the last failed attempt; "" if none failed
  // When it may next be tried (queued only): also the end of a claim, so that a delivery whose
  // server died while sending becomes due again.
  std::optional<Instant> next_attempt_at = std::nullopt;
  std::optional<Instant> sent_at = std::nullopt;
};

struct Delivery : DeliveryAttempts {
  std::int64_t id = 0;
  std::int64_t note_id = 0;
  std::string participant_id;
  std::string address;
};

struct RetryPolicy {
  int max_attempts = 8;
  std::chrono::milliseconds base_delay = std::chrono::minutes{1};  // before the 2nd attempt
  std::chrono::milliseconds max_delay = std::chrono::hours{12};
  // How long a claim holds a delivery: longer than any SMTP exchange (libcurl's timeout).
  std::chrono::milliseconds claim_for = std::chrono::minutes{5};
};

// The wait after the n-th failed attempt (n >= 1): base, 2 base, 4 base, … capped at max_delay.
std::chrono::milliseconds BackOff(const RetryPolicy& policy, int failed_attempts);

// Queued and its time has come.
bool IsDue(const DeliveryAttempts& delivery, Instant now);
// Takes a due delivery for one attempt: counts it and holds it until now + claim_for.
void Claim(DeliveryAttempts& delivery, const RetryPolicy& policy, Instant now);
void MarkSent(DeliveryAttempts& delivery, Instant now);
// After a failed attempt: queued again after the back-off, or failed for good when the
// attempts are used up.
void MarkAttemptFailed(DeliveryAttempts& delivery, const RetryPolicy& policy, Instant now, std::string error);

// An address we may put in an SMTP envelope: local@domain, printable ASCII without spaces,
// angle brackets, commas or quotes, at most 254 characters. Deliberately narrow: addresses are
// typed by the Secretariat and go into protocol lines.
bool IsMailAddress(std::string_view address);

}  // namespace chancery::core
