#include "core/model/comment_round.hpp"

namespace chancery::core {

std::string_view ToString(CommentOutcome outcome) {
  switch (outcome) {
    case CommentOutcome::kPending: return "pending";
    case CommentOutcome::kAccepted: return "accepted";
    case CommentOutcome::kAcceptedWithChanges: return "accepted_with_changes";
    case CommentOutcome::kNotAccepted: return "not_accepted";
  }
  return "pending";
}

std::optional<CommentOutcome> ParseCommentOutcome(std::string_view text) {
  for (auto o : {CommentOutcome::kPending, CommentOutcome::kAccepted, CommentOutcome::kAcceptedWithChanges,
                 CommentOutcome::kNotAccepted}) {
    if (ToString(o) == text) return o;
  }
  return std::nullopt;
}

}  // namespace chancery::core
