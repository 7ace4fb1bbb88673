#include "platform/tz_time_zone.hpp"

#include <date/tz.h>

namespace chancery::platform {

core::Result<std::unique_ptr<TzTimeZone>> TzTimeZone::Locate(const std::string& name) {
  try {
    const date::time_zone* zone = date::locate_zone(name);
    return std::unique_ptr<TzTimeZone>(new TzTimeZone(zone, name));
  } catch (const std::exception& e) {
    // locate_zone throws for unknown names and when /usr/share/zoneinfo is missing.
    return core::Error::NotFound("unknown time zone '" + name + "': " + e.what());
  }
}

std::chrono::seconds TzTimeZone::OffsetAt(core::Instant instant) const {
  return zone_->get_info(std::chrono::time_point_cast<std::chrono::seconds>(instant)).offset;
}

core::Result<core::Instant> TzTimeZone::ToInstant(core::LocalTime local) const {
  date::local_seconds ls{local.time_since_epoch()};
  auto info = zone_->get_info(ls);
  switch (info.result) {
    case date::local_info::unique:
      return core::Instant{std::chrono::sys_seconds{local.time_since_epoch() - info.first.offset}};
    case date::local_info::nonexistent:
      return core::Error::InvalidArgument("that local time does not exist in " + name_ +
                                          " (skipped by a clock change)");
    case date::local_info::ambiguous:
      return core::Error::InvalidArgument("that local time occurs twice in " + name_ +
                                          " (clocks were set back); give the UTC instant");
  }
  return core::Error::Internal("unexpected tz lookup result");
}

}  // namespace chancery::platform
