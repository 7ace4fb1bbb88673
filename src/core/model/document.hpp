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

#include "core/model/participant.hpp"
#include "core/result.hpp"

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

}  // namespace chancery::core
