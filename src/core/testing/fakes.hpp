#pragma once
// In-memory fakes of core's ports, for unit tests of core only. The real adapters live in
// src/platform and src/storage and have tests of their own.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

#include "core/ports/clock.hpp"
#include "core/ports/crypto.hpp"
#include "core/ports/date_format.hpp"
#include "core/ports/time_zone.hpp"

namespace chancery::core::testing {

class FakeClock : public Clock {
 public:
  explicit FakeClock(Instant now) : now_(now) {}
  Instant Now() const override { return now_; }
  void Set(Instant now) { now_ = now; }
  void Advance(std::chrono::milliseconds by) { now_ += by; }

 private:
  Instant now_;
};

// FNV-1a, 64 bits, printed as 64 hex digits: content-sensitive and deterministic, which is all
// chain tests need. Not a cryptographic hash; production uses libsodium's SHA-256.
class FakeDigest : public Digest {
 public:
  std::string Sha256Hex(std::string_view bytes) const override {
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : bytes) {
      h ^= c;
      h *= 1099511628211ULL;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return std::string(buf) + std::string(buf) + std::string(buf) + std::string(buf);
  }
};

class FakePasswordHasher : public PasswordHasher {
 public:
  std::string Hash(std::string_view password) const override { return "fake$" + std::string(password); }
  bool Verify(std::string_view password, std::string_view hash) const override {
    return hash == "fake$" + std::string(password);
  }
};

class FakeRandom : public RandomSource {
 public:
  std::string Token(std::size_t bytes) override {
    std::string t = "tok" + std::to_string(++counter_);
    t.resize(bytes < 4 ? 4 : bytes, 'x');
    return t;
  }

 private:
  int counter_ = 0;
};

// A zone with a fixed offset. Tests of the real zone (with the 2024 Kazakhstan change) live in
// src/platform.
class FixedOffsetZone : public TimeZone {
 public:
  explicit FixedOffsetZone(std::chrono::seconds offset, std::string name = "Etc/Fixed")
      : offset_(offset), name_(std::move(name)) {}
  const std::string& Name() const override { return name_; }
  std::chrono::seconds OffsetAt(Instant) const override { return offset_; }
  Result<Instant> ToInstant(LocalTime local) const override {
    return Instant{std::chrono::sys_seconds{local.time_since_epoch() - offset_}};
  }

 private:
  std::chrono::seconds offset_;
  std::string name_;
};

// ISO dates, no language: enough for core tests, which never check wording.
class IsoDateFormatter : public DateFormatter {
 public:
  std::string LongDate(Date date, std::string_view) const override { return FormatDate(date); }
  std::string WrittenDate(Date date, std::string_view, DateForm) const override { return FormatDate(date); }
  std::string LocalDateTime(Instant instant, const TimeZone& zone, std::string_view) const override {
    return FormatInstant(instant + zone.OffsetAt(instant));
  }
};

}  // namespace chancery::core::testing
