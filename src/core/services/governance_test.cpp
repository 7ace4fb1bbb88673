// The governance use cases against the in-memory store and fake ports: the rules of the domain
// brief (R-numbers in test names and comments), the policy on every read, and the audit.
#include <gtest/gtest.h>

#include "core/services/chairmanships.hpp"
#include "core/services/decisions.hpp"
#include "core/services/governance_settings.hpp"
#include "core/services/mandates.hpp"
#include "core/services/meetings.hpp"
#include "core/services/participants.hpp"
#include "core/services/silence_procedures.hpp"
#include "core/testing/builders.hpp"
#include "core/testing/fakes.hpp"
#include "storage/memory/memory_store.hpp"

namespace chancery::core {
namespace {

using namespace std::chrono;
using testing::StateWith;

Instant At(Date day, hours h = 0h, seconds s = 0s) { return Instant{sys_days{day} + h + s}; }

const Actor kOfficer{2, "officer", Role::kOfficer, std::nullopt};
const Actor kChair{3, "chair.kaz", Role::kChairmanship, "KAZ"};
const Actor kIndia{4, "delegate.ind", Role::kMemberDelegate, "IND"};
const Actor kJapan{5, "observer.jpn", Role::kObserverDelegate, "JPN"};

class Governance : public ::testing::Test {
 protected:
  Governance()
      : clock_(At(year{2021} / March / 5, 4h)),
        zone_(hours{6}, "Asia/Almaty"),
        deps_{store_, clock_, digest_, hasher_, random_, zone_, formatter_, {}} {}

  void SetUp() override {
    const Date founding = year{2002} / June / 4;
    for (const char* id : {"KAZ", "IND", "RUS", "CHN"}) Add(StateWith(id, founding, ParticipantStatus::kMember));
    Add(StateWith("KWT", year{2022} / October / 13, ParticipantStatus::kMember));  // R4
    Add(StateWith("JPN", year{1999} / September / 14, ParticipantStatus::kObserverState));
    Add(StateWith("TKM", {}));  // no status until a decision grants one
    ASSERT_TRUE(AddChairmanship(deps_, kOfficer, {"KAZ", year{2020} / September / 24, std::nullopt, "virtual MM"}));
  }

  void Add(Participant p) { ASSERT_TRUE(CreateParticipant(deps_, Actor::System(), std::move(p))); }

  void Set(std::string_view key, std::string_view value) {
    auto tx = store_.Begin(TxMode::kWrite);
    ASSERT_TRUE((*tx)->Settings().Set(key, value));
    ASSERT_TRUE((*tx)->Commit());
  }

  // Opened now, expiring at the end of `day` in the organisation's zone (R29).
  SilenceView Open(Date day, BodyCode body = BodyCode::kSoc) {
    NewSilenceProcedure p;
    p.body = body;
    p.title = "Granting observer status to Turkmenistan";
    p.text = "The SOC approves granting the CICA Observer Status to Turkmenistan.";
    p.expires_on = day;
    auto v = OpenSilenceProcedure(deps_, kChair, p);
    EXPECT_TRUE(v) << v.error().message;
    return *v;
  }

  RegisteredResponse Respond(std::int64_t id, std::string participant, ResponseKind kind = ResponseKind::kObjection) {
    auto r = RegisterResponse(deps_, kOfficer, id, {std::move(participant), kind, "text", "NV 1"});
    EXPECT_TRUE(r) << r.error().message;
    return *r;
  }

  // SOC/2021-I on 23 June 2021: item 1 open to Japan, items 2 and 3 closed to observers.
  Meeting SocMeeting(Date day = year{2021} / June / 23) {
    NewMeeting m;
    m.starts_on = day;
    m.format = MeetingFormat::kOnline;
    m.venue = "Nur-Sultan";
    m.agenda = {{1, "Opening of the meeting", false, {"JPN"}},
                {2, "Thematic discussion", true, {}},
                {3, "Any other business", true, {}, true}};
    auto created = CreateMeeting(deps_, kOfficer, m);
    EXPECT_TRUE(created) << created.error().message;
    return *created;
  }

