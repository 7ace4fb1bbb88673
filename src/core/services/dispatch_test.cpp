// Dispatch on the memory store with a fake clock and a fake mail sender: deliveries queued in
// the dispatch transaction, claimed once however many workers look, retried with back-off,
// and a note that keeps its number whatever its deliveries do.
#include "core/services/dispatch.hpp"

#include <gtest/gtest.h>

#include "core/services/notes.hpp"
#include "core/services/participants.hpp"
#include "core/services/settings.hpp"
#include "core/testing/builders.hpp"
#include "core/testing/fakes.hpp"
#include "storage/memory/memory_store.hpp"

namespace chancery::core {
namespace {

using namespace std::chrono;

const Actor kOfficer{2, "officer", Role::kOfficer, std::nullopt};
const Actor kIndia{4, "delegate.ind", Role::kMemberDelegate, "IND"};
const Instant kStart{sys_days{year{2021} / July / 12} + 4h};

// Records what it is asked to send; fails while `down` is set, as a refused connection would.
class FakeMail : public MailSender {
 public:
  Result<void> Send(const MailMessage& message) override {
    if (down) return Error::Unavailable("Couldn't connect to server");
    sent.push_back(message);
    return Ok();
  }
  bool down = false;
  std::vector<MailMessage> sent;
};

class Dispatch : public ::testing::Test {
 protected:
  Dispatch() : clock_(kStart), zone_(hours{6}, "Asia/Almaty"), deps_{store_, clock_, digest_, hasher_, random_, zone_, formatter_, {}} {}

  void SetUp() override {
    for (const char* id : {"KAZ", "IND"}) {
      ASSERT_TRUE(CreateParticipant(deps_, Actor::System(),
                                    testing::StateWith(id, year{2002} / June / 4, ParticipantStatus::kMember)));
    }
    ASSERT_TRUE(SetSetting(deps_, Actor::System(), kDispatchRetryBaseMs, "10000"));
    ASSERT_TRUE(SetSetting(deps_, Actor::System(), kDispatchMaxAttempts, "3"));
    ASSERT_TRUE(SetSetting(deps_, Actor::System(), kSmtpFrom, "nv@cica.example"));
  }

  std::int64_t Registered() {
    NewNote n;
    n.index = "17-1";
    n.subject = "Final minutes";
    n.scope = AddresseeScope::kList;
    n.addressees = {"KAZ", "IND"};
    n.languages = {"en"};
    n.texts = {{"en", {{NoteBlockRole::kText, "The Secretariat presents its compliments."}}}};
    auto created = CreateNote(deps_, kOfficer, n);
    EXPECT_TRUE(created) << created.error().message;
    auto registered = RegisterNote(deps_, kOfficer, created->id);
    EXPECT_TRUE(registered) << registered.error().message;
    return created->id;
  }

