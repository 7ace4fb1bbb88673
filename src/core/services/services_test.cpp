// Use cases against the in-memory store and fake ports: rules, policy checks, audit records
// and the all-or-nothing behaviour of each use case.
#include <gtest/gtest.h>

#include "core/services/audit_trail.hpp"
#include "core/services/auth.hpp"
#include "core/services/participants.hpp"
#include "core/services/settings.hpp"
#include "core/services/users.hpp"
#include "core/testing/fakes.hpp"
#include "storage/memory/memory_store.hpp"

namespace chancery::core {
namespace {

using namespace std::chrono;

class Services : public ::testing::Test {
 protected:
  Services()
      : clock_(Instant{sys_days{year{2021} / June / 23} + 4h}),
        zone_(hours{6}, "Asia/Almaty"),
        deps_{store_, clock_, digest_, hasher_, random_, zone_, formatter_, {}} {}

  void SetUp() override {
    ASSERT_TRUE(CreateParticipant(deps_, Actor::System(), Participant{
        "IND", ParticipantKind::kState, "IN", "IND",
        {{"en", "India", "Republic of India", std::nullopt}},
        {{year{2002} / June / 4, ParticipantStatus::kMember, DatePrecision::kBy, "Founding member", "", "C"}}}));
    auto admin = CreateUser(deps_, Actor::System(), {"admin", "Administrator", Role::kAdministrator, std::nullopt,
                                                     "correct horse battery"});
    ASSERT_TRUE(admin);
    admin_ = Actor::Of(admin->user);
  }

  std::int64_t AuditCount() {
    auto tx = store_.Begin(TxMode::kRead);
    return (*tx)->Audit().Head()->seq;
  }

