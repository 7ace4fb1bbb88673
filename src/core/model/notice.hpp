#pragma once
// E-mail notices to users (issue 5, part 6): besides notes, a delegate is told of what concerns
// their state — a silence procedure launched and its outcome, a comment round opened and about
// to close, a meeting convened — in their language, each once, and only the kinds they chose.
// A notice is kept in an outbox keyed by (user, event): planning the same event again, from any
// pass or any server, adds nothing. It is sent and retried like a note's delivery.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/delivery.hpp"
#include "core/result.hpp"
#include "core/time.hpp"

namespace chancery::core {

enum class NoticeKind {
  kSilenceLaunched,
  kSilenceOutcome,
  kCommentRoundOpened,
  kCommentRoundClosing,  // the reminder before the deadline
  kMeetingConvened,
};
inline constexpr std::array<NoticeKind, 5> kAllNoticeKinds = {
    NoticeKind::kSilenceLaunched, NoticeKind::kSilenceOutcome, NoticeKind::kCommentRoundOpened,
    NoticeKind::kCommentRoundClosing, NoticeKind::kMeetingConvened};
std::string_view ToString(NoticeKind kind);  // "silence_launched", …
std::optional<NoticeKind> ParseNoticeKind(std::string_view text);

// The kinds a user does not want; every kind is on unless turned off, so that a new kind
// reaches everyone until they decline it.
struct NoticeChoices {
  std::vector<NoticeKind> off;  // each at most once, in kAllNoticeKinds order
  bool Wants(NoticeKind kind) const;
  void Set(NoticeKind kind, bool on);
  bool operator==(const NoticeChoices&) const = default;
};
// "comment_round_closing,meeting_convened": the kinds turned off, as storage keeps them.
std::string FormatNoticesOff(const NoticeChoices& choices);
std::optional<NoticeChoices> ParseNoticesOff(std::string_view text);

// What one event is, for the outbox's once-per-user key: "silence:12:launched".
std::string NoticeEventKey(NoticeKind kind, std::int64_t object_id);

struct Notice : DeliveryAttempts {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string event_key;
  NoticeKind kind = NoticeKind::kSilenceLaunched;
  std::string address;  // the user's address when it was planned
  std::string lang = "en";
  std::string subject;
  std::string body;
  Instant created_at{};
  // After this instant the notice is no longer worth sending (a reminder after the deadline, a
  // launch after the expiry): the worker drops it instead. nullopt: always worth sending.
  std::optional<Instant> stale_after = std::nullopt;
};

// A notice's wording in one language: subject and body with {{name}} placeholders
// (data/templates/notices). The file is the subject line, a blank line, then the body.
struct NoticeWording {
  std::string subject;
  std::string body;
};
Result<NoticeWording> ParseNoticeWording(std::string_view text);
// Fills every {{name}}; kInvalidArgument naming a placeholder that has no value, so that a
// template error never reaches a reader as raw braces.
Result<std::string> ExpandNotice(std::string_view text, const std::map<std::string, std::string>& values);

}  // namespace chancery::core
