#pragma once
// Documents as chancery keeps them (issue 4): a registry entry with a symbol, kind, body and
// access category, and immutable versions, each holding parallel language versions whose
// content is a list of paragraphs with stable identifiers. Renderers (PDF, DOCX, Akoma Ntoso,
// text), the diff, comments and search all work on these paragraphs.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/decision_symbol.hpp"
#include "core/model/participant.hpp"
#include "core/result.hpp"
#include "core/time.hpp"

namespace chancery::core {

enum class DocumentKind { kDraftRegulation, kDecision, kAgenda, kMinutes, kListOfParticipants, kReport, kNote };
std::string_view ToString(DocumentKind kind);  // "draft_regulation", "decision", "agenda", "minutes", …
std::optional<DocumentKind> ParseDocumentKind(std::string_view text);

// Who may read a document at all; within minutes, paragraphs under an item closed to observers
// are hidden from them as the item is (Paragraph::closed_to_observers).
enum class AccessCategory { kPublic, kMembersAndObservers, kMemberStatesOnly, kSecretariatOnly };
std::string_view ToString(AccessCategory access);  // "public", "members_and_observers", …
std::optional<AccessCategory> ParseAccessCategory(std::string_view text);

// The part a paragraph plays in the layout. Minutes in the seed's layout use all of them:
//   kTitle        "MINUTES OF THE SENIOR OFFICIALS COMMITTEE MEETING on 23 June 2021 (online format)"
//   kText         a paragraph of running text
//   kItemHeading  "1. Opening of the meeting" (the item's number is in item_number)
//   kSubheading   "Comments", "Decisions", "Statement by …" (written "- Comments" in the seed)
//   kListItem     "China and Jordan in the priority area …" (written "- …" in the seed)
enum class ParagraphStyle { kTitle, kText, kItemHeading, kSubheading, kListItem };
std::string_view ToString(ParagraphStyle style);  // "title", "text", "item_heading", "subheading", "list_item"
std::optional<ParagraphStyle> ParseParagraphStyle(std::string_view text);

struct Paragraph {
  std::string id;  // stable across versions and languages: "p12", "item-4-p3"; [a-z0-9-]{1,64}
  ParagraphStyle style = ParagraphStyle::kText;
  std::string text;  // plain UTF-8; inline emphasis is not kept
  int item_number = 0;  // the agenda item it belongs to (minutes), 0 for none
  bool closed_to_observers = false;  // copied from the item when the minutes are made
};

// One language's text of a document version, with the title as written in that language.
struct DocumentContent {
  std::string lang;  // en, ru, kk
  std::string title;
  std::vector<Paragraph> paragraphs;
};

// Checks ids (present, well-formed, unique) and styles (an item heading has its number).
// kInvalidArgument naming "paragraphs[i].…".
Result<void> ValidateContent(const DocumentContent& content);

// How far a language version is from being usable: the original, a translation under way, a
// finished translation, a translation checked against the original.
enum class TranslationStatus { kOriginal, kInProgress, kTranslated, kVerified };
std::string_view ToString(TranslationStatus status);  // "original", "in_progress", "translated", "verified"
std::optional<TranslationStatus> ParseTranslationStatus(std::string_view text);

struct LanguageVersion {
  DocumentContent content;
  TranslationStatus status = TranslationStatus::kOriginal;
};

// Where a version stands in the document's issue: drafts until the Secretariat issues the
// final text (minutes "reflecting comments"); after that the text changes only by corrigenda,
// numbered Corr.1, Corr.2, … in the order issued.
enum class VersionStatus { kDraft, kFinal, kCorrigendum };
std::string_view ToString(VersionStatus status);  // "draft", "final", "corrigendum"
std::optional<VersionStatus> ParseVersionStatus(std::string_view text);

// A version never changes once stored: a correction is a new version with its reason.
struct DocumentVersion {
  int number = 0;  // 1, 2, … within the document
  Instant created_at{};
  std::int64_t author_id = 0;  // user id; 0 for the system
  std::string author;          // username, as it was
  std::string reason;          // "draft circulated for comments", "reflecting comments of Member States"
  std::vector<LanguageVersion> languages;  // at most one per language; exactly one kOriginal
  VersionStatus status = VersionStatus::kDraft;
};

// A step of a draft through the bodies (SWG → SOC → MM), tied to the meeting and decision
// that took it.
enum class StageKind { kSubmitted, kConsensusReached, kApproved, kRecommended, kAdopted };
std::string_view ToString(StageKind kind);  // "submitted", "consensus_reached", "approved", "recommended", "adopted"
std::optional<StageKind> ParseStageKind(std::string_view text);

struct DocumentStage {
  BodyCode body = BodyCode::kSwg;
  StageKind kind = StageKind::kSubmitted;
  Date on;
  std::optional<std::int64_t> meeting_id = std::nullopt;
  std::optional<std::int64_t> decision_id = std::nullopt;
  std::optional<BodyCode> recommended_to = std::nullopt;
};

struct Document {
  std::int64_t id = 0;
  std::string symbol;                       // current: "MM/2021/DRAFT/1", "SOC/2021-I/Minutes"
  std::vector<std::string> former_symbols;  // earlier symbols stay findable (a draft's, once adopted)
  DocumentKind kind = DocumentKind::kNote;
  BodyCode body = BodyCode::kSoc;           // the body it is addressed to or issued by
  AccessCategory access = AccessCategory::kMemberStatesOnly;
  std::string original_language = "en";
  std::optional<std::int64_t> meeting_id = std::nullopt;  // minutes, agenda: the meeting
  std::vector<DocumentVersion> versions;    // in number order
  std::vector<DocumentStage> stages;        // in the order taken
};

// kFailedPrecondition unless a version of `status` may follow the document's versions: drafts
// and the final text only until the final text is issued, corrigenda only after it.
Result<void> CheckNextVersionStatus(const Document& document, VersionStatus status);

// "Corr.1" for the document's first corrigendum version, …; "" for drafts and the final text.
std::string VersionLabel(const Document& document, int number);

// A symbol as documents use them: 1 to 64 of A-Z a-z 0-9 / . - (no spaces).
bool IsDocumentSymbol(std::string_view symbol);

// The content of `version` in `lang`, or null.
const LanguageVersion* FindLanguage(const DocumentVersion& version, std::string_view lang);

}  // namespace chancery::core
