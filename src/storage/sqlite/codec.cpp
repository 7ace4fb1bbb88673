#include "storage/sqlite/codec.hpp"

namespace chancery::storage::sqlite {
namespace {

template <class T>
core::Result<T> Decoded(std::optional<T> value, std::string_view where, const std::string& text) {
  if (value) return *value;
  return core::Error::Internal("corrupt value '" + text + "' in " + std::string(where));
}

}  // namespace

core::Result<core::Date> DecodeDate(const std::string& text, std::string_view where) {
  return Decoded(core::ParseDate(text), where, text);
}

core::Result<std::optional<core::Date>> DecodeOptionalDate(const std::optional<std::string>& text,
                                                           std::string_view where) {
  if (!text) return std::optional<core::Date>();
  auto date = DecodeDate(*text, where);
  if (!date) return date.error();
  return std::optional<core::Date>(*date);
}

core::Result<core::ParticipantKind> DecodeParticipantKind(const std::string& text) {
  return Decoded(core::ParseParticipantKind(text), "participants.kind", text);
}

core::Result<core::ParticipantStatus> DecodeParticipantStatus(const std::string& text) {
  return Decoded(core::ParseParticipantStatus(text), "participant_statuses.status", text);
}

core::Result<core::DatePrecision> DecodeDatePrecision(const std::string& text) {
  return Decoded(core::ParseDatePrecision(text), "participant_statuses.precision", text);
}

core::Result<core::Role> DecodeRole(const std::string& text) {
  return Decoded(core::ParseRole(text), "users.role", text);
}

core::Result<core::SessionKind> DecodeSessionKind(const std::string& text) {
  // core has no parser for session kinds; the two names are core::ToString's.
  std::optional<core::SessionKind> kind;
  if (text == core::ToString(core::SessionKind::kCookie)) kind = core::SessionKind::kCookie;
  if (text == core::ToString(core::SessionKind::kBearer)) kind = core::SessionKind::kBearer;
  return Decoded(kind, "sessions.kind", text);
}

}  // namespace chancery::storage::sqlite