  storage::MemoryStore store_;
  testing::FakeClock clock_;
  testing::FakeDigest digest_;
  testing::FakePasswordHasher hasher_;
  testing::FakeRandom random_;
  testing::FixedOffsetZone zone_;
  testing::IsoDateFormatter formatter_;
  Deps deps_;
  FakeMail mail_;
};

TEST_F(Dispatch, AddressesAreTheSecretariatsAndMustBeAddresses) {
  EXPECT_EQ(SetAddresses(deps_, kIndia, "IND", {"a@mea.gov.in"}).error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(GetAddresses(deps_, kIndia, "IND").error().code, ErrorCode::kPermissionDenied);
  auto bad = SetAddresses(deps_, kOfficer, "IND", {"a@mea.gov.in", "not an address"});
  EXPECT_EQ(bad.error().field, "addresses[1]");
  EXPECT_EQ(SetAddresses(deps_, kOfficer, "IND", {"a@mea.gov.in", "A@MEA.gov.in"}).error().field, "addresses[1]");
  EXPECT_EQ(SetAddresses(deps_, kOfficer, "XXX", {"a@x.org"}).error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(SetAddresses(deps_, kOfficer, "IND", {"b@mea.gov.in", "a@mea.gov.in"}));
  EXPECT_EQ(*GetAddresses(deps_, kOfficer, "IND"), (std::vector<std::string>{"b@mea.gov.in", "a@mea.gov.in"}));
}

TEST_F(Dispatch, OnlyARegisteredNoteWhoseAddresseesAllHaveAddressesIsDispatched) {
  const auto id = Registered();
  ASSERT_TRUE(SetAddresses(deps_, kOfficer, "KAZ", {"nv@mfa.kz"}));
  auto refused = DispatchNote(deps_, kOfficer, id);
  EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(refused.error().message, "no registered address for IND");
  EXPECT_EQ(GetNote(deps_, kOfficer, id)->status, NoteStatus::kRegistered);
  EXPECT_TRUE(ListDeliveries(deps_, kOfficer, id)->empty());

  ASSERT_TRUE(SetAddresses(deps_, kOfficer, "IND", {"cica@mea.gov.in", "desk@mea.gov.in"}));
  EXPECT_EQ(DispatchNote(deps_, kIndia, id).error().code, ErrorCode::kPermissionDenied);
  auto queued = DispatchNote(deps_, kOfficer, id);
  ASSERT_TRUE(queued) << queued.error().message;
  ASSERT_EQ(queued->size(), 3u);
  EXPECT_EQ((*queued)[0].address, "nv@mfa.kz");
  EXPECT_EQ((*queued)[2].participant_id, "IND");
  EXPECT_EQ((*queued)[2].address, "desk@mea.gov.in");
  EXPECT_EQ((*queued)[1].status, DeliveryStatus::kQueued);
  EXPECT_EQ(*(*queued)[1].next_attempt_at, kStart);
  auto note = GetNote(deps_, kOfficer, id);
  EXPECT_EQ(note->status, NoteStatus::kDispatched);
  EXPECT_EQ(*note->dispatched_at, kStart);
  EXPECT_EQ(DispatchNote(deps_, kOfficer, id).error().code, ErrorCode::kFailedPrecondition);
  // A delegate sees their own state's rows of the log, not Kazakhstan's address.
  auto india = ListDeliveries(deps_, kIndia, id);
  ASSERT_TRUE(india) << india.error().message;
  ASSERT_EQ(india->size(), 2u);
  EXPECT_EQ((*india)[0].address, "cica@mea.gov.in");
  EXPECT_EQ((*india)[1].address, "desk@mea.gov.in");
  for (const auto& d : *india) EXPECT_EQ(d.participant_id, "IND");
}

TEST_F(Dispatch, ADelegateSeesNoLogOfANoteNotAddressedToTheirState) {
  const auto id = Registered();
  ASSERT_TRUE(SetAddresses(deps_, kOfficer, "KAZ", {"nv@mfa.kz"}));
  ASSERT_TRUE(SetAddresses(deps_, kOfficer, "IND", {"cica@mea.gov.in"}));
  ASSERT_TRUE(DispatchNote(deps_, kOfficer, id));
  const Actor kuwait{6, "delegate.kwt", Role::kMemberDelegate, "KWT"};
  EXPECT_EQ(ListDeliveries(deps_, kuwait, id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(ListDeliveries(deps_, kOfficer, id)->size(), 2u);
  // A draft's (empty) log is hidden from delegates like the draft itself.
  NewNote n;
  n.index = "17-1";
  n.subject = "Draft";
  n.scope = AddresseeScope::kList;
  n.addressees = {"IND"};
  n.languages = {"en"};
  auto draft = CreateNote(deps_, kOfficer, n);
  ASSERT_TRUE(draft);
  EXPECT_EQ(ListDeliveries(deps_, kIndia, draft->id).error().code, ErrorCode::kNotFound);
}

TEST_F(Dispatch, ASentAndAFailedForGoodDeliveryAreAuditedOnceEachBySystem) {
  const auto id = Registered();
  ASSERT_TRUE(SetAddresses(deps_, kOfficer, "KAZ", {"nv@mfa.kz"}));
  ASSERT_TRUE(SetAddresses(deps_, kOfficer, "IND", {"cica@mea.gov.in"}));
  ASSERT_TRUE(DispatchNote(deps_, kOfficer, id));
  auto audit = [&](std::string_view prefix) {
    auto tx = store_.Begin(TxMode::kRead);
    auto all = (*tx)->Audit().List(0, 1000);
    std::vector<AuditRecord> out;
    for (auto& r : *all) {
      if (r.action.rfind(prefix, 0) == 0) out.push_back(std::move(r));
    }
    return out;
  };
  // Kazakhstan's goes out at once; India's server refuses every attempt (3 allowed).
  RetryPolicy policy;
  policy.max_attempts = 3;
  policy.base_delay = seconds{10};  // due again within the minute each round advances
  for (int attempt = 0; attempt < 3; ++attempt) {
    for (;;) {
      auto claimed = ClaimDueDelivery(deps_, policy);
      ASSERT_TRUE(claimed);
      if (!*claimed) break;
      const bool india = (*claimed)->participant_id == "IND";
      ASSERT_TRUE(RecordDeliveryOutcome(deps_, policy, (*claimed)->id,
                                        india ? std::optional<std::string>("550 mailbox unavailable") : std::nullopt));
    }
    // Retries are not outcomes: nothing audited for India until the last attempt.
    EXPECT_EQ(audit("note.delivery_failed").size(), attempt < 2 ? 0u : 1u) << attempt;
    clock_.Advance(minutes{1});
  }
  const auto sent = audit("note.delivery_sent");
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].actor, "system");
  EXPECT_EQ(sent[0].object_kind, "delivery");
  EXPECT_EQ(sent[0].object_id, "17-1/1 KAZ nv@mfa.kz");
  const auto failed = audit("note.delivery_failed");
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0].actor, "system");
  EXPECT_EQ(failed[0].object_id, "17-1/1 IND cica@mea.gov.in");
  EXPECT_NE(failed[0].before_digest, failed[0].after_digest);
  // Nothing more happens to either, and nothing more is recorded.
  EXPECT_EQ(*SendDueDeliveries(deps_, mail_), 0);
  EXPECT_EQ(audit("note.delivery").size(), 2u);
}

TEST_F(Dispatch, ADueDeliveryIsClaimedByOneWorkerOnly) {
  const auto id = Registered();
  ASSERT_TRUE(SetAddresses(deps_, kOfficer, "KAZ", {"nv@mfa.kz"}));
  ASSERT_TRUE(SetAddresses(deps_, kOfficer, "IND", {"cica@mea.gov.in"}));
  ASSERT_TRUE(DispatchNote(deps_, kOfficer, id));
  RetryPolicy policy;
  policy.claim_for = minutes{5};
  // Two workers (two servers over one store) look at the same moment.
  Deps other = deps_.With(store_);
  auto first = ClaimDueDelivery(deps_, policy);
  auto second = ClaimDueDelivery(other, policy);
  auto third = ClaimDueDelivery(deps_, policy);
  ASSERT_TRUE(*first && *second);
  EXPECT_NE((*first)->id, (*second)->id);
  EXPECT_FALSE(third->has_value());
  EXPECT_EQ((*first)->attempts, 1);
  // Neither reported back (both died): due again when the claims end, not before.
  clock_.Advance(minutes{5} - milliseconds{1});
  EXPECT_FALSE(ClaimDueDelivery(deps_, policy)->has_value());
  clock_.Advance(milliseconds{1});
  auto again = ClaimDueDelivery(deps_, policy);
  ASSERT_TRUE(again->has_value());
  EXPECT_EQ((*again)->attempts, 2);
}

TEST_F(Dispatch, FailedAttemptsBackOffAndTheNoteKeepsItsNumber) {
  const auto id = Registered();
  ASSERT_TRUE(SetAddresses(deps_, kOfficer, "KAZ", {"nv@mfa.kz"}));
  ASSERT_TRUE(SetAddresses(deps_, kOfficer, "IND", {"cica@mea.gov.in"}));
  ASSERT_TRUE(DispatchNote(deps_, kOfficer, id));
  mail_.down = true;
  EXPECT_EQ(*SendDueDeliveries(deps_, mail_), 2);
  auto log = *ListDeliveries(deps_, kOfficer, id);
  EXPECT_EQ(log[0].status, DeliveryStatus::kQueued);
  EXPECT_EQ(log[0].attempts, 1);
  EXPECT_EQ(log[0].last_error, "Couldn't connect to server");
  EXPECT_EQ(*log[0].next_attempt_at, kStart + seconds{10});
  EXPECT_EQ(*NextDeliveryAttempt(deps_), kStart + seconds{10});
  EXPECT_EQ(*SendDueDeliveries(deps_, mail_), 0);  // nothing due before the back-off ends
  clock_.Advance(seconds{10});
  EXPECT_EQ(*SendDueDeliveries(deps_, mail_), 2);
  EXPECT_EQ(*ListDeliveries(deps_, kOfficer, id)->front().next_attempt_at, kStart + seconds{30});
  auto note = GetNote(deps_, kOfficer, id);
  EXPECT_EQ(Format(*note->number), "17-1/1");
  EXPECT_EQ(note->status, NoteStatus::kDispatched);

  mail_.down = false;
  clock_.Advance(seconds{20});
  EXPECT_EQ(*SendDueDeliveries(deps_, mail_), 2);
  log = *ListDeliveries(deps_, kOfficer, id);
  EXPECT_EQ(log[1].status, DeliveryStatus::kSent);
  EXPECT_EQ(log[1].attempts, 3);
  EXPECT_EQ(*log[1].sent_at, kStart + seconds{30});
  ASSERT_EQ(mail_.sent.size(), 2u);
  EXPECT_EQ(mail_.sent[0].from, "nv@cica.example");
  EXPECT_EQ(mail_.sent[0].to, "nv@mfa.kz");
  EXPECT_EQ(mail_.sent[0].subject, "Note Verbale № 17-1/1 — Final minutes");
  EXPECT_EQ(*NextDeliveryAttempt(deps_), std::nullopt);
}

TEST_F(Dispatch, TheLastAllowedAttemptFailsTheDeliveryForGood) {
  const auto id = Registered();
  ASSERT_TRUE(SetAddresses(deps_, kOfficer, "KAZ", {"nv@mfa.kz"}));
  ASSERT_TRUE(SetAddresses(deps_, kOfficer, "IND", {"cica@mea.gov.in"}));
  ASSERT_TRUE(DispatchNote(deps_, kOfficer, id));
  mail_.down = true;
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(*SendDueDeliveries(deps_, mail_), 2);
    clock_.Advance(minutes{1});
  }
  auto log = *ListDeliveries(deps_, kOfficer, id);
  EXPECT_EQ(log[0].status, DeliveryStatus::kFailed);
  EXPECT_EQ(log[0].attempts, 3);
  EXPECT_EQ(*SendDueDeliveries(deps_, mail_), 0);
  EXPECT_EQ(GetNote(deps_, kOfficer, id)->status, NoteStatus::kDispatched);
}

TEST_F(Dispatch, SettingsAreChecked) {
  EXPECT_EQ(SetSetting(deps_, Actor::System(), kDispatchMaxAttempts, "0").error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(SetSetting(deps_, Actor::System(), kDispatchRetryBaseMs, "soon").error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(SetSetting(deps_, Actor::System(), kSmtpFrom, "Secretariat").error().code, ErrorCode::kInvalidArgument);
  auto s = LoadDispatchSettings(deps_);
  EXPECT_EQ(s->retry.max_attempts, 3);
  EXPECT_EQ(s->retry.base_delay, milliseconds{10000});
  EXPECT_EQ(s->from, "nv@cica.example");
}

}  // namespace
}  // namespace chancery::core
