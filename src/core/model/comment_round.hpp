#pragma once
// Comment rounds (rules R22, R23): the Secretariat circulates a version of a document (draft
// minutes, a draft) to the Member States with a deadline; Member States comment on paragraphs,
// optionally proposing text, before the deadline; the Secretariat consolidates every comment
// (accepted, accepted with changes, not accepted, with a reason) into a new version. Every
// comment is kept.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.hpp"

namespace chancery::core {

enum class CommentOutcome { kPending, kAccepted, kAcceptedWithChanges, kNotAccepted };
std::string_view ToString(CommentOutcome outcome);  // "pending", "accepted", "accepted_with_changes", "not_accepted"
std::optional<CommentOutcome> ParseCommentOutcome(std::string_view text);

struct Comment {
  int seq = 0;  // 1, 2, … within the round
  std::string participant_id;
  std::string paragraph_id;
  std::string lang = "en";
  std::string text;
  std::optional<std::string> proposed_text = std::nullopt;  // the paragraph as the state would have it
  Instant submitted_at{};
  std::int64_t submitted_by = 0;  // user id
  CommentOutcome outcome = CommentOutcome::kPending;
  std::string reason = {};                               // why, as consolidated
  std::optional<std::string> applied_text = std::nullopt;  // accepted with changes: the text applied
};

struct CommentRound {
  std::int64_t id = 0;
  std::int64_t document_id = 0;
  int version = 0;  // the version circulated
  Instant opened_at{};
  Instant deadline{};
  std::vector<std::string> addressees;  // the Member States asked
  std::vector<Comment> comments;
  std::optional<int> consolidated_into = std::nullopt;  // the version reflecting the comments
};

}  // namespace chancery::core
