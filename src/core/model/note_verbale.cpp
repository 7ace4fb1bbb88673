#include "core/model/note_verbale.hpp"

#include <charconv>

namespace chancery::core {
namespace {

template <class E, std::size_t N>
std::optional<E> ParseEnum(std::string_view text, const E (&all)[N]) {
  for (E e : all) {
    if (ToString(e) == text) return e;
  }
  return std::nullopt;
}

constexpr NotePurpose kPurposes[] = {
    NotePurpose::kForwardFinalMinutes,  NotePurpose::kCirculateDraftMinutes, NotePurpose::kLaunchSilenceProcedure,
    NotePurpose::kSilenceOutcome,       NotePurpose::kSilenceBroken,         NotePurpose::kInviteToMeeting,       NotePurpose::kCirculateMeetingDocuments,
    NotePurpose::kOther};
constexpr NoteStatus kStatuses[] = {NoteStatus::kDraft, NoteStatus::kRegistered, NoteStatus::kDispatched};
constexpr AddresseeScope kScopes[] = {AddresseeScope::kAllMemberStates, AddresseeScope::kList, AddresseeScope::kOne};
constexpr LinkKind kLinks[] = {LinkKind::kMeeting, LinkKind::kSilenceProcedure, LinkKind::kCommentRound,
                               LinkKind::kDocument};

bool Alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

std::string Format(const NoteNumber& number) { return number.index + "/" + std::to_string(number.serial); }

std::optional<int> PagesIn(const Enclosure& enclosure, std::string_view lang) {
  for (const auto& p : enclosure.pages_by_lang) {
    if (p.lang == lang) return p.pages;
  }
  return std::nullopt;
}

std::optional<NoteNumber> ParseNoteNumber(std::string_view text, int year) {
  const auto slash = text.rfind('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const std::string_view index = text.substr(0, slash);
  const std::string_view digits = text.substr(slash + 1);
  if (!IsFileIndex(index) || digits.empty() || digits.size() > 6 || digits[0] == '0') return std::nullopt;
  int serial = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), serial);
  if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return NoteNumber{std::string(index), serial, year};
}

bool IsFileIndex(std::string_view index) {
  if (index.empty() || index.size() > 16 || !Alnum(index.front()) || !Alnum(index.back())) return false;
  for (char c : index) {
    if (!Alnum(c) && c != '-' && c != '.') return false;
  }
  return true;
}

std::string_view ToString(NotePurpose purpose) {
  switch (purpose) {
    case NotePurpose::kForwardFinalMinutes: return "forward_final_minutes";
    case NotePurpose::kCirculateDraftMinutes: return "circulate_draft_minutes";
    case NotePurpose::kLaunchSilenceProcedure: return "launch_silence_procedure";
    case NotePurpose::kSilenceOutcome: return "silence_outcome";
    case NotePurpose::kSilenceBroken: return "silence_broken";
    case NotePurpose::kInviteToMeeting: return "invite_to_meeting";
    case NotePurpose::kCirculateMeetingDocuments: return "circulate_meeting_documents";
    case NotePurpose::kOther: return "other";
  }
  return "other";
}

std::optional<NotePurpose> ParseNotePurpose(std::string_view text) { return ParseEnum(text, kPurposes); }

std::string_view ToString(NoteStatus status) {
  switch (status) {
    case NoteStatus::kDraft: return "draft";
    case NoteStatus::kRegistered: return "registered";
    case NoteStatus::kDispatched: return "dispatched";
  }
  return "draft";
}

std::optional<NoteStatus> ParseNoteStatus(std::string_view text) { return ParseEnum(text, kStatuses); }

std::string_view ToString(AddresseeScope scope) {
  switch (scope) {
    case AddresseeScope::kAllMemberStates: return "all_member_states";
    case AddresseeScope::kList: return "list";
    case AddresseeScope::kOne: return "one";
  }
  return "list";
}

std::optional<AddresseeScope> ParseAddresseeScope(std::string_view text) { return ParseEnum(text, kScopes); }

std::string_view ToString(LinkKind kind) {
  switch (kind) {
    case LinkKind::kMeeting: return "meeting";
    case LinkKind::kSilenceProcedure: return "silence_procedure";
    case LinkKind::kCommentRound: return "comment_round";
    case LinkKind::kDocument: return "document";
  }
  return "document";
}

std::optional<LinkKind> ParseLinkKind(std::string_view text) { return ParseEnum(text, kLinks); }

std::string_view ToString(IncomingEffect effect) {
  switch (effect) {
    case IncomingEffect::kNone: return "none";
    case IncomingEffect::kObjectionBreaksSilence: return "objection_breaks_silence";
    case IncomingEffect::kKeptWithoutEffect: return "kept_without_effect";
    case IncomingEffect::kLinked: return "linked";
  }
  return "none";
}

std::string FormatIncomingNumber(const IncomingNote& note) {
  return "IN/" + std::to_string(note.year) + "/" + std::to_string(note.serial);
}

}  // namespace chancery::core
