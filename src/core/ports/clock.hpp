#pragma once
#include "core/time.hpp"

namespace chancery::core {

// "Now" comes only from here, so tests decide what time it is.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant Now() const = 0;
};

}  // namespace chancery::core
