// The storage contract of notices to users, run against both adapters: users' address,
// language and choices; the outbox, one notice per (user, event) for ever, with the due query
// the worker claims from; and the rounds a reminder pass looks at.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "core/ports/store.hpp"
#include "storage/store_contract_fixture.hpp"

namespace chancery::storage {
namespace {

using namespace std::chrono;
using core::ErrorCode;
using core::TxMode;

core::Instant At(std::int64_t seconds) { return core::Instant{std::chrono::seconds{seconds}}; }

class NoticesContract : public AdapterContract {
 protected:
  std::int64_t InsertUser(core::Transaction& tx, std::string name) {
    core::User u;
    u.username = std::move(name);
    u.display_name = u.username;
    u.role = core::Role::kOfficer;
    u.password_hash = "x";
    auto id = tx.Users().Insert(u);
    EXPECT_TRUE(id) << id.error().message;
    return id ? *id : 0;
  }
  core::Notice Queued(std::int64_t user, std::string key, std::int64_t at) {
    core::Notice n;
    n.user_id = user;
    n.event_key = std::move(key);
    n.kind = core::NoticeKind::kCommentRoundClosing;
    n.address = "delegate@mfa.kz";
    n.lang = "kk";
    n.subject = "Еске салу: SOC/2021-I/Minutes";
    n.body = "Хатшылық еске салады.\n";
    n.created_at = At(at - 10);
    n.stale_after = At(at + 1000);
    n.next_attempt_at = At(at);
    return n;
  }
};

TEST_P(NoticesContract, UsersKeepTheirAddressLanguageAndNoticeChoices) {
  auto tx = Begin(TxMode::kWrite);
  core::User u;
  u.username = "delegate.rus";
  u.display_name = "Delegate";
  u.role = core::Role::kOfficer;
  u.email = "delegate@mid.ru";
  u.language = "ru";
  u.notices.Set(core::NoticeKind::kMeetingConvened, false);
  u.notices.Set(core::NoticeKind::kSilenceLaunched, false);
  const auto id = *tx->Users().Insert(u);
  const auto plain = InsertUser(*tx, "officer");
  ASSERT_TRUE(tx->Commit());
  tx.reset();  // one writer at a time: the last transaction ends first
  tx = Begin(TxMode::kWrite);
  auto got = **tx->Users().Find(id);
  EXPECT_EQ(got.email, "delegate@mid.ru");
  EXPECT_EQ(got.language, "ru");
  EXPECT_EQ(got.notices, u.notices);
  EXPECT_FALSE(got.notices.Wants(core::NoticeKind::kMeetingConvened));
  auto defaults = **tx->Users().Find(plain);
  EXPECT_EQ(defaults.email, std::nullopt);
  EXPECT_EQ(defaults.language, "en");
  EXPECT_TRUE(defaults.notices.off.empty());
  got.email = std::nullopt;
  got.language = "kk";
  got.notices = {};
  ASSERT_TRUE(tx->Users().Update(got));
  ASSERT_TRUE(tx->Commit());
  tx.reset();
  tx = Begin(TxMode::kRead);
  auto updated = **tx->Users().FindByUsername("delegate.rus");
  EXPECT_EQ(updated.email, std::nullopt);
  EXPECT_EQ(updated.language, "kk");
  EXPECT_TRUE(updated.notices.off.empty());
}

TEST_P(NoticesContract, TheOutboxHoldsOneNoticePerUserAndEventForEver) {
  auto tx = Begin(TxMode::kWrite);
  const auto kaz = InsertUser(*tx, "delegate.kaz");
  const auto ind = InsertUser(*tx, "delegate.ind");
  auto first = tx->Notices().Enqueue(Queued(kaz, "comment_round:3:closing", 100));
  ASSERT_TRUE(first) << first.error().message;
  ASSERT_TRUE(first->has_value());
  // The same event for the same user again: nothing stored, no error.
  auto again = tx->Notices().Enqueue(Queued(kaz, "comment_round:3:closing", 200));
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_FALSE(again->has_value());
  auto other_user = tx->Notices().Enqueue(Queued(ind, "comment_round:3:closing", 100));
  auto other_event = tx->Notices().Enqueue(Queued(kaz, "comment_round:4:closing", 100));
  ASSERT_TRUE(other_user && other_event);
  ASSERT_TRUE(other_user->has_value() && other_event->has_value());
  EXPECT_LT(**first, **other_user);
  EXPECT_EQ(tx->Notices().Enqueue(Queued(999, "silence:1:launched", 100)).error().code, ErrorCode::kFailedPrecondition);
  ASSERT_TRUE(tx->Commit());

  tx.reset();  // one writer at a time: the last transaction ends first
  tx = Begin(TxMode::kWrite);
  EXPECT_TRUE(*tx->Notices().Has(kaz, "comment_round:3:closing"));
  EXPECT_FALSE(*tx->Notices().Has(ind, "comment_round:4:closing"));
  // Sent is still there: a later pass must not plan it again.
  core::Notice sent = **tx->Notices().Find(**first);
  EXPECT_EQ(sent.user_id, kaz);
  EXPECT_EQ(sent.kind, core::NoticeKind::kCommentRoundClosing);
  EXPECT_EQ(sent.address, "delegate@mfa.kz");
  EXPECT_EQ(sent.lang, "kk");
  EXPECT_EQ(sent.subject, "Еске салу: SOC/2021-I/Minutes");
  EXPECT_EQ(sent.body, "Хатшылық еске салады.\n");
  EXPECT_EQ(sent.created_at, At(90));
  EXPECT_EQ(sent.stale_after, At(1100));
  EXPECT_EQ(sent.next_attempt_at, At(100));  // the first enqueue's, not the ignored second's
  sent.status = core::DeliveryStatus::kSent;
  sent.attempts = 1;
  sent.next_attempt_at = std::nullopt;
  sent.sent_at = At(101);
  ASSERT_TRUE(tx->Notices().Update(sent));
  auto after_sent = tx->Notices().Enqueue(Queued(kaz, "comment_round:3:closing", 300));
  ASSERT_TRUE(after_sent) << after_sent.error().message;
  EXPECT_FALSE(after_sent->has_value());
  ASSERT_TRUE(tx->Commit());

  tx.reset();
  tx = Begin(TxMode::kRead);
  auto mine = *tx->Notices().ListForUser(kaz);
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(mine[0].status, core::DeliveryStatus::kSent);
  EXPECT_EQ(mine[0].sent_at, At(101));
  EXPECT_EQ(mine[0].attempts, 1);
  EXPECT_EQ(mine[1].event_key, "comment_round:4:closing");
  EXPECT_FALSE(tx->Notices().Find(12345)->has_value());
  core::Notice missing = mine[1];
  missing.id = 12345;
  tx.reset();
  tx = Begin(TxMode::kWrite);
  EXPECT_EQ(tx->Notices().Update(missing).error().code, ErrorCode::kNotFound);
}

TEST_P(NoticesContract, DueListsQueuedNoticesByTimeThenIdUpToTheLimit) {
  auto tx = Begin(TxMode::kWrite);
  const auto user = InsertUser(*tx, "delegate.kaz");
  EXPECT_EQ(*tx->Notices().NextAttempt(), std::nullopt);
  const auto late = **tx->Notices().Enqueue(Queued(user, "a", 300));
  const auto early = **tx->Notices().Enqueue(Queued(user, "b", 100));
  const auto tie = **tx->Notices().Enqueue(Queued(user, "c", 100));
  auto failed = Queued(user, "d", 50);
  failed.status = core::DeliveryStatus::kFailed;
  failed.next_attempt_at = std::nullopt;
  ASSERT_TRUE(tx->Notices().Enqueue(failed));
  ASSERT_TRUE(tx->Commit());

  tx.reset();
  tx = Begin(TxMode::kRead);
  EXPECT_TRUE(tx->Notices().Due(At(99), 10)->empty());
  auto due = *tx->Notices().Due(At(100), 10);
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].id, early);
  EXPECT_EQ(due[1].id, tie);
  due = *tx->Notices().Due(At(1000), 10);
  ASSERT_EQ(due.size(), 3u);
  EXPECT_EQ(due[2].id, late);
  EXPECT_EQ(tx->Notices().Due(At(1000), 1)->size(), 1u);
  EXPECT_EQ(*tx->Notices().NextAttempt(), At(100));
}

