#include "platform/system_clock.hpp"

#include <chrono>

namespace chancery::platform {

core::Instant SystemClock::Now() const {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

}  // namespace chancery::platform
