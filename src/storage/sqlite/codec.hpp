#pragma once
// How model values are stored: dates as "YYYY-MM-DD" text, instants as integer milliseconds
// since the Unix epoch (UTC), enums as their model names. Decoding a stored value that does
// not parse is corruption (kInternal), never silently a default.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/model/participant.hpp"
#include "core/model/session.hpp"
#include "core/model/user.hpp"
#include "core/result.hpp"
#include "core/time.hpp"

namespace chancery::storage::sqlite {

inline std::int64_t ToMillis(core::Instant instant) { return instant.time_since_epoch().count(); }
inline core::Instant FromMillis(std::int64_t millis) { return core::Instant{std::chrono::milliseconds{millis}}; }

inline std::string ToText(core::Date date) { return core::FormatDate(date); }
inline std::optional<std::string> ToText(const std::optional<core::Date>& date) {
  if (!date) return std::nullopt;
  return core::FormatDate(*date);
}

// `where` names the column for the error message: "participant_statuses.valid_from".
core::Result<core::Date> DecodeDate(const std::string& text, std::string_view where);
core::Result<std::optional<core::Date>> DecodeOptionalDate(const std::optional<std::string>& text,
                                                           std::string_view where);
core::Result<core::ParticipantKind> DecodeParticipantKind(const std::string& text);
core::Result<core::ParticipantStatus> DecodeParticipantStatus(const std::string& text);
core::Result<core::DatePrecision> DecodeDatePrecision(const std::string& text);
core::Result<core::Role> DecodeRole(const std::string& text);
core::Result<core::SessionKind> DecodeSessionKind(const std::string& text);

}  // namespace chancery::storage::sqlite
