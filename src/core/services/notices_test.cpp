// Notices to users on the memory store: who is told (concerned, visible, wanted), once, in
// their language; the reminder only to states that have not commented, only in the window;
// no mail about history; sending, and dropping what is no longer timely.
#include "core/services/notices.hpp"

#include <gtest/gtest.h>

#include "core/services/comment_rounds.hpp"
#include "core/services/documents.hpp"
#include "core/services/meetings.hpp"
#include "core/services/participants.hpp"
#include "core/services/settings.hpp"
#include "core/services/silence_procedures.hpp"
#include "core/services/users.hpp"
#include "core/testing/builders.hpp"
#include "core/testing/fakes.hpp"
#include "storage/memory/memory_store.hpp"

namespace chancery::core {
namespace {

using namespace std::chrono;

const Actor kOfficer{1, "officer", Role::kOfficer, std::nullopt};

// Wording that names itself and its language, so that tests see which one was used.
class NamingTemplates : public NoticeTemplates {
 public:
  Result<std::optional<NoticeWording>> Wording(std::string_view wording, std::string_view lang) const override {
    // The body carries the one instant each wording writes, where it has one.
    std::string body = "body\n";
    if (wording == "silence_launched") body = "{{expires}}\n";
    if (wording.starts_with("comment_round")) body = "{{deadline}}\n";
    if (wording.starts_with("silence_adopted")) body = "{{title}}\n";
    return std::optional<NoticeWording>{{std::string(wording) + "." + std::string(lang), body}};
  }
};

class Mailbox : public MailSender {
 public:
  Result<void> Send(const MailMessage& m) override {
    sent.push_back(m);
    return Ok();
  }
  std::vector<MailMessage> sent;
};

User Delegate(std::int64_t id, std::string participant, Role role = Role::kMemberDelegate) {
  User u;
  u.id = id;
  u.username = "user" + std::to_string(id);
  u.display_name = u.username;
  u.role = role;
  u.participant_id = std::move(participant);
  u.email = u.username + "@example.org";
  return u;
}

std::vector<std::int64_t> Ids(const std::vector<User>& users) {
  std::vector<std::int64_t> out;
  for (const auto& u : users) out.push_back(u.id);
  return out;
}

TEST(NoticeRecipients, ConcernedVisibleWantedActiveWithAnAddress) {
  User kaz = Delegate(1, "KAZ");
  User no_address = Delegate(2, "KAZ");
  no_address.email = std::nullopt;
  User inactive = Delegate(3, "KAZ");
  inactive.active = false;
  User declined = Delegate(4, "KAZ");
  declined.notices.Set(NoticeKind::kSilenceLaunched, false);
  User other_state = Delegate(5, "IND");
  // Bound to a state the caller named as concerned, yet an observer delegate: the policy hides
  // silence procedures from observers, so nothing is said to them.
  User observer = Delegate(6, "KAZ", Role::kObserverDelegate);
  User chair = Delegate(7, "KAZ", Role::kChairmanship);
  const std::vector<User> users = {kaz, no_address, inactive, declined, other_state, observer, chair};
  const ObjectRef silence{ObjectKind::kSilenceProcedure, {}};
  EXPECT_EQ(Ids(NoticeRecipients(users, {"KAZ"}, NoticeKind::kSilenceLaunched, {silence})),
            (std::vector<std::int64_t>{1, 7}));
  // The same user wants the other kinds still.
  EXPECT_EQ(Ids(NoticeRecipients(users, {"KAZ"}, NoticeKind::kSilenceOutcome, {silence})),
            (std::vector<std::int64_t>{1, 4, 7}));
  // A meeting is open to observers; an item closed to them is not.
  EXPECT_EQ(Ids(NoticeRecipients(users, {"KAZ"}, NoticeKind::kMeetingConvened, {{ObjectKind::kMeeting, {}}})),
            (std::vector<std::int64_t>{1, 4, 6, 7}));
  EXPECT_EQ(Ids(NoticeRecipients(users, {"KAZ"}, NoticeKind::kMeetingConvened,
                                 {{ObjectKind::kMeeting, {}}, {ObjectKind::kAgendaItem, {}, true}})),
            (std::vector<std::int64_t>{1, 4, 7}));
}

class Notices : public ::testing::Test {
 protected:
  Notices()
      : clock_(Instant{sys_days{year{2021} / June / 25} + 4h}),
        zone_(hours{6}, "Asia/Almaty"),
        deps_{store_, clock_, digest_, hasher_, random_, zone_, formatter_, {}} {
    deps_.notice_templates = &templates_;
  }

