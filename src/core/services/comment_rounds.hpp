#pragma once
// Comment rounds (R22, R23): a version of a document circulated to Member States with a
// deadline; comments on paragraphs, optionally with proposed text, from the Member States it
// addresses (as of the comment's time) before the deadline; then the Secretariat's decision on
// each comment, applied in a new version of the document in the same transaction. Rounds are
// matters among Member States: observer delegates know nothing of them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/comment_round.hpp"
#include "core/model/document.hpp"
#include "core/model/user.hpp"
#include "core/services/deps.hpp"

namespace chancery::core {

struct NewCommentRound {
  int version = 0;                    // 0: the latest
  std::optional<Instant> deadline = {};  // default: the end of the day, in the organisation's
                                         // zone, comments.period_days after opening (R23)
  std::vector<std::string> addressees = {};  // default: the Member States on the day it opens
};

struct NewComment {
  std::string participant_id;
  std::string paragraph_id;
  std::string lang = "en";
  std::string text;
  std::optional<std::string> proposed_text = {};
};

struct CommentDecision {
  int seq = 0;
  CommentOutcome outcome = CommentOutcome::kAccepted;
  std::string reason = {};
  std::optional<std::string> applied_text = {};  // accepted with changes: the paragraph as applied
};

struct Consolidation {
  CommentRound round;
  DocumentVersion version;  // the new version, reflecting the accepted comments
};

// kFailedPrecondition once the document is issued final: comments no longer change it.
Result<CommentRound> OpenCommentRound(Deps& deps, const Actor& actor, std::int64_t document_id, NewCommentRound round);
Result<std::vector<CommentRound>> ListCommentRounds(Deps& deps, const Actor& actor, std::int64_t document_id);
Result<CommentRound> GetCommentRound(Deps& deps, const Actor& actor, std::int64_t id);
Result<Comment> SubmitComment(Deps& deps, const Actor& actor, std::int64_t round_id, NewComment comment);
// After the deadline, one decision per comment (kFailedPrecondition otherwise). Accepted
// comments apply their proposed text, accepted-with-changes ones their applied text; not
// accepted ones need a reason. `status` kFinal issues the new version as the final text (the
// minutes "reflecting comments"); kCorrigendum is refused (kInvalidArgument).
Result<Consolidation> ConsolidateCommentRound(Deps& deps, const Actor& actor, std::int64_t round_id,
                                              std::vector<CommentDecision> decisions, std::string reason,
                                              VersionStatus status = VersionStatus::kDraft);

}  // namespace chancery::core