  storage::MemoryStore store_;
  testing::FakeClock clock_;
  testing::FakeDigest digest_;
  testing::FakePasswordHasher hasher_;
  testing::FakeRandom random_;
  testing::FixedOffsetZone zone_;
  testing::IsoDateFormatter formatter_;
  Deps deps_;
  Actor admin_;
};

TEST_F(Services, EveryChangeIsAudited) {
  EXPECT_EQ(AuditCount(), 2);  // participant.create, user.create
  auto tx = store_.Begin(TxMode::kRead);
  auto records = (*tx)->Audit().List(0, 10);
  ASSERT_TRUE(records);
  ASSERT_EQ(records->size(), 2u);
  EXPECT_EQ((*records)[0].action, "participant.create");
  EXPECT_EQ((*records)[0].actor, "system");
  EXPECT_EQ((*records)[0].object_id, "IND");
  EXPECT_EQ((*records)[0].before_digest, "");
  EXPECT_EQ((*records)[0].after_digest.size(), 64u);
  EXPECT_EQ((*records)[1].action, "user.create");
  auto v = VerifyAudit(deps_, admin_);
  ASSERT_TRUE(v);
  EXPECT_TRUE(v->intact);
  EXPECT_EQ(v->records_checked, 2);
}

TEST_F(Services, LoginGivesACookieSessionWithCsrfAndAuthenticates) {
  auto login = Login(deps_, "admin", "correct horse battery", SessionKind::kCookie, "127.0.0.1");
  ASSERT_TRUE(login);
  EXPECT_FALSE(login->token.empty());
  EXPECT_FALSE(login->session.csrf_token.empty());
  EXPECT_EQ(login->session.token_digest, digest_.Sha256Hex(login->token));
  EXPECT_EQ(login->session.expires_at, clock_.Now() + hours{12});
  auto who = Authenticate(deps_, login->token);
  ASSERT_TRUE(who);
  EXPECT_EQ(who->actor.username, "admin");
  EXPECT_EQ(who->actor.role, Role::kAdministrator);

  clock_.Advance(hours{12});
  auto expired = Authenticate(deps_, login->token);
  ASSERT_FALSE(expired);
  EXPECT_EQ(expired.error().code, ErrorCode::kUnauthenticated);
}

TEST_F(Services, BearerTokensHaveNoCsrfAndLastLonger) {
  auto login = Login(deps_, "admin", "correct horse battery", SessionKind::kBearer, "127.0.0.1");
  ASSERT_TRUE(login);
  EXPECT_TRUE(login->session.csrf_token.empty());
  EXPECT_EQ(login->session.expires_at, clock_.Now() + hours{24 * 30});
}

TEST_F(Services, WrongPasswordAndUnknownUserLookTheSame) {
  auto wrong = Login(deps_, "admin", "wrong password!", SessionKind::kCookie, "10.0.0.1");
  auto unknown = Login(deps_, "nobody", "wrong password!", SessionKind::kCookie, "10.0.0.2");
  ASSERT_FALSE(wrong);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(wrong.error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(unknown.error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(wrong.error().message, unknown.error().message);
}

TEST_F(Services, LoginIsThrottledPerUsernameWithinTheWindow) {
  for (int i = 0; i < 5; ++i) {
    auto r = Login(deps_, "admin", "wrong password!", SessionKind::kCookie, "10.0.0." + std::to_string(i));
    ASSERT_EQ(r.error().code, ErrorCode::kUnauthenticated);
  }
  // Even the right password is refused now: the throttle is checked first.
  auto blocked = Login(deps_, "admin", "correct horse battery", SessionKind::kCookie, "10.0.0.99");
  ASSERT_FALSE(blocked);
  EXPECT_EQ(blocked.error().code, ErrorCode::kResourceExhausted);
  clock_.Advance(minutes{15} + seconds{1});
  EXPECT_TRUE(Login(deps_, "admin", "correct horse battery", SessionKind::kCookie, "10.0.0.99"));
}

TEST_F(Services, LoginIsThrottledPerClientAddress) {
  for (int i = 0; i < 5; ++i) {
    auto r = Login(deps_, "user" + std::to_string(i), "wrong password!", SessionKind::kCookie, "10.9.9.9");
    ASSERT_EQ(r.error().code, ErrorCode::kUnauthenticated);
  }
  auto blocked = Login(deps_, "admin", "correct horse battery", SessionKind::kCookie, "10.9.9.9");
  EXPECT_EQ(blocked.error().code, ErrorCode::kResourceExhausted);
}

TEST_F(Services, LogoutEndsTheSession) {
  auto login = Login(deps_, "admin", "correct horse battery", SessionKind::kBearer, "127.0.0.1");
  ASSERT_TRUE(login);
  ASSERT_TRUE(Logout(deps_, login->token));
  EXPECT_EQ(Authenticate(deps_, login->token).error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(Logout(deps_, login->token).error().code, ErrorCode::kUnauthenticated);
}

TEST_F(Services, DelegatesCannotCreateParticipantsAndNothingIsWritten) {
  auto delegate = CreateUser(deps_, admin_, {"delegate.ind", "Delegate", Role::kMemberDelegate, "IND", std::nullopt});
  ASSERT_TRUE(delegate);
  ASSERT_TRUE(delegate->generated_password);
  EXPECT_EQ(delegate->generated_password->size(), 15u);  // FakeRandom pads to the byte count
  const auto before = AuditCount();
  Participant p{"KWT", ParticipantKind::kState, "KW", "KWT", {{"en", "Kuwait", "State of Kuwait", std::nullopt}}, {}};
  auto r = CreateParticipant(deps_, Actor::Of(delegate->user), p);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(AuditCount(), before);
  EXPECT_EQ(GetParticipant(deps_, admin_, "KWT").error().code, ErrorCode::kNotFound);
}

TEST_F(Services, InvalidParticipantChangesNothing) {
  const auto before = AuditCount();
  auto r = AddParticipantName(deps_, admin_, "IND", {"de", "Indien", "Republik Indien", std::nullopt});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(AuditCount(), before);
  EXPECT_EQ(GetParticipant(deps_, admin_, "IND")->names.size(), 1u);
}

TEST_F(Services, StatusHistoryAndMembershipOnADate) {
  Participant tkm{"TKM", ParticipantKind::kState, "TM", "TKM", {{"en", "Turkmenistan", "Turkmenistan", std::nullopt}}, {}};
  ASSERT_TRUE(CreateParticipant(deps_, admin_, tkm));
  auto r = AddParticipantStatus(deps_, admin_, "TKM",
                                {year{2021} / June / 23, ParticipantStatus::kObserverState, DatePrecision::kDay,
                                 "SOC/2021-I/DEC/1", "", "F"});
  ASSERT_TRUE(r);
  ParticipantFilter observers{std::nullopt, ParticipantStatus::kObserverState, year{2021} / June / 22};
  EXPECT_EQ(ListParticipants(deps_, admin_, observers)->items.size(), 0u);
  observers.on = year{2021} / June / 23;
  auto on_the_day = ListParticipants(deps_, admin_, observers);
  ASSERT_EQ(on_the_day->items.size(), 1u);
  EXPECT_EQ(on_the_day->items[0]->id, "TKM");
  // Without a date: today in the organisation's zone (the clock says 2021-06-23 10:00 local).
  observers.on.reset();
  EXPECT_EQ(ListParticipants(deps_, admin_, observers)->items.size(), 1u);
}

TEST_F(Services, TheRegistrySnapshotIsReusedUntilTheRegistryChanges) {
  auto first = ListParticipants(deps_, admin_, {});
  auto second = ListParticipants(deps_, admin_, {});
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->snapshot.get(), second->snapshot.get());  // no reload without a change
  // A change through another Deps (another server on the same store) is seen at once.
  Deps other{store_, clock_, digest_, hasher_, random_, zone_, formatter_, {}};
  ASSERT_TRUE(AddParticipantName(other, admin_, "IND", {"ru", "Индия", "Республика Индия", std::nullopt}));
  auto third = ListParticipants(deps_, admin_, {});
  ASSERT_TRUE(third);
  EXPECT_NE(third->snapshot.get(), first->snapshot.get());
  EXPECT_EQ(third->items[0]->names.size(), 2u);
  EXPECT_EQ(GetParticipant(deps_, admin_, "IND")->names.size(), 2u);
  EXPECT_EQ(first->items[0]->names.size(), 1u);  // the old snapshot is untouched
}

TEST_F(Services, TodayIsTheDateInTheOrganisationsZone) {
  clock_.Set(Instant{sys_days{year{2021} / March / 20} + 18h});  // 00:00 on the 21st at UTC+6
  EXPECT_EQ(Today(deps_), year{2021} / March / 21);
  clock_.Set(Instant{sys_days{year{2021} / March / 20} + 17h + 59min});
  EXPECT_EQ(Today(deps_), year{2021} / March / 20);
}

TEST_F(Services, UsersSeeThemselvesButNotOthers) {
  auto officer = CreateUser(deps_, admin_, {"officer", "Officer", Role::kOfficer, std::nullopt, "officer password"});
  ASSERT_TRUE(officer);
  Actor me = Actor::Of(officer->user);
  EXPECT_EQ(GetUser(deps_, me, me.user_id)->username, "officer");
  EXPECT_EQ(GetUser(deps_, me, admin_.user_id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(ListUsers(deps_, me).error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(ListUsers(deps_, admin_)->size(), 2u);
}

TEST_F(Services, DuplicateUsernameAndUnknownParticipant) {
  auto dup = CreateUser(deps_, admin_, {"admin", "Again", Role::kOfficer, std::nullopt, "another password"});
  EXPECT_EQ(dup.error().code, ErrorCode::kAlreadyExists);
  auto bad = CreateUser(deps_, admin_, {"delegate.xx", "X", Role::kObserverDelegate, "XXX", std::nullopt});
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(bad.error().field, "participant_id");
}

TEST_F(Services, EveryoneSignedInReadsTheSettings) {
  {
    auto tx = store_.Begin(TxMode::kWrite);
    ASSERT_TRUE((*tx)->Settings().Set("time_zone", "Asia/Almaty"));
    ASSERT_TRUE((*tx)->Commit());
  }
  auto delegate = CreateUser(deps_, admin_, {"delegate.ind", "Delegate", Role::kMemberDelegate, "IND", std::nullopt});
  auto settings = ListSettings(deps_, Actor::Of(delegate->user));
  ASSERT_TRUE(settings);
  ASSERT_EQ(settings->size(), 1u);
  EXPECT_EQ((*settings)[0], (std::pair<std::string, std::string>{"time_zone", "Asia/Almaty"}));
  Actor unbound{99, "ghost", Role::kMemberDelegate, std::nullopt};
  EXPECT_EQ(ListSettings(deps_, unbound).error().code, ErrorCode::kNotFound);
}

TEST_F(Services, AuditLogIsForAdministratorsOnly) {
  auto officer = CreateUser(deps_, admin_, {"officer", "Officer", Role::kOfficer, std::nullopt, "officer password"});
  Actor me = Actor::Of(officer->user);
  EXPECT_EQ(ListAudit(deps_, me, 0, 10).error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(VerifyAudit(deps_, me).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(ListAudit(deps_, admin_, 0, 0).error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace chancery::core