  void SetUp() override {
    for (const char* id : {"KAZ", "RUS", "IND"}) {
      ASSERT_TRUE(CreateParticipant(deps_, Actor::System(),
                                    testing::StateWith(id, year{2002} / June / 4, ParticipantStatus::kMember)));
    }
    ASSERT_TRUE(CreateParticipant(deps_, Actor::System(),
                                  testing::StateWith("JPN", year{1999} / September / 14, ParticipantStatus::kObserverState)));
    kaz_ = AddUser("delegate.kaz", Role::kMemberDelegate, "KAZ", "kk");
    rus_ = AddUser("delegate.rus", Role::kMemberDelegate, "RUS", "ru");
    ind_ = AddUser("delegate.ind", Role::kMemberDelegate, "IND", "en");
    jpn_ = AddUser("observer.jpn", Role::kObserverDelegate, "JPN", "en");
  }

  std::int64_t AddUser(std::string name, Role role, std::string participant, std::string lang) {
    NewUser u{name, name, role, participant, "correct horse battery"};
    u.email = name + "@example.org";
    u.language = std::move(lang);
    auto created = CreateUser(deps_, Actor::System(), u);
    EXPECT_TRUE(created) << created.error().message;
    return created ? created->user.id : 0;
  }

  std::vector<Notice> Outbox(std::int64_t user) {
    auto tx = store_.Begin(TxMode::kRead);
    return *(*tx)->Notices().ListForUser(user);
  }

  Result<SilenceView> Launch() {
    NewSilenceProcedure p;
    p.title = "Statement on the 30th anniversary";
    p.text = "The Member States …";
    p.expires_at = clock_.Now() + days{14};
    return OpenSilenceProcedure(deps_, kOfficer, p);
  }

  std::int64_t Minutes() {
    NewDocument minutes{"SOC/2021-I/Minutes", DocumentKind::kMinutes, BodyCode::kSoc,
                        AccessCategory::kMembersAndObservers, std::nullopt, "draft minutes",
                        {{{"en", "Minutes", {{"p1", ParagraphStyle::kText, "Text.", 0}}}, TranslationStatus::kOriginal}}};
    auto d = CreateDocument(deps_, kOfficer, minutes);
    EXPECT_TRUE(d) << d.error().message;
    return d ? d->id : 0;
  }