  Meeting Adopted(Date day = year{2021} / June / 23) {
    auto m = SocMeeting(day);
    auto adopted = AdoptAgenda(deps_, kChair, m.id);
    EXPECT_TRUE(adopted);
    return *adopted;
  }

  Result<Decision> Decide(const Meeting& m, int item, std::vector<PositionTaken> positions = {}) {
    NewDecision d;
    d.meeting_id = m.id;
    d.item_number = item;
    d.title = "Decision under item " + std::to_string(item);
    d.positions = std::move(positions);
    return RecordDecision(deps_, kChair, d);
  }

  storage::MemoryStore store_;
  testing::FakeClock clock_;
  testing::FakeDigest digest_;
  testing::FakePasswordHasher hasher_;
  testing::FakeRandom random_;
  testing::FixedOffsetZone zone_;
  testing::IsoDateFormatter formatter_;
  Deps deps_;
};

// --- Silence procedures ---------------------------------------------------------------------

TEST_F(Governance, R29DateOnlyDeadlineIsTheEndOfThatDayLocallyAndIsKeptAsWritten) {
  auto v = Open(year{2021} / March / 20);
  EXPECT_EQ(FormatInstant(v.record.procedure.expires_at), "2021-03-20T18:00:00Z");
  EXPECT_EQ(v.record.procedure.expiry_wording, "expiring on 2021-03-20");
  EXPECT_TRUE(v.expires_on_weekend);  // 20 March 2021 was a Saturday
  EXPECT_EQ(v.outcome.state, SilenceState::kRunning);
  EXPECT_EQ(v.record.state, SilenceState::kRunning);
}

TEST_F(Governance, R29DeadlinesOnAPublicHolidayAreFlaggedFromTheCalendarSetting) {
  // 22 March 2021, a Monday, is in Nauryz; 24 March is not; 20 July 2021 was Kurban Ait.
  auto nauryz = Open(year{2021} / March / 22);
  EXPECT_FALSE(nauryz.expires_on_weekend);
  EXPECT_TRUE(nauryz.expires_on_holiday);
  EXPECT_FALSE(Open(year{2021} / March / 24).expires_on_holiday);
  EXPECT_TRUE(Open(year{2021} / July / 20).expires_on_holiday);
  Set(kPublicHolidays, "01-01, 2021-03-24");
  EXPECT_TRUE(Open(year{2021} / March / 24).expires_on_holiday);
  EXPECT_FALSE(Open(year{2021} / March / 22).expires_on_holiday);
  Set(kPublicHolidays, "21 March");
  auto bad = OpenSilenceProcedure(deps_, kChair, {BodyCode::kSoc, "t", "x", std::nullopt, year{2021} / March / 25});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(bad.error().field, kPublicHolidays);
}

TEST_F(Governance, R29DateOnlyDeadlinePolicyIsASetting) {
  Set(kSilenceDateOnlyDeadline, "18:00");
  EXPECT_EQ(FormatInstant(Open(year{2021} / March / 22).record.procedure.expires_at), "2021-03-22T12:00:00Z");
  Set(kSilenceDateOnlyDeadline, "6 pm");
  auto bad = OpenSilenceProcedure(deps_, kChair, {BodyCode::kSoc, "t", "x", std::nullopt, year{2021} / March / 22});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(bad.error().field, kSilenceDateOnlyDeadline);
}

TEST_F(Governance, R7RunningTextIsUnnumberedUnderATemporaryTitle) {
  auto v = Open(year{2021} / March / 20);
  EXPECT_EQ(v.record.procedure.title, "Granting observer status to Turkmenistan (under silence procedure)");
  EXPECT_FALSE(v.record.decision_id);
}

TEST_F(Governance, R6ProcedureNeedsAnExpiry) {
  auto r = OpenSilenceProcedure(deps_, kChair, {BodyCode::kSoc, "t", "x"});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().field, "expires_at");
}

TEST_F(Governance, R11MinimumPeriodIsFourteenDaysByDefaultAndASetting) {
  NewSilenceProcedure p{BodyCode::kSoc, "t", "x", clock_.Now() + days{13}};
  auto short_one = OpenSilenceProcedure(deps_, kChair, p);
  ASSERT_FALSE(short_one);
  EXPECT_EQ(short_one.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(short_one.error().field, "expires_at");
  Set(kSilenceMinimumPeriodDays, "7");
  EXPECT_TRUE(OpenSilenceProcedure(deps_, kChair, p));
}

TEST_F(Governance, R8ObjectionOneSecondBeforeExpiryBreaksSilenceR9NotAdoptedWithNotices) {
  auto v = Open(year{2021} / March / 20);
  clock_.Set(v.record.procedure.expires_at - 1s);
  auto r = Respond(v.record.id, "IND");
  EXPECT_EQ(r.effect, ResponseEffect::kBreaksSilence);
  EXPECT_EQ(r.view.record.state, SilenceState::kNotAdopted);
  EXPECT_EQ(FormatInstant(*r.view.record.decided_at), "2021-03-20T17:59:59Z");
  EXPECT_EQ(r.view.record.broken_by, 1);
  // A notice to every Member State of that day, at once: CHN, IND, KAZ, RUS (not KWT, JPN, TKM).
  ASSERT_EQ(r.view.record.notices.size(), 4u);
  for (const auto& n : r.view.record.notices) EXPECT_EQ(n.outcome, SilenceState::kNotAdopted);
  EXPECT_EQ(r.view.record.notices[0].participant_id, "CHN");
}

TEST_F(Governance, R8ObjectionAtTheExpiryInstantDoesNotBreakSilence) {
  auto v = Open(year{2021} / March / 20);
  clock_.Set(v.record.procedure.expires_at);
  auto r = Respond(v.record.id, "IND");
  EXPECT_EQ(r.effect, ResponseEffect::kAtOrAfterExpiry);
  EXPECT_EQ(r.view.record.state, SilenceState::kAdopted);
  EXPECT_EQ(*r.view.record.decided_at, v.record.procedure.expires_at);
}

TEST_F(Governance, R3ObserverObjectionIsKeptWithoutEffect) {
  auto v = Open(year{2021} / March / 20);
  clock_.Set(At(year{2021} / March / 10));
  auto r = Respond(v.record.id, "JPN");
  EXPECT_EQ(r.effect, ResponseEffect::kNotAMemberState);
  EXPECT_EQ(r.reason, "JPN is not a Member State on 2021-03-10: kept as correspondence, no effect (R3)");
  EXPECT_EQ(r.view.record.state, SilenceState::kRunning);
  ASSERT_EQ(r.view.record.responses.size(), 1u);  // kept as correspondence
  EXPECT_EQ(r.view.record.responses[0].reference, "NV 1");
  EXPECT_TRUE(r.view.record.notices.empty());
}

TEST_F(Governance, R4StateBeforeItsAccessionCannotBreakSilence) {
  clock_.Set(At(year{2022} / May / 2, 4h));
  auto v = Open(year{2022} / May / 20);
  EXPECT_EQ(v.record.addressees, (std::vector<std::string>{"CHN", "IND", "KAZ", "RUS"}));
  auto r = Respond(v.record.id, "KWT");
  EXPECT_EQ(r.effect, ResponseEffect::kNotAMemberState);
  EXPECT_EQ(r.view.record.state, SilenceState::kRunning);
}

TEST_F(Governance, R8AmendmentsBreakSilenceUnlessTheSettingInForceAtOpeningSaysOtherwise) {
  auto breaking = Open(year{2021} / March / 20);
  Set(kSilenceAmendmentsBreak, "false");
  auto lenient = Open(year{2021} / March / 20);
  EXPECT_EQ(Respond(breaking.record.id, "RUS", ResponseKind::kComment).effect, ResponseEffect::kDoesNotObject);
  EXPECT_EQ(Respond(lenient.record.id, "RUS", ResponseKind::kAmendment).effect, ResponseEffect::kDoesNotObject);
  auto r = Respond(breaking.record.id, "RUS", ResponseKind::kAmendment);
  EXPECT_EQ(r.effect, ResponseEffect::kBreaksSilence);
  EXPECT_EQ(r.view.record.broken_by, 2);
  // Changing the setting later does not reinterpret what the lenient procedure received.
  Set(kSilenceAmendmentsBreak, "true");
  auto again = GetSilenceProcedure(deps_, kOfficer, lenient.record.id);
  EXPECT_EQ(again->outcome.state, SilenceState::kRunning);
  EXPECT_EQ(again->outcome.effects[0], ResponseEffect::kDoesNotObject);
}

TEST_F(Governance, R10SchedulerConcludesAtTheExpiryInstantEvenWhenItRunsLate) {
  auto v = Open(year{2021} / March / 20);
  clock_.Set(v.record.procedure.expires_at - 1ms);
  ASSERT_EQ(ConcludeDueSilenceProcedures(deps_).value(), 0);
  // The server was down at expiry and starts again three months later.
  const Instant restart = At(year{2021} / June / 23, 3h);
  clock_.Set(restart);
  EXPECT_EQ(NextSilenceExpiry(deps_).value(), v.record.procedure.expires_at);
  ASSERT_EQ(ConcludeDueSilenceProcedures(deps_).value(), 1);
  auto after = GetSilenceProcedure(deps_, kOfficer, v.record.id);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->record.state, SilenceState::kAdopted);
  EXPECT_EQ(FormatInstant(*after->record.decided_at), "2021-03-20T18:00:00Z");
  EXPECT_EQ(*after->record.concluded_at, restart);
  EXPECT_EQ(after->record.notices.size(), 4u);
  EXPECT_EQ(after->record.notices[0].generated_at, restart);
  // Once only: a second run (or a second server) finds nothing to do.
  EXPECT_EQ(ConcludeDueSilenceProcedures(deps_).value(), 0);
  EXPECT_FALSE(NextSilenceExpiry(deps_).value());
}

TEST_F(Governance, ListingByStateUsesTheStateShownBeforeTheSchedulerRuns) {
  auto v = Open(year{2021} / March / 20);
  clock_.Set(v.record.procedure.expires_at + 1s);  // expired, not yet concluded
  EXPECT_TRUE(ListSilenceProcedures(deps_, kOfficer, {std::nullopt, SilenceState::kRunning})->empty());
  auto adopted = ListSilenceProcedures(deps_, kOfficer, {std::nullopt, SilenceState::kAdopted});
  ASSERT_EQ(adopted->size(), 1u);
  EXPECT_EQ((*adopted)[0].record.state, SilenceState::kRunning);  // stored: the scheduler has not run
}

TEST_F(Governance, ObserversCannotSeeSilenceProceduresAndDelegatesAnswerOnlyForTheirState) {
  auto v = Open(year{2021} / March / 20);
  auto hidden = GetSilenceProcedure(deps_, kJapan, v.record.id);
  ASSERT_FALSE(hidden);
  EXPECT_EQ(hidden.error().code, ErrorCode::kNotFound);
  auto list = ListSilenceProcedures(deps_, kJapan, {});
  ASSERT_FALSE(list);
  EXPECT_EQ(list.error().code, ErrorCode::kNotFound);
  auto for_russia = RegisterResponse(deps_, kIndia, v.record.id, {"RUS", ResponseKind::kObjection, "", ""});
  ASSERT_FALSE(for_russia);
  EXPECT_EQ(for_russia.error().code, ErrorCode::kPermissionDenied);
  auto own = RegisterResponse(deps_, kIndia, v.record.id, {"IND", ResponseKind::kComment, "", ""});
  ASSERT_TRUE(own);
  EXPECT_EQ(own->view.record.responses[0].registered_by, kIndia.user_id);
}

// --- Meetings, agendas, attendance ----------------------------------------------------------

TEST_F(Governance, MeetingsAreNumberedPerBodyAndYearAndChairedByTheChairmanship) {
  auto first = SocMeeting();
  EXPECT_EQ(MeetingCode(first.body, first.session), "SOC/2021-I");
  EXPECT_EQ(first.chair_participant_id, "KAZ");
  auto second = SocMeeting(year{2021} / December / 14);
  EXPECT_EQ(MeetingCode(second.body, second.session), "SOC/2021-II");
  NewMeeting again{BodyCode::kSoc, SessionCode{2021, 1}, year{2021} / July / 1};
  auto dup = CreateMeeting(deps_, kOfficer, again);
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().code, ErrorCode::kAlreadyExists);
  auto delegate = CreateMeeting(deps_, kIndia, again);
  ASSERT_FALSE(delegate);
  EXPECT_EQ(delegate.error().code, ErrorCode::kPermissionDenied);
}

