#pragma once
#include <atomic>
#include <optional>

#include "core/ports/clock.hpp"

namespace chancery::platform {

class SystemClock : public core::Clock {
 public:
  core::Instant Now() const override;
};

// A clock stopped at one instant: for end-to-end tests, which set "now" through the
// CHANCERY_NOW environment variable (read by the composition root only).
class FixedClock : public core::Clock {
 public:
  explicit FixedClock(core::Instant now) : now_(now) {}
  core::Instant Now() const override { return now_; }

 private:
  core::Instant now_;
};

// A clock that shows what it was last set to: `init --demo` replays a scenario at the
// instants it records, moving this clock from one phase to the next.
class ManualClock : public core::Clock {
 public:
  explicit ManualClock(core::Instant now) : ms_(now.time_since_epoch().count()) {}
  core::Instant Now() const override { return core::Instant{std::chrono::milliseconds{ms_.load()}}; }
  void Set(core::Instant now) { ms_.store(now.time_since_epoch().count()); }

 private:
  std::atomic<std::int64_t> ms_;
};

}  // namespace chancery::platform
