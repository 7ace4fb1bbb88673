#include "core/model/document.hpp"

#include <set>

namespace chancery::core {
namespace {

template <class E, std::size_t N>
std::optional<E> ParseEnum(std::string_view text, const E (&all)[N]) {
  for (E e : all) {
    if (ToString(e) == text) return e;
  }
  return std::nullopt;
}

constexpr DocumentKind kKinds[] = {DocumentKind::kDraftRegulation, DocumentKind::kDecision, DocumentKind::kAgenda,
                                   DocumentKind::kMinutes, DocumentKind::kListOfParticipants, DocumentKind::kReport,
                                   DocumentKind::kNote};
constexpr AccessCategory kAccess[] = {AccessCategory::kPublic, AccessCategory::kMembersAndObservers,
                                      AccessCategory::kMemberStatesOnly, AccessCategory::kSecretariatOnly};
constexpr TranslationStatus kStatuses[] = {TranslationStatus::kOriginal, TranslationStatus::kInProgress,
                                           TranslationStatus::kTranslated, TranslationStatus::kVerified};
constexpr VersionStatus kVersionStatuses[] = {VersionStatus::kDraft, VersionStatus::kFinal,
                                              VersionStatus::kCorrigendum};
constexpr StageKind kStages[] = {StageKind::kSubmitted, StageKind::kConsensusReached, StageKind::kApproved,
                                 StageKind::kRecommended, StageKind::kAdopted};
constexpr ParagraphStyle kStyles[] = {ParagraphStyle::kTitle, ParagraphStyle::kText, ParagraphStyle::kItemHeading,
                                      ParagraphStyle::kSubheading, ParagraphStyle::kListItem};

bool IsParagraphId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

}  // namespace

std::string_view ToString(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::kDraftRegulation: return "draft_regulation";
    case DocumentKind::kDecision: return "decision";
    case DocumentKind::kAgenda: return "agenda";
    case DocumentKind::kMinutes: return "minutes";
    case DocumentKind::kListOfParticipants: return "list_of_participants";
    case DocumentKind::kReport: return "report";
    case DocumentKind::kNote: return "note";
  }
  return "note";
}

std::optional<DocumentKind> ParseDocumentKind(std::string_view text) { return ParseEnum(text, kKinds); }

std::string_view ToString(AccessCategory access) {
  switch (access) {
    case AccessCategory::kPublic: return "public";
    case AccessCategory::kMembersAndObservers: return "members_and_observers";
    case AccessCategory::kMemberStatesOnly: return "member_states_only";
    case AccessCategory::kSecretariatOnly: return "secretariat_only";
  }
  return "secretariat_only";
}

std::optional<AccessCategory> ParseAccessCategory(std::string_view text) { return ParseEnum(text, kAccess); }

std::string_view ToString(ParagraphStyle style) {
  switch (style) {
    case ParagraphStyle::kTitle: return "title";
    case ParagraphStyle::kText: return "text";
    case ParagraphStyle::kItemHeading: return "item_heading";
    case ParagraphStyle::kSubheading: return "subheading";
    case ParagraphStyle::kListItem: return "list_item";
  }
  return "text";
}

std::optional<ParagraphStyle> ParseParagraphStyle(std::string_view text) { return ParseEnum(text, kStyles); }

Result<void> ValidateContent(const DocumentContent& content) {
  if (!IsSupportedLanguage(content.lang)) return Error::InvalidArgument("lang must be en, ru or kk", "lang");
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < content.paragraphs.size(); ++i) {
    const auto& p = content.paragraphs[i];
    const std::string at = "paragraphs[" + std::to_string(i) + "]";
    if (!IsParagraphId(p.id)) {
      return Error::InvalidArgument("a paragraph id is 1 to 64 of a-z, 0-9 and -", at + ".id");
    }
    if (!seen.insert(p.id).second) return Error::InvalidArgument("paragraph ids are unique: " + p.id, at + ".id");
    if (p.style == ParagraphStyle::kItemHeading && p.item_number < 1) {
      return Error::InvalidArgument("an item heading names its item's number", at + ".item_number");
    }
  }
  return Ok();
}

std::string_view ToString(TranslationStatus status) {
  switch (status) {
    case TranslationStatus::kOriginal: return "original";
    case TranslationStatus::kInProgress: return "in_progress";
    case TranslationStatus::kTranslated: return "translated";
    case TranslationStatus::kVerified: return "verified";
  }
  return "in_progress";
}

std::optional<TranslationStatus> ParseTranslationStatus(std::string_view text) { return ParseEnum(text, kStatuses); }

std::string_view ToString(VersionStatus status) {
  switch (status) {
    case VersionStatus::kDraft: return "draft";
    case VersionStatus::kFinal: return "final";
    case VersionStatus::kCorrigendum: return "corrigendum";
  }
  return "draft";
}

std::optional<VersionStatus> ParseVersionStatus(std::string_view text) { return ParseEnum(text, kVersionStatuses); }

Result<void> CheckNextVersionStatus(const Document& document, VersionStatus status) {
  const DocumentVersion* final_text = nullptr;
  for (const auto& v : document.versions) {
    if (v.status == VersionStatus::kFinal) final_text = &v;
  }
  if (final_text && status != VersionStatus::kCorrigendum) {
    return Error::FailedPrecondition(document.symbol + " was issued final in version " +
                                         std::to_string(final_text->number) + "; it can now change only by a corrigendum",
                                     "status");
  }
  if (!final_text && status == VersionStatus::kCorrigendum) {
    return Error::FailedPrecondition(document.symbol + " has no final version yet: a corrigendum corrects an issued text",
                                     "status");
  }
  return Ok();
}

std::string VersionLabel(const Document& document, int number) {
  int corrigenda = 0;
  for (const auto& v : document.versions) {
    if (v.status == VersionStatus::kCorrigendum) ++corrigenda;
    if (v.number == number) {
      return v.status == VersionStatus::kCorrigendum ? "Corr." + std::to_string(corrigenda) : "";
    }
  }
  return "";
}

std::string_view ToString(StageKind kind) {
  switch (kind) {
    case StageKind::kSubmitted: return "submitted";
    case StageKind::kConsensusReached: return "consensus_reached";
    case StageKind::kApproved: return "approved";
    case StageKind::kRecommended: return "recommended";
    case StageKind::kAdopted: return "adopted";
  }
  return "submitted";
}

std::optional<StageKind> ParseStageKind(std::string_view text) { return ParseEnum(text, kStages); }

bool IsDocumentSymbol(std::string_view symbol) {
  if (symbol.empty() || symbol.size() > 64) return false;
  for (char c : symbol) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' ||
                    c == '.' || c == '-';
    if (!ok) return false;
  }
  return true;
}

const LanguageVersion* FindLanguage(const DocumentVersion& version, std::string_view lang) {
  for (const auto& l : version.languages) {
    if (l.content.lang == lang) return &l;
  }
  return nullptr;
}

}  // namespace chancery::core
