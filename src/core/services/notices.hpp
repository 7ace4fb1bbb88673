#pragma once
// Notices to users by e-mail (issue 5, part 6): a delegate is told, in their language and once,
// of a silence procedure launched and its outcome, a comment round opened and about to close,
// and a meeting convened, when it concerns their state, when they may see it, and when they
// have not turned that kind off.
//
// Events are planned in the use case's own write transaction (launch, conclusion, opening,
// convening), so a notice exists exactly when its event was committed. Against a flood of
// history (data from 2021 served in 2026), only events within notices.lookback_hours of now are
// planned, and the reminder pass looks only at rounds whose deadline is still ahead. The outbox
// keeps one notice per (user, event) for ever; the worker claims and sends them like the
// deliveries of notes, with the same retry rules.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/comment_round.hpp"
#include "core/model/document.hpp"
#include "core/model/meeting.hpp"
#include "core/model/notice.hpp"
#include "core/model/silence_procedure.hpp"
#include "core/model/user.hpp"
#include "core/policy.hpp"
#include "core/ports/mail.hpp"
#include "core/services/deps.hpp"

namespace chancery::core {

// Settings, read on every pass so that a change takes effect without a restart.
inline constexpr char kNoticeReminderHours[] = "notices.comment_reminder_hours";  // default 48
inline constexpr char kNoticeLookbackHours[] = "notices.lookback_hours";          // default 72
inline constexpr int kDefaultNoticeReminderHours = 48;
inline constexpr int kDefaultNoticeLookbackHours = 72;

struct NoticeSettings {
  std::chrono::hours reminder{kDefaultNoticeReminderHours};
  std::chrono::hours lookback{kDefaultNoticeLookbackHours};
};
Result<NoticeSettings> LoadNoticeSettings(Transaction& tx);
// kInvalidArgument unless `value` suits the notice setting `key`; true if `key` is one.
Result<bool> CheckNoticeSetting(std::string_view key, std::string_view value);

// Who is told of an object: active users with an address, bound to one of the `concerned`
// participants, wanting `kind`, and allowed by the policy to read every one of `objects` (an
// observer is never told of what is closed to them, whatever the caller passed as concerned).
std::vector<User> NoticeRecipients(const std::vector<User>& users, const std::vector<std::string>& concerned,
                                   NoticeKind kind, const std::vector<ObjectRef>& objects);

// Planning, inside the caller's write transaction; each returns how many notices it added.
Result<int> PlanSilenceLaunched(const Deps& deps, Transaction& tx, const SilenceRecord& record);
Result<int> PlanSilenceOutcome(const Deps& deps, Transaction& tx, const SilenceRecord& record);
Result<int> PlanCommentRoundOpened(const Deps& deps, Transaction& tx, const CommentRound& round, const Document& document);
Result<int> PlanMeetingConvened(const Deps& deps, Transaction& tx, const Meeting& meeting);

// The reminder pass: for every round closing within notices.comment_reminder_hours (deadline
// after now), one reminder to each concerned user whose state has not commented in it. A round
// opened already inside that window gets none: its opening notice gave the deadline.
Result<int> PlanCommentReminders(Deps& deps);

// The worker's steps, as for deliveries (dispatch.hpp): claims each due notice in a write
// transaction, sends it outside any, records the outcome. A notice no longer timely (past its
// stale_after), or whose user has since turned its kind off, lost the address or been
// deactivated, is dropped as failed instead of sent. Returns the attempts made.
Result<int> SendDueNotices(Deps& deps, MailSender& mail);
Result<std::optional<Instant>> NextNoticeAttempt(Deps& deps);

// A signed-in user's own notice settings: language and kinds. The address is the
// administrator's to set (UpdateUser), so that nobody redirects notices about their state.
struct NoticePreferences {
  std::optional<std::string> language = std::nullopt;  // unchanged when absent
  std::vector<std::pair<NoticeKind, bool>> kinds = {};  // only those named change
};
Result<User> GetOwnNoticeSettings(Deps& deps, const Actor& actor);
Result<User> SetOwnNoticeSettings(Deps& deps, const Actor& actor, NoticePreferences change);

}  // namespace chancery::core
