#pragma once
// core::TimeZone over the system tz database through libdate-tz (USE_OS_TZDB). ICU's own
// zone data in Debian 12 is 2022e and still has Kazakhstan at UTC+6 after 2024-03-01, so
// offsets never come from ICU; see ../shared/design/stack-notes.md §3.
#include <memory>
#include <string>

#include "core/ports/time_zone.hpp"

namespace date {
class time_zone;
}

namespace chancery::platform {

class TzTimeZone : public core::TimeZone {
 public:
  // kNotFound for a name the system tz database does not know.
  static core::Result<std::unique_ptr<TzTimeZone>> Locate(const std::string& name);

  const std::string& Name() const override { return name_; }
  std::chrono::seconds OffsetAt(core::Instant instant) const override;
  core::Result<core::Instant> ToInstant(core::LocalTime local) const override;

 private:
  TzTimeZone(const date::time_zone* zone, std::string name) : zone_(zone), name_(std::move(name)) {}
  const date::time_zone* zone_;  // owned by the process-wide tz database
  std::string name_;
};

}  // namespace chancery::platform