  storage::MemoryStore store_;
  testing::FakeClock clock_;
  testing::FakeDigest digest_;
  testing::FakePasswordHasher hasher_;
  testing::FakeRandom random_;
  testing::FixedOffsetZone zone_;
  testing::IsoDateFormatter formatter_;
  NamingTemplates templates_;
  Deps deps_;
  std::int64_t kaz_ = 0, rus_ = 0, ind_ = 0, jpn_ = 0;
};

TEST_F(Notices, ALaunchTellsEachMemberStateDelegateOnceInTheirLanguageAndTheObserverNothing) {
  auto view = Launch();
  ASSERT_TRUE(view) << view.error().message;
  const std::string key = "silence:" + std::to_string(view->record.id) + ":launched";
  ASSERT_EQ(Outbox(kaz_).size(), 1u);
  EXPECT_EQ(Outbox(kaz_)[0].subject, "silence_launched.kk");
  EXPECT_EQ(Outbox(kaz_)[0].event_key, key);
  EXPECT_EQ(Outbox(kaz_)[0].address, "delegate.kaz@example.org");
  EXPECT_EQ(Outbox(kaz_)[0].stale_after, view->record.procedure.expires_at);
  EXPECT_EQ(Outbox(rus_)[0].subject, "silence_launched.ru");
  EXPECT_EQ(Outbox(ind_)[0].subject, "silence_launched.en");
  EXPECT_TRUE(Outbox(jpn_).empty());
  // Planning the same event again adds nothing: the outbox holds it once per user.
  auto tx = store_.Begin(TxMode::kWrite);
  auto again = PlanSilenceLaunched(deps_, **tx, view->record);
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, 0);
}

TEST_F(Notices, TheOutcomeIsToldOnceWhenConcludedAndNotAtAllWhenItLiesBeyondTheLookback) {
  auto view = Launch();
  ASSERT_TRUE(view);
  clock_.Advance(days{15});
  ASSERT_EQ(*ConcludeDueSilenceProcedures(deps_), 1);
  EXPECT_EQ(*ConcludeDueSilenceProcedures(deps_), 0);
  ASSERT_EQ(Outbox(rus_).size(), 2u);
  EXPECT_EQ(Outbox(rus_)[1].subject, "silence_adopted.ru");
  EXPECT_EQ(Outbox(rus_)[1].kind, NoticeKind::kSilenceOutcome);
  EXPECT_EQ(Outbox(jpn_).size(), 0u);

  // A procedure whose expiry lies years back (a server started on old data) is concluded
  // without a word to anyone.
  auto old = Launch();
  ASSERT_TRUE(old);
  clock_.Advance(days{365});
  ASSERT_EQ(*ConcludeDueSilenceProcedures(deps_), 1);
  EXPECT_EQ(Outbox(rus_).size(), 3u);  // its launch only
  EXPECT_EQ(Outbox(rus_)[2].kind, NoticeKind::kSilenceLaunched);
}

TEST_F(Notices, ARussianOrKazakhNoticeNamesTheProposalInItsLanguageWhereOneWasGiven) {
  NewSilenceProcedure p;
  p.title = "Statement on the 30th anniversary";
  p.text = "The Member States …";
  p.expires_at = clock_.Now() + days{14};
  p.titles = {{"ru", "Заявление к 30-летию"}};
  ASSERT_TRUE(OpenSilenceProcedure(deps_, kOfficer, p));
  clock_.Advance(days{15});
  ASSERT_EQ(*ConcludeDueSilenceProcedures(deps_), 1);
  ASSERT_EQ(Outbox(rus_).size(), 2u);
  EXPECT_EQ(Outbox(rus_)[1].body, "Заявление к 30-летию\n");
  // English keeps the temporary title (R7); Kazakh, given none, falls back to it.
  EXPECT_EQ(Outbox(ind_)[1].body, "Statement on the 30th anniversary (under silence procedure)\n");
  EXPECT_EQ(Outbox(kaz_)[1].body, "Statement on the 30th anniversary (under silence procedure)\n");
}

TEST_F(Notices, AUserWhoTurnedAKindOffGetsNoneOfIt) {
  const Actor rus{rus_, "delegate.rus", Role::kMemberDelegate, "RUS"};
  auto changed = SetOwnNoticeSettings(deps_, rus, {"en", {{NoticeKind::kSilenceLaunched, false}}});
  ASSERT_TRUE(changed) << changed.error().message;
  EXPECT_FALSE(changed->notices.Wants(NoticeKind::kSilenceLaunched));
  EXPECT_EQ(changed->language, "en");
  ASSERT_TRUE(Launch());
  EXPECT_TRUE(Outbox(rus_).empty());
  EXPECT_EQ(Outbox(kaz_).size(), 1u);
  // A language the organisation does not write is refused, and the address is not theirs to set.
  EXPECT_EQ(SetOwnNoticeSettings(deps_, rus, {"de", {}}).error().field, "language");
  EXPECT_EQ(UpdateUser(deps_, rus, rus_, {std::optional<std::string>("me@elsewhere.org")}).error().code,
            ErrorCode::kPermissionDenied);
  EXPECT_TRUE(UpdateUser(deps_, Actor::System(), rus_, {std::optional<std::string>("rus@mid.ru")}));
}

TEST_F(Notices, TheReminderGoesOnlyToStatesThatHaveNotCommentedInsideTheWindowAndOnce) {
  const auto document = Minutes();
  auto round = OpenCommentRound(deps_, kOfficer, document, {});
  ASSERT_TRUE(round) << round.error().message;
  EXPECT_EQ(Outbox(kaz_).size(), 1u);  // opened
  // The end of 2 July in Almaty is written as that day's 24:00, not as 3 July 00:00.
  EXPECT_EQ(FormatInstant(round->deadline), "2021-07-02T18:00:00Z");
  EXPECT_EQ(Outbox(kaz_)[0].body, "2021-07-02, 24:00\n");
  EXPECT_TRUE(Outbox(jpn_).empty());   // rounds are among Member States
  const Actor rus{rus_, "delegate.rus", Role::kMemberDelegate, "RUS"};
  ASSERT_TRUE(SubmitComment(deps_, rus, round->id, {"RUS", "p1", "en", "Our name in full."}));

  clock_.Set(round->deadline - hours{49});  // not yet inside the default 48 hours
  EXPECT_EQ(*PlanCommentReminders(deps_), 0);
  clock_.Set(round->deadline - hours{47});
  EXPECT_EQ(*PlanCommentReminders(deps_), 2);  // Kazakhstan and India; Russia has commented
  EXPECT_EQ(*PlanCommentReminders(deps_), 0);  // once
  ASSERT_EQ(Outbox(kaz_).size(), 2u);
  EXPECT_EQ(Outbox(kaz_)[1].subject, "comment_round_closing.kk");
  EXPECT_EQ(Outbox(kaz_)[1].stale_after, round->deadline);
  EXPECT_EQ(Outbox(rus_).size(), 1u);
  EXPECT_EQ(Outbox(ind_).size(), 2u);
  EXPECT_TRUE(Outbox(jpn_).empty());
}

TEST_F(Notices, ARoundOnADocumentTheDelegatesMayNotReadIsToldToNobody) {
  NewDocument internal{"SEC/2021/Note/1", DocumentKind::kNote, BodyCode::kSoc, AccessCategory::kSecretariatOnly,
                       std::nullopt, "internal",
                       {{{"en", "Internal", {{"p1", ParagraphStyle::kText, "Text.", 0}}}, TranslationStatus::kOriginal}}};
  auto d = CreateDocument(deps_, kOfficer, internal);
  ASSERT_TRUE(d) << d.error().message;
  auto round = OpenCommentRound(deps_, kOfficer, d->id, {});
  ASSERT_TRUE(round) << round.error().message;
  clock_.Set(round->deadline - hours{24});
  EXPECT_EQ(*PlanCommentReminders(deps_), 0);
  for (auto user : {kaz_, rus_, ind_, jpn_}) EXPECT_TRUE(Outbox(user).empty()) << user;
}

TEST_F(Notices, NoReminderAfterTheDeadlineAndTheWindowIsASetting) {
  const auto document = Minutes();
  auto round = OpenCommentRound(deps_, kOfficer, document, {});
  ASSERT_TRUE(round);
  const Actor admin{9, "admin", Role::kAdministrator, std::nullopt};
  EXPECT_EQ(SetSetting(deps_, admin, kNoticeReminderHours, "0").error().field, kNoticeReminderHours);
  EXPECT_EQ(SetSetting(deps_, admin, kNoticeReminderHours, "two days").error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(SetSetting(deps_, admin, kNoticeReminderHours, "721").error().code, ErrorCode::kInvalidArgument);
  ASSERT_TRUE(SetSetting(deps_, admin, kNoticeReminderHours, "100"));
  clock_.Set(round->deadline - hours{99});
  EXPECT_EQ(*PlanCommentReminders(deps_), 3);
  clock_.Set(round->deadline + hours{1});
  ASSERT_TRUE(OpenCommentRound(deps_, kOfficer, document, {0, clock_.Now() + hours{240}, {}}));
  EXPECT_EQ(*PlanCommentReminders(deps_), 0);  // the first is past its deadline, the second far off
}

TEST_F(Notices, SendingMailsEachDueNoticeOnceAndDropsOneNoLongerTimely) {
  auto view = Launch();
  ASSERT_TRUE(view);
  Mailbox mail;
  auto sent = SendDueNotices(deps_, mail);
  ASSERT_TRUE(sent) << sent.error().message;
  EXPECT_EQ(*sent, 3);
  ASSERT_EQ(mail.sent.size(), 3u);
  EXPECT_EQ(mail.sent[0].to, "delegate.kaz@example.org");
  EXPECT_EQ(mail.sent[0].subject, "silence_launched.kk");
  EXPECT_EQ(mail.sent[0].body, "2021-07-09T10:00:00Z\n");  // 14 days on, in the organisation's zone
  EXPECT_EQ(Outbox(kaz_)[0].status, DeliveryStatus::kSent);
  EXPECT_EQ(*SendDueNotices(deps_, mail), 0);

  // Queued while no mail server was configured and found only after the deadline: dropped.
  const auto document = Minutes();
  auto round = OpenCommentRound(deps_, kOfficer, document, {});
  ASSERT_TRUE(round);
  clock_.Set(round->deadline + hours{1});
  EXPECT_EQ(*SendDueNotices(deps_, mail), 0);
  EXPECT_EQ(mail.sent.size(), 3u);
  EXPECT_EQ(Outbox(kaz_)[1].status, DeliveryStatus::kFailed);
  EXPECT_EQ(Outbox(kaz_)[1].attempts, 0);
  EXPECT_NE(Outbox(kaz_)[1].last_error.find("no longer timely"), std::string::npos);
}

TEST_F(Notices, ANoticePlannedBeforeTheUserTurnedItsKindOffIsNotSent) {
  ASSERT_TRUE(Launch());
  const Actor rus{rus_, "delegate.rus", Role::kMemberDelegate, "RUS"};
  ASSERT_TRUE(SetOwnNoticeSettings(deps_, rus, {std::nullopt, {{NoticeKind::kSilenceLaunched, false}}}));
  Mailbox mail;
  EXPECT_EQ(*SendDueNotices(deps_, mail), 2);
  for (const auto& m : mail.sent) EXPECT_NE(m.to, "delegate.rus@example.org");
  EXPECT_EQ(Outbox(rus_)[0].status, DeliveryStatus::kFailed);
  EXPECT_EQ(Outbox(rus_)[0].last_error, "not sent: the user no longer receives it");
}

TEST_F(Notices, AMeetingConvenedTellsMemberStatesAndInvitedObserversButNotOfAMeetingPast) {
  NewMeeting m;
  m.starts_on = Date{year{2021} / October / 12};
  m.venue = "Nur-Sultan";
  m.chair_participant_id = "KAZ";
  m.agenda = {{1, "Opening", true, {}}, {2, "Cooperation", false, {"JPN"}}};
  auto meeting = CreateMeeting(deps_, kOfficer, m);
  ASSERT_TRUE(meeting) << meeting.error().message;
  EXPECT_EQ(Outbox(kaz_).size(), 1u);
  ASSERT_EQ(Outbox(jpn_).size(), 1u);
  EXPECT_EQ(Outbox(jpn_)[0].subject, "meeting_convened.en");
  NewMeeting past;
  past.starts_on = Date{year{2021} / March / 1};
  past.venue = "Nur-Sultan";
  past.chair_participant_id = "KAZ";
  ASSERT_TRUE(CreateMeeting(deps_, kOfficer, past));
  EXPECT_EQ(Outbox(kaz_).size(), 1u);
}

}  // namespace
}  // namespace chancery::core