TEST_P(NoticesContract, RoundsClosingBetweenAreTheOpenOnesWithADeadlineInTheWindowByDeadline) {
  auto tx = Begin(TxMode::kWrite);
  auto round = [&](std::int64_t deadline, std::optional<int> consolidated) {
    core::CommentRound r;
    r.document_id = 1;
    r.version = 1;
    r.opened_at = At(0);
    r.deadline = At(deadline);
    r.addressees = {"KAZ", "RUS"};
    r.consolidated_into = consolidated;
    return *tx->CommentRounds().Insert(r);
  };
  const auto later = round(300, std::nullopt);
  const auto sooner = round(200, std::nullopt);
  round(250, 2);                 // consolidated: nothing to remind of
  round(100, std::nullopt);      // at the window's start: already closed
  round(401, std::nullopt);      // beyond it
  const auto at_end = round(400, std::nullopt);
  ASSERT_TRUE(tx->Commit());
  tx.reset();
  tx = Begin(TxMode::kRead);
  auto closing = *tx->CommentRounds().ClosingBetween(At(100), At(400));
  ASSERT_EQ(closing.size(), 3u);
  EXPECT_EQ(closing[0].id, sooner);
  EXPECT_EQ(closing[1].id, later);
  EXPECT_EQ(closing[2].id, at_end);
  EXPECT_EQ(closing[0].addressees, (std::vector<std::string>{"KAZ", "RUS"}));
}

INSTANTIATE_TEST_SUITE_P(Adapters, NoticesContract, kBothAdapters, AdapterName);

}  // namespace
}  // namespace chancery::storage