TEST_F(Governance, AgendaAmendmentsAreRecordedWithTheirProposerUntilAdoption) {
  auto m = SocMeeting();
  auto amended = AmendAgenda(deps_, kChair, m.id, {2, "IND", "", "Growing role of Asia"});
  ASSERT_TRUE(amended);
  ASSERT_EQ(amended->amendments.size(), 1u);
  EXPECT_EQ(amended->amendments[0].previous_title, "Thematic discussion");
  EXPECT_EQ(FindItem(*amended, 2)->title, "Growing role of Asia");
  auto by_observer = AmendAgenda(deps_, kChair, m.id, {2, "JPN", "", "x"});
  ASSERT_FALSE(by_observer);
  EXPECT_EQ(by_observer.error().field, "proposed_by");
  ASSERT_TRUE(AdoptAgenda(deps_, kChair, m.id));
  auto late = AmendAgenda(deps_, kChair, m.id, {2, "IND", "", "y"});
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().code, ErrorCode::kFailedPrecondition);
}

TEST_F(Governance, R13ObserversAttendOnlyTheItemsTheyWereInvitedTo) {
  auto m = Adopted();
  EXPECT_TRUE(RecordAttendance(deps_, kOfficer, m.id, 1, {"KAZ", "IND", "JPN"}));
  auto closed = RecordAttendance(deps_, kOfficer, m.id, 2, {"KAZ", "JPN"});
  ASSERT_FALSE(closed);
  EXPECT_EQ(closed.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(closed.error().field, "present[1]");
  auto uninvited = RecordAttendance(deps_, kOfficer, m.id, 1, {"TKM"});
  ASSERT_FALSE(uninvited);
  EXPECT_EQ(uninvited.error().field, "present[0]");
  auto statement = RecordStatement(deps_, kOfficer, m.id, {0, 2, SpeakerRole::kParticipant, "JPN", "", "en", "x"});
  ASSERT_FALSE(statement);
  EXPECT_EQ(statement.error().field, "participant_id");
  // Inviting Turkmenistan opens the item to it.
  ASSERT_TRUE(SetInvitations(deps_, kChair, m.id, 3, {"TKM"}));
  EXPECT_TRUE(RecordAttendance(deps_, kOfficer, m.id, 3, {"TKM"}));
}

// --- Decisions ------------------------------------------------------------------------------

TEST_F(Governance, R24DecisionsAreNumberedPerMeetingFromOneWithoutGaps) {
  auto m = SocMeeting();
  auto early = Decide(m, 1);
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, ErrorCode::kFailedPrecondition);  // agenda not adopted
  ASSERT_TRUE(AdoptAgenda(deps_, kChair, m.id));
  EXPECT_EQ(Format(Decide(m, 1)->symbol), "SOC/2021-I/DEC/1");
  auto blocked = Decide(m, 2, {{"IND", FloorPositionKind::kObjection, "no"}});  // R2
  ASSERT_FALSE(blocked);
  EXPECT_EQ(blocked.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_NE(blocked.error().message.find("IND"), std::string::npos);
  EXPECT_EQ(Format(Decide(m, 2)->symbol), "SOC/2021-I/DEC/2");  // the refused one took no number
  auto next = Adopted(year{2021} / December / 14);
  EXPECT_EQ(Format(Decide(next, 1)->symbol), "SOC/2021-II/DEC/1");
  EXPECT_EQ(ListDecisions(deps_, kOfficer, {})->size(), 3u);
}

TEST_F(Governance, R5StatementsAndReservationsAreAttachedAndDoNotBlockR3ObserversTakeNoPart) {
  auto m = Adopted();
  auto d = Decide(m, 1, {{"RUS", FloorPositionKind::kInterpretativeStatement, "Russia understands …"},
                         {"CHN", FloorPositionKind::kReservation, "China reserves …"}});
  ASSERT_TRUE(d) << d.error().message;
  ASSERT_EQ(d->attachments.size(), 2u);
  EXPECT_EQ(d->attachments[0].participant_id, "RUS");
  EXPECT_EQ(d->attachments[1].kind, FloorPositionKind::kReservation);
  EXPECT_EQ(d->mode, AdoptionMode::kAtMeeting);
  auto observer = Decide(m, 1, {{"JPN", FloorPositionKind::kObjection, "no"}});
  ASSERT_FALSE(observer);
  EXPECT_EQ(observer.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(observer.error().field, "positions[0].participant_id");
}

TEST_F(Governance, R10SilenceOutcomeIsRecordedAtTheNextMeetingWithBothDatesAndChangesStatus) {
  auto v = Open(year{2021} / March / 20);
  clock_.Set(At(year{2021} / June / 23, 4h));
  auto m = Adopted();
  NewDecision d;
  d.meeting_id = m.id;
  d.item_number = 1;
  d.title = "Granting the CICA Observer Status to Turkmenistan";
  d.silence_procedure_id = v.record.id;
  d.status_grants = {{"TKM", ParticipantStatus::kObserverState, Date{}}};
  auto running = RecordDecision(deps_, kChair, d);
  ASSERT_FALSE(running);
  EXPECT_EQ(running.error().code, ErrorCode::kFailedPrecondition);  // not concluded yet
  auto earlier = Adopted(year{2021} / March / 15);  // a meeting held before the expiry
  d.meeting_id = earlier.id;
  ASSERT_EQ(ConcludeDueSilenceProcedures(deps_).value(), 1);
  auto too_early = RecordDecision(deps_, kChair, d);
  ASSERT_FALSE(too_early);
  EXPECT_EQ(too_early.error().code, ErrorCode::kFailedPrecondition);
  d.meeting_id = m.id;
  auto recorded = RecordDecision(deps_, kChair, d);
  ASSERT_TRUE(recorded) << recorded.error().message;
  EXPECT_EQ(Format(recorded->symbol), "SOC/2021-I/DEC/1");
  EXPECT_EQ(recorded->mode, AdoptionMode::kBySilence);
  EXPECT_EQ(FormatInstant(recorded->adopted_at), "2021-03-20T18:00:00Z");
  EXPECT_EQ(FormatDate(recorded->recorded_on), "2021-06-23");
  EXPECT_EQ(GetSilenceProcedure(deps_, kOfficer, v.record.id)->record.decision_id, recorded->id);
  auto tkm = GetParticipant(deps_, kOfficer, "TKM");
  EXPECT_EQ(StatusOn(*tkm, year{2021} / June / 22), ParticipantStatus::kNone);
  EXPECT_EQ(StatusOn(*tkm, year{2021} / June / 23), ParticipantStatus::kObserverState);
  EXPECT_EQ(tkm->statuses.back().basis, "decision SOC/2021-I/DEC/1");
  auto twice = RecordDecision(deps_, kChair, d);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kFailedPrecondition);
}

TEST_F(Governance, ADecisionRecordedOnlyInTheMinutesTakesNoNumber) {
  auto m = Adopted();
  NewDecision approve;
  approve.meeting_id = m.id;
  approve.item_number = 2;
  approve.title = "Approval of the draft Regulations of the Council of Eminent Persons";
  approve.approved_documents = {"MM/2021/DRAFT/1"};
  approve.recommended_to = BodyCode::kMm;
  approve.numbered = false;
  auto d = RecordDecision(deps_, kChair, approve);
  ASSERT_TRUE(d) << d.error().message;
  EXPECT_FALSE(IsNumbered(*d));
  EXPECT_EQ(d->approved_documents, std::vector<std::string>{"MM/2021/DRAFT/1"});
  EXPECT_EQ(d->recommended_to, BodyCode::kMm);
  ASSERT_TRUE(RecordDecision(deps_, kChair, approve));  // a second one does not collide
  EXPECT_EQ(Format(Decide(m, 1)->symbol), "SOC/2021-I/DEC/1");  // the first numbered one is still DEC/1
  EXPECT_EQ(GetDecisionBySymbol(deps_, kOfficer, {BodyCode::kSoc, 2021, 1, 0}).error().code, ErrorCode::kNotFound);
}

// --- What observers see ---------------------------------------------------------------------

TEST_F(Governance, ObserverSeesOpenItemsAndNothingOfClosedOnes) {
  auto m = Adopted();
  ASSERT_TRUE(RecordStatement(deps_, kOfficer, m.id, {0, 1, SpeakerRole::kChair, "", "Chairperson", "en", "Welcome"}));
  ASSERT_TRUE(RecordStatement(deps_, kOfficer, m.id, {0, 2, SpeakerRole::kParticipant, "IND", "", "en", "Asia"}));
  ASSERT_TRUE(Decide(m, 1));
  ASSERT_TRUE(Decide(m, 2));
  ASSERT_TRUE(GiveMandate(deps_, kOfficer, {m.id, 2, "Finalise the Catalogue", BodyCode::kSwg, std::nullopt, BodyCode::kSoc}));

  // Numbered within each item: the observer's statement numbers do not count closed items.
  EXPECT_EQ(ListStatements(deps_, kIndia, m.id, 2)->at(0).seq, 1);
  auto seen = GetMeeting(deps_, kJapan, m.id);
  ASSERT_TRUE(seen);
  ASSERT_EQ(seen->agenda.size(), 1u);
  EXPECT_EQ(seen->agenda[0].number, 1);
  EXPECT_EQ(ListStatements(deps_, kJapan, m.id, std::nullopt)->size(), 1u);
  EXPECT_EQ(ListStatements(deps_, kJapan, m.id, 2).error().code, ErrorCode::kNotFound);
  auto decisions = ListDecisions(deps_, kJapan, {});
  ASSERT_EQ(decisions->size(), 1u);
  EXPECT_EQ(Format((*decisions)[0].symbol), "SOC/2021-I/DEC/1");
  EXPECT_EQ(GetDecisionBySymbol(deps_, kJapan, {BodyCode::kSoc, 2021, 1, 2}).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(ListMandates(deps_, kJapan, {})->empty());
  // The same reads by a Member State's delegate see everything.
  EXPECT_EQ(GetMeeting(deps_, kIndia, m.id)->agenda.size(), 3u);
  EXPECT_EQ(ListDecisions(deps_, kIndia, {})->size(), 2u);
  EXPECT_EQ(ListMandates(deps_, kIndia, {})->size(), 1u);
}

// --- Mandates -------------------------------------------------------------------------------

TEST_F(Governance, OpenMandatesComeOntoTheDraftAgendaOfTheMeetingTheyAreDueBefore) {
  auto m = Adopted();
  auto mandate = GiveMandate(deps_, kOfficer, {m.id, 2, "Finalise the Catalogue", BodyCode::kSwg, std::nullopt, BodyCode::kSoc});
  ASSERT_TRUE(mandate);
  EXPECT_EQ(mandate->given_by, BodyCode::kSoc);
  EXPECT_EQ(FormatDate(mandate->given_on), "2021-06-23");
  auto next = SocMeeting(year{2021} / December / 14);
  auto due = MandatesDueAt(deps_, kOfficer, next.id);
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ((*due)[0].subject, "Finalise the Catalogue");
  EXPECT_TRUE(MandatesDueAt(deps_, kOfficer, m.id)->empty());  // not before the meeting that gave it
  ASSERT_TRUE(SetMandateStatus(deps_, kOfficer, mandate->id, MandateStatus::kFulfilled));
  EXPECT_TRUE(MandatesDueAt(deps_, kOfficer, next.id)->empty());
  auto reopen = SetMandateStatus(deps_, kOfficer, mandate->id, MandateStatus::kOpen);
  ASSERT_FALSE(reopen);
  EXPECT_EQ(reopen.error().code, ErrorCode::kFailedPrecondition);
}

TEST_F(Governance, R25WarnsOfAYearWithoutAnSocMeeting) {
  clock_.Set(At(year{2023} / February / 1));
  EXPECT_EQ(GovernanceWarnings(deps_, kOfficer)->size(), 1u);  // nothing at all in 2023
  SocMeeting(year{2021} / June / 23);
  SocMeeting(year{2023} / June / 1);
  auto warnings = GovernanceWarnings(deps_, kOfficer);
  ASSERT_EQ(warnings->size(), 1u);
  EXPECT_EQ((*warnings)[0].code, "no_soc_meeting");
  EXPECT_EQ((*warnings)[0].year, 2022);
  NewMeeting swg{BodyCode::kSwg, std::nullopt, year{2022} / June / 1};
  swg.chair_participant_id = "KAZ";
  ASSERT_TRUE(CreateMeeting(deps_, kOfficer, swg));
  EXPECT_EQ(GovernanceWarnings(deps_, kOfficer)->size(), 1u);  // an SWG meeting is not an SOC meeting
}

// --- Chairmanship and titles ----------------------------------------------------------------

TEST_F(Governance, R17TitlesByDateWithTheDeputySwitchAsASetting) {
  auto before = TitlesOn(deps_, kJapan, year{2022} / October / 12, "en");
  EXPECT_EQ(before->head, "Executive Director");
  auto after = TitlesOn(deps_, kJapan, year{2022} / October / 13, "en");
  EXPECT_EQ(after->head, "Secretary General");
  EXPECT_EQ(after->deputy, "Deputy Executive Director");
  EXPECT_EQ(TitlesOn(deps_, kJapan, year{2022} / December / 15, "en")->deputy, "Deputy Secretary General");
  Set(kDeputyTitleFrom, "2023-01-01");
  EXPECT_EQ(TitlesOn(deps_, kJapan, year{2022} / December / 15, "en")->deputy, "Deputy Executive Director");
}

TEST_F(Governance, R16ChairmanshipTermsHoldAMemberStateAndDoNotOverlap) {
  clock_.Set(At(year{2023} / January / 1));  // the terms below have begun: no recommendation needed
  auto observer = AddChairmanship(deps_, kOfficer, {"JPN", year{2022} / October / 13, std::nullopt, "x"});
  ASSERT_FALSE(observer);
  EXPECT_EQ(observer.error().code, ErrorCode::kInvalidArgument);
  // Consecutive terms of the same state (14.1.3).
  ASSERT_TRUE(AddChairmanship(deps_, kOfficer, {"KAZ", year{2022} / October / 13, std::nullopt, "6th Summit"}));
  auto on = ListChairmanships(deps_, kJapan, year{2023} / January / 1);
  ASSERT_EQ(on->size(), 1u);
  EXPECT_EQ(FormatDate((*on)[0].from), "2022-10-13");
  auto by_delegate = AddChairmanship(deps_, kIndia, {"IND", year{2024} / December / 17, std::nullopt, "x"});
  EXPECT_EQ(by_delegate.error().code, ErrorCode::kPermissionDenied);
}

TEST_F(Governance, R12ANewChairIsRecommendedByTheSocThroughASilenceProcedure) {
  clock_.Set(At(year{2024} / March / 1, 4h));
  ChairmanshipTerm next{"RUS", year{2024} / December / 17, std::nullopt, "7th Ministerial Council"};
  auto uncited = AddChairmanship(deps_, kOfficer, next);
  ASSERT_FALSE(uncited);
  EXPECT_EQ(uncited.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(uncited.error().field, "recommended_by_silence_procedure");
  auto procedure = Open(year{2024} / March / 20);
  next.recommended_by_silence_procedure = procedure.record.id;
  auto running = AddChairmanship(deps_, kOfficer, next);
  ASSERT_FALSE(running);
  EXPECT_EQ(running.error().code, ErrorCode::kFailedPrecondition);  // not adopted yet
  clock_.Set(procedure.record.procedure.expires_at);
  ASSERT_EQ(ConcludeDueSilenceProcedures(deps_).value(), 1);
  auto added = AddChairmanship(deps_, kOfficer, next);
  ASSERT_TRUE(added) << added.error().message;
  EXPECT_EQ(ListChairmanships(deps_, kJapan, year{2025} / January / 1)->at(0).recommended_by_silence_procedure,
            procedure.record.id);
}

}  // namespace
}  // namespace chancery::core
