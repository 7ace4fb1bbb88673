// The delivery worker's thread sends a queued delivery, retries a failed one once the clock
// passes its back-off, and stops promptly.
#include "app/delivery_worker.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "app/embedded_notice_templates.hpp"
#include "core/services/comment_rounds.hpp"
#include "core/services/dispatch.hpp"
#include "core/services/documents.hpp"
#include "core/services/notices.hpp"
#include "core/services/notes.hpp"
#include "core/services/participants.hpp"
#include "core/services/users.hpp"
#include "core/testing/builders.hpp"
#include "core/testing/fakes.hpp"
#include "platform/system_clock.hpp"
#include "render/document_renderer.hpp"
#include "storage/memory/memory_store.hpp"

namespace chancery::app {
namespace {

using namespace std::chrono;

// Refuses the first message, accepts the rest.
class FlakyMail : public core::MailSender {
 public:
  core::Result<void> Send(const core::MailMessage& message) override {
    std::lock_guard lock(mutex_);
    if (++calls_ == 1) return core::Error::Unavailable("421 try again later");
    sent_.push_back(message.to);
    return core::Ok();
  }
  std::vector<std::string> Sent() {
    std::lock_guard lock(mutex_);
    return sent_;
  }

 private:
  std::mutex mutex_;
  int calls_ = 0;
  std::vector<std::string> sent_;
};

TEST(DeliveryWorker, SendsAndRetriesAfterTheBackOffOnTheClockPort) {
  storage::MemoryStore store;
  const core::Instant start{sys_days{year{2021} / July / 12} + 4h};
  platform::ManualClock clock(start);
  core::testing::FakeDigest digest;
  core::testing::FakePasswordHasher hasher;
  core::testing::FakeRandom random;
  core::testing::FixedOffsetZone zone(hours{6});
  core::testing::IsoDateFormatter formatter;
  core::Deps deps{store, clock, digest, hasher, random, zone, formatter, {}};
  // The real renderer: the worker renders each note's PDFs before sending it.
  render::DocumentRenderer renderer;
  deps.renderer = &renderer;
  const core::Actor officer{2, "officer", core::Role::kOfficer, std::nullopt};
  ASSERT_TRUE(core::CreateParticipant(deps, core::Actor::System(),
                                      core::testing::StateWith("KAZ", year{2002} / June / 4, core::ParticipantStatus::kMember)));
  ASSERT_TRUE(core::SetAddresses(deps, officer, "KAZ", {"nv@mfa.kz"}));
  core::NewNote n;
  n.index = "17-1";
  n.subject = "Final minutes";
  n.scope = core::AddresseeScope::kOne;
  n.addressees = {"KAZ"};
  n.languages = {"en"};
  n.texts = {{"en", {{core::NoteBlockRole::kText, "The Secretariat presents its compliments."}}}};
  auto note = core::CreateNote(deps, officer, n);
  ASSERT_TRUE(note);
  ASSERT_TRUE(core::RegisterNote(deps, officer, note->id));
  ASSERT_TRUE(core::DispatchNote(deps, officer, note->id));

  FlakyMail mail;
  DeliveryWorker worker(deps, mail, milliseconds{20});
  worker.Start();
  auto delivery = [&] { return core::ListDeliveries(deps, officer, note->id)->front(); };
  for (int i = 0; i < 200 && delivery().attempts == 0; ++i) std::this_thread::sleep_for(milliseconds{10});
  std::this_thread::sleep_for(milliseconds{100});
  // The first attempt failed and waits out the default back-off (a minute) on the clock port.
  EXPECT_EQ(delivery().attempts, 1);
  EXPECT_EQ(delivery().last_error, "421 try again later");
  EXPECT_EQ(*delivery().next_attempt_at, start + minutes{1});
  EXPECT_TRUE(mail.Sent().empty());

  clock.Set(start + minutes{1});
  for (int i = 0; i < 200 && delivery().status != core::DeliveryStatus::kSent; ++i) {
    std::this_thread::sleep_for(milliseconds{10});
  }
  const auto stopping = steady_clock::now();
  worker.Stop();
  EXPECT_LT(steady_clock::now() - stopping, milliseconds{500});
  EXPECT_EQ(delivery().status, core::DeliveryStatus::kSent);
  EXPECT_EQ(delivery().attempts, 2);
  EXPECT_EQ(*delivery().sent_at, start + minutes{1});
  EXPECT_EQ(mail.Sent(), std::vector<std::string>{"nv@mfa.kz"});
}

// One pass of the worker also plans the comment reminders that have come due and sends the
// notices to users, with the built-in wording in the user's language.
TEST(DeliveryWorker, APassPlansRemindersAndSendsNotices) {
  storage::MemoryStore store;
  const core::Instant start{sys_days{year{2021} / June / 25} + 4h};
  platform::ManualClock clock(start);
  core::testing::FakeDigest digest;
  core::testing::FakePasswordHasher hasher;
  core::testing::FakeRandom random;
  core::testing::FixedOffsetZone zone(hours{6});
  core::testing::IsoDateFormatter formatter;
  auto templates = EmbeddedNoticeTemplates::Load();
  ASSERT_TRUE(templates) << templates.error().message;
  core::Deps deps{store, clock, digest, hasher, random, zone, formatter, {}};
  deps.notice_templates = &*templates;
  const core::Actor officer{2, "officer", core::Role::kOfficer, std::nullopt};
  ASSERT_TRUE(core::CreateParticipant(deps, core::Actor::System(),
                                      core::testing::StateWith("KAZ", year{2002} / June / 4, core::ParticipantStatus::kMember)));
  core::NewUser kaz{"delegate.kaz", "Delegate", core::Role::kMemberDelegate, "KAZ", "correct horse battery"};
  kaz.email = "delegate@mfa.kz";
  kaz.language = "kk";
  ASSERT_TRUE(core::CreateUser(deps, core::Actor::System(), kaz));
  core::NewDocument minutes{"SOC/2021-I/Minutes", core::DocumentKind::kMinutes, core::BodyCode::kSoc,
                            core::AccessCategory::kMembersAndObservers, std::nullopt, "draft minutes",
                            {{{"en", "Minutes", {{"p1", core::ParagraphStyle::kText, "Text.", 0}}},
                              core::TranslationStatus::kOriginal}}};
  auto d = core::CreateDocument(deps, officer, minutes);
  ASSERT_TRUE(d) << d.error().message;
  auto round = core::OpenCommentRound(deps, officer, d->id, {});
  ASSERT_TRUE(round) << round.error().message;

  FlakyMail mail;  // refuses the first message: the opening notice is retried after a minute
  DeliveryWorker worker(deps, mail, milliseconds{20});
  auto first = worker.RunOnce();
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(*first, 1);
  EXPECT_TRUE(mail.Sent().empty());
  clock.Set(round->deadline - hours{24});
  auto second = worker.RunOnce();
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(*second, 2);  // the opening, retried, and the reminder planned in this pass
  EXPECT_EQ(mail.Sent(), (std::vector<std::string>{"delegate@mfa.kz", "delegate@mfa.kz"}));
  EXPECT_EQ(*worker.RunOnce(), 0);
}

}  // namespace
}  // namespace chancery::app
