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

core::Result<core::ParticipantStatus> DecodeParticipantStatus(const std::string& text, std::string_view where) {
  return Decoded(core::ParseParticipantStatus(text), where, text);
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

core::Result<core::BodyCode> DecodeBodyCode(const std::string& text, std::string_view where) {
  return Decoded(core::ParseBodyCode(text), where, text);
}

core::Result<std::optional<core::BodyCode>> DecodeOptionalBodyCode(const std::optional<std::string>& text,
                                                                   std::string_view where) {
  if (!text) return std::optional<core::BodyCode>();
  auto body = DecodeBodyCode(*text, where);
  if (!body) return body.error();
  return std::optional<core::BodyCode>(*body);
}

core::Result<core::MeetingFormat> DecodeMeetingFormat(const std::string& text) {
  return Decoded(core::ParseMeetingFormat(text), "meetings.format", text);
}

core::Result<core::AgendaStatus> DecodeAgendaStatus(const std::string& text) {
  // core has no parser for agenda statuses; the two names are core::ToString's.
  std::optional<core::AgendaStatus> status;
  for (auto s : {core::AgendaStatus::kDraft, core::AgendaStatus::kAdopted}) {
    if (text == core::ToString(s)) status = s;
  }
  return Decoded(status, "meetings.agenda_status", text);
}

core::Result<core::SpeakerRole> DecodeSpeakerRole(const std::string& text) {
  return Decoded(core::ParseSpeakerRole(text), "statements.role", text);
}

core::Result<core::AdoptionMode> DecodeAdoptionMode(const std::string& text) {
  return Decoded(core::ParseAdoptionMode(text), "decisions.mode", text);
}

core::Result<core::FloorPositionKind> DecodeFloorPositionKind(const std::string& text) {
  return Decoded(core::ParseFloorPositionKind(text), "decision_attachments.kind", text);
}

core::Result<core::ResponseKind> DecodeResponseKind(const std::string& text) {
  return Decoded(core::ParseResponseKind(text), "silence_responses.kind", text);
}

core::Result<core::SilenceState> DecodeSilenceState(const std::string& text, std::string_view where) {
  return Decoded(core::ParseSilenceState(text), where, text);
}

core::Result<core::SilenceInitiator> DecodeSilenceInitiator(const std::string& text) {
  return Decoded(core::ParseSilenceInitiator(text), "silence_procedures.initiator", text);
}

core::Result<core::MandateStatus> DecodeMandateStatus(const std::string& text) {
  return Decoded(core::ParseMandateStatus(text), "mandates.status", text);
}

core::Result<core::DocumentKind> DecodeDocumentKind(const std::string& text) {
  return Decoded(core::ParseDocumentKind(text), "documents.kind", text);
}

core::Result<core::AccessCategory> DecodeAccessCategory(const std::string& text) {
  return Decoded(core::ParseAccessCategory(text), "documents.access", text);
}

core::Result<core::ParagraphStyle> DecodeParagraphStyle(const std::string& text) {
  return Decoded(core::ParseParagraphStyle(text), "document_paragraphs.style", text);
}

core::Result<core::TranslationStatus> DecodeTranslationStatus(const std::string& text) {
  return Decoded(core::ParseTranslationStatus(text), "document_languages.status", text);
}

core::Result<core::VersionStatus> DecodeVersionStatus(const std::string& text) {
  return Decoded(core::ParseVersionStatus(text), "document_versions.status", text);
}

core::Result<core::StageKind> DecodeStageKind(const std::string& text) {
  return Decoded(core::ParseStageKind(text), "document_stages.kind", text);
}

core::Result<core::CommentOutcome> DecodeCommentOutcome(const std::string& text) {
  return Decoded(core::ParseCommentOutcome(text), "comments.outcome", text);
}

core::Result<core::NoteBlockRole> DecodeNoteBlockRole(const std::string& text) {
  return Decoded(core::ParseNoteBlockRole(text), "outgoing_note_blocks.role", text);
}

core::Result<core::NotePurpose> DecodeNotePurpose(const std::string& text) {
  return Decoded(core::ParseNotePurpose(text), "outgoing_notes.purpose", text);
}

core::Result<core::NoteStatus> DecodeNoteStatus(const std::string& text) {
  return Decoded(core::ParseNoteStatus(text), "outgoing_notes.status", text);
}

core::Result<core::AddresseeScope> DecodeAddresseeScope(const std::string& text) {
  return Decoded(core::ParseAddresseeScope(text), "outgoing_notes.scope", text);
}

core::Result<core::IncomingEffect> DecodeIncomingEffect(const std::string& text) {
  // core has no parser for effects; the names are core::ToString's.
  std::optional<core::IncomingEffect> effect;
  for (auto e : {core::IncomingEffect::kNone, core::IncomingEffect::kObjectionBreaksSilence,
                 core::IncomingEffect::kKeptWithoutEffect, core::IncomingEffect::kLinked}) {
    if (text == core::ToString(e)) effect = e;
  }
  return Decoded(effect, "incoming_notes.effect", text);
}

core::Result<std::optional<core::NoteLink>> DecodeOptionalLink(const std::optional<std::string>& kind,
                                                               const std::optional<std::int64_t>& id,
                                                               std::string_view where) {
  if (!kind && !id) return std::optional<core::NoteLink>();
  // The schema's CHECK keeps the two together; one without the other is corruption.
  if (!kind || !id) return core::Error::Internal("half a link in " + std::string(where));
  auto decoded = Decoded(core::ParseLinkKind(*kind), where, *kind);
  if (!decoded) return decoded.error();
  return std::optional<core::NoteLink>(core::NoteLink{*decoded, *id});
}

}  // namespace chancery::storage::sqlite
