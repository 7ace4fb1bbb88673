#include "core/local_time.hpp"

namespace chancery::core {

Date LocalDate(Instant instant, const TimeZone& zone) { return UtcDate(instant + zone.OffsetAt(instant)); }

std::string FormatLocal(Instant instant, const TimeZone& zone) {
  const auto offset = zone.OffsetAt(instant);
  std::string text = FormatInstant(std::chrono::floor<std::chrono::seconds>(instant + offset));
  text.pop_back();  // FormatInstant's "Z": this is a wall-clock time, followed by its offset
  return text + FormatOffset(offset);
}

}  // namespace chancery::core
