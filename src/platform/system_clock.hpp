#pragma once
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

}  // namespace chancery::platform
