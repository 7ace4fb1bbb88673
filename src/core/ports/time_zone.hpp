#pragma once
// The organisation's time zone. Offsets come from the system tz database through an adapter,
// never from a constant: Asia/Almaty was UTC+6 until 2024-03-01 and UTC+5 since.
#include <chrono>
#include <string>

#include "core/result.hpp"
#include "core/time.hpp"

namespace chancery::core {

class TimeZone {
 public:
  virtual ~TimeZone() = default;
  virtual const std::string& Name() const = 0;  // IANA name, "Asia/Almaty"
  virtual std::chrono::seconds OffsetAt(Instant instant) const = 0;
  // The instant a wall-clock time denotes. A time that does not exist (skipped by a
  // transition) or exists twice is an error: deadlines must not be guessed.
  virtual Result<Instant> ToInstant(LocalTime local) const = 0;
};

}  // namespace chancery::core
