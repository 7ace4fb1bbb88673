#pragma once
// How model values are stored: dates as "YYYY-MM-DD" text, instants as integer milliseconds
// since the Unix epoch (UTC), enums as their model names. Decoding a stored value that does
// not parse is corruption (kInternal), never silently a default.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/model/comment_round.hpp"
#include "core/model/decision.hpp"
#include "core/model/decision_symbol.hpp"
#include "core/model/document.hpp"
#include "core/model/mandate.hpp"
#include "core/model/meeting.hpp"
#include "core/model/note_verbale.hpp"
#include "core/model/participant.hpp"
#include "core/model/silence_procedure.hpp"
#include "core/model/session.hpp"
#include "core/model/user.hpp"
#include "core/result.hpp"
#include "core/time.hpp"

namespace chancery::storage::sqlite {

inline std::int64_t ToMillis(core::Instant instant) { return instant.time_since_epoch().count(); }
inline core::Instant FromMillis(std::int64_t millis) { return core::Instant{std::chrono::milliseconds{millis}}; }

inline std::optional<std::int64_t> ToOptionalMillis(const std::optional<core::Instant>& instant) {
  if (!instant) return std::nullopt;
  return ToMillis(*instant);
}
inline std::optional<core::Instant> FromOptionalMillis(const std::optional<std::int64_t>& millis) {
  if (!millis) return std::nullopt;
  return FromMillis(*millis);
}

inline std::string ToText(core::Date date) { return core::FormatDate(date); }
inline std::optional<std::string> ToText(const std::optional<core::Date>& date) {
  if (!date) return std::nullopt;
  return core::FormatDate(*date);
}

// Enums are written as core's ToString names ("SOC", "in_person", …); the Decode functions
// below read them back.
inline std::optional<std::string> ToText(const std::optional<core::BodyCode>& body) {
  if (!body) return std::nullopt;
  return std::string(core::ToString(*body));
}
inline std::optional<std::string> ToText(const std::optional<core::DocumentKind>& kind) {
  if (!kind) return std::nullopt;
  return std::string(core::ToString(*kind));
}

// `where` names the column for the error message: "participant_statuses.valid_from".
core::Result<core::Date> DecodeDate(const std::string& text, std::string_view where);
core::Result<std::optional<core::Date>> DecodeOptionalDate(const std::optional<std::string>& text,
                                                           std::string_view where);
core::Result<core::ParticipantKind> DecodeParticipantKind(const std::string& text);
core::Result<core::ParticipantStatus> DecodeParticipantStatus(const std::string& text,
                                                              std::string_view where = "participant_statuses.status");
core::Result<core::DatePrecision> DecodeDatePrecision(const std::string& text);
core::Result<core::Role> DecodeRole(const std::string& text);
core::Result<core::SessionKind> DecodeSessionKind(const std::string& text);

// Governance records (migration 3).
core::Result<core::BodyCode> DecodeBodyCode(const std::string& text, std::string_view where);
core::Result<std::optional<core::BodyCode>> DecodeOptionalBodyCode(const std::optional<std::string>& text,
                                                                   std::string_view where);
core::Result<core::MeetingFormat> DecodeMeetingFormat(const std::string& text);
core::Result<core::AgendaStatus> DecodeAgendaStatus(const std::string& text);
core::Result<core::SpeakerRole> DecodeSpeakerRole(const std::string& text);
core::Result<core::AdoptionMode> DecodeAdoptionMode(const std::string& text);
core::Result<core::FloorPositionKind> DecodeFloorPositionKind(const std::string& text);
core::Result<core::ResponseKind> DecodeResponseKind(const std::string& text);
core::Result<core::SilenceState> DecodeSilenceState(const std::string& text, std::string_view where);
core::Result<core::SilenceInitiator> DecodeSilenceInitiator(const std::string& text);
core::Result<core::MandateStatus> DecodeMandateStatus(const std::string& text);

// Documents (migration 4).
core::Result<core::DocumentKind> DecodeDocumentKind(const std::string& text);
core::Result<core::AccessCategory> DecodeAccessCategory(const std::string& text);
core::Result<core::ParagraphStyle> DecodeParagraphStyle(const std::string& text);
core::Result<core::TranslationStatus> DecodeTranslationStatus(const std::string& text);
core::Result<core::VersionStatus> DecodeVersionStatus(const std::string& text);
core::Result<core::StageKind> DecodeStageKind(const std::string& text);

// Comment rounds (migration 5).
core::Result<core::CommentOutcome> DecodeCommentOutcome(const std::string& text);

// Notes Verbales (migration 8).
core::Result<core::NoteBlockRole> DecodeNoteBlockRole(const std::string& text);
core::Result<core::NotePurpose> DecodeNotePurpose(const std::string& text);
core::Result<core::NoteStatus> DecodeNoteStatus(const std::string& text);
core::Result<core::AddresseeScope> DecodeAddresseeScope(const std::string& text);
core::Result<core::IncomingEffect> DecodeIncomingEffect(const std::string& text);
// A link stored as a kind and an id column, both NULL when absent (`where` names the kind's).
core::Result<std::optional<core::NoteLink>> DecodeOptionalLink(const std::optional<std::string>& kind,
                                                               const std::optional<std::int64_t>& id,
                                                               std::string_view where);

}  // namespace chancery::storage::sqlite
