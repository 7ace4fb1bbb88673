// Rules R3, R4, R6–R11 and R29 on the silence procedure, with the seed's Turkmenistan case.
#include "core/model/silence_procedure.hpp"

#include <gtest/gtest.h>

#include "core/testing/builders.hpp"
#include "core/testing/fakes.hpp"

namespace chancery::core {
namespace {

using namespace std::chrono;

Instant At(const char* rfc3339) { return *ParseInstant(rfc3339); }

// Asia/Almaty as far as these tests need it: UTC+6, then UTC+5 from 2024-02-29T18:00Z.
class AlmatyLikeZone : public TimeZone {
 public:
  const std::string& Name() const override { return name_; }
  seconds OffsetAt(Instant i) const override { return i < At("2024-02-29T18:00:00Z") ? hours{6} : hours{5}; }
  Result<Instant> ToInstant(LocalTime local) const override {
    auto as6 = Instant{sys_seconds{local.time_since_epoch() - hours{6}}};
    auto as5 = Instant{sys_seconds{local.time_since_epoch() - hours{5}}};
    bool six = OffsetAt(as6) == hours{6}, five = OffsetAt(as5) == hours{5};
    if (six && five) return Error::InvalidArgument("ambiguous");
    return six ? as6 : as5;
  }

 private:
  std::string name_ = "Asia/Almaty";
};

using testing::Became;
using testing::StateWith;

class Silence : public ::testing::Test {
 protected:
  Silence() {
    registry_ = {StateWith("IND", {Became(year{2002} / June / 4, ParticipantStatus::kMember)}),
                 StateWith("JPN", {Became(year{1999} / September / 14, ParticipantStatus::kObserverState)}),
                 StateWith("KWT", {Became(year{2022} / October / 13, ParticipantStatus::kMember)}),
                 StateWith("TKM", {Became(year{2021} / June / 23, ParticipantStatus::kObserverState)})};
    // Turkmenistan's request: circulated 5 March 2021, "expiring on 20 March 2021".
    procedure_.title = "Granting CICA Observer Status to Turkmenistan (under silence procedure)";
    procedure_.opened_at = At("2021-03-05T06:00:00Z");
    procedure_.expiry_wording = "expiring on 20 March 2021";
    procedure_.expires_at = *EndOfLocalDay(year{2021} / March / 20, zone_);
  }

  SilenceOutcome Run(std::vector<SilenceResponse> responses, Instant now) {
    return Evaluate(procedure_, responses, registry_, zone_, now, settings_);
  }

  AlmatyLikeZone zone_;
  std::vector<Participant> registry_;
  SilenceProcedure procedure_;
  SilenceSettings settings_;
};

TEST_F(Silence, DateOnlyDeadlineIsTheEndOfThatDayInAlmaty) {
  EXPECT_EQ(procedure_.expires_at, At("2021-03-20T18:00:00Z"));
  EXPECT_TRUE(IsWeekend(year{2021} / March / 20));  // a Saturday: R29 wants it flagged
  EXPECT_FALSE(IsWeekend(year{2021} / March / 19));
  // After 1 March 2024 the same policy gives UTC+5.
  EXPECT_EQ(*EndOfLocalDay(year{2024} / March / 20, zone_), At("2024-03-20T19:00:00Z"));
}

TEST_F(Silence, UnbrokenSilenceIsAdoptedAtTheExpiryInstant) {
  auto running = Run({}, At("2021-03-20T17:59:59Z"));
  EXPECT_EQ(running.state, SilenceState::kRunning);
  EXPECT_FALSE(running.decided_at);
  // Decided late (a server down at expiry) still dates the adoption at the expiry instant.
  auto adopted = Run({}, At("2021-06-23T04:00:00Z"));
  EXPECT_EQ(adopted.state, SilenceState::kAdopted);
  EXPECT_EQ(adopted.decided_at, At("2021-03-20T18:00:00Z"));
}

TEST_F(Silence, AMemberStatesObjectionOneSecondBeforeExpiryBreaksIt) {
  auto out = Run({{"IND", ResponseKind::kObjection, At("2021-03-20T17:59:59Z")}}, At("2021-03-21T00:00:00Z"));
  EXPECT_EQ(out.state, SilenceState::kNotAdopted);
  EXPECT_EQ(out.decided_at, At("2021-03-20T17:59:59Z"));
  EXPECT_EQ(out.broken_by, 0u);
  EXPECT_EQ(out.effects[0], ResponseEffect::kBreaksSilence);
}

TEST_F(Silence, AnObjectionAtTheExpiryInstantDoesNothing) {
  auto out = Run({{"IND", ResponseKind::kObjection, At("2021-03-20T18:00:00Z")}}, At("2021-03-21T00:00:00Z"));
  EXPECT_EQ(out.state, SilenceState::kAdopted);
  EXPECT_EQ(out.effects[0], ResponseEffect::kAtOrAfterExpiry);
}

TEST_F(Silence, OnlyMemberStatesOnTheDayCanBreakSilence) {
  auto out = Run({{"JPN", ResponseKind::kObjection, At("2021-03-10T05:00:00Z")},   // observer
                  {"KWT", ResponseKind::kObjection, At("2021-03-10T05:00:00Z")},   // not yet acceded (R4)
                  {"TKM", ResponseKind::kObjection, At("2021-03-10T05:00:00Z")},   // the applicant itself
                  {"XXX", ResponseKind::kObjection, At("2021-03-10T05:00:00Z")}},
                 At("2021-03-21T00:00:00Z"));
  EXPECT_EQ(out.state, SilenceState::kAdopted);
  EXPECT_EQ(out.effects, (std::vector<ResponseEffect>{ResponseEffect::kNotAMemberState, ResponseEffect::kNotAMemberState,
                                                      ResponseEffect::kNotAMemberState,
                                                      ResponseEffect::kUnknownParticipant}));
}

TEST_F(Silence, MembershipIsTakenOnTheLocalDateOfReceipt) {
  // Kuwait's accession day begins at 2022-10-12T18:00Z in Almaty (UTC+6).
  procedure_.opened_at = At("2022-10-01T00:00:00Z");
  procedure_.expires_at = At("2022-10-20T00:00:00Z");
  auto before = Run({{"KWT", ResponseKind::kObjection, At("2022-10-12T17:59:59Z")}}, At("2022-10-21T00:00:00Z"));
  EXPECT_EQ(before.effects[0], ResponseEffect::kNotAMemberState);
  auto after = Run({{"KWT", ResponseKind::kObjection, At("2022-10-12T18:00:00Z")}}, At("2022-10-21T00:00:00Z"));
  EXPECT_EQ(after.effects[0], ResponseEffect::kBreaksSilence);
}

TEST_F(Silence, AmendmentsBreakSilenceByDefaultCommentsNever) {
  const std::vector<SilenceResponse> amendment{{"IND", ResponseKind::kAmendment, At("2021-03-10T05:00:00Z")}};
  EXPECT_EQ(Run(amendment, At("2021-03-21T00:00:00Z")).state, SilenceState::kNotAdopted);
  settings_.amendments_break_silence = false;
  EXPECT_EQ(Run(amendment, At("2021-03-21T00:00:00Z")).state, SilenceState::kAdopted);
  auto comment = Run({{"IND", ResponseKind::kComment, At("2021-03-10T05:00:00Z")}}, At("2021-03-21T00:00:00Z"));
  EXPECT_EQ(comment.state, SilenceState::kAdopted);
  EXPECT_EQ(comment.effects[0], ResponseEffect::kDoesNotObject);
}

TEST_F(Silence, TheEarliestObjectionBreaksSilenceWhateverTheListOrder) {
  auto out = Run({{"IND", ResponseKind::kObjection, At("2021-03-15T05:00:00Z")},
                  {"IND", ResponseKind::kAmendment, At("2021-03-12T05:00:00Z")}},
                 At("2021-03-21T00:00:00Z"));
  EXPECT_EQ(out.broken_by, 1u);
  EXPECT_EQ(out.decided_at, At("2021-03-12T05:00:00Z"));
  EXPECT_EQ(out.effects[0], ResponseEffect::kAlreadyBroken);
}

TEST_F(Silence, ResponsesAfterNowAreNotYetReceived) {
  auto out = Run({{"IND", ResponseKind::kObjection, At("2021-03-15T05:00:00Z")}}, At("2021-03-10T00:00:00Z"));
  EXPECT_EQ(out.state, SilenceState::kRunning);
  EXPECT_EQ(out.effects[0], ResponseEffect::kNotYetReceived);
}

TEST_F(Silence, OpeningNeedsAnExpiryAtLeastTheMinimumPeriodAway) {
  EXPECT_TRUE(ValidateOpening(procedure_, settings_));  // 15 days and 12 hours
  auto short_period = procedure_;
  short_period.expires_at = procedure_.opened_at + days{13};
  auto r = ValidateOpening(short_period, settings_);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().field, "expires_at");
  auto backwards = procedure_;
  backwards.expires_at = procedure_.opened_at;
  EXPECT_EQ(ValidateOpening(backwards, settings_).error().field, "expires_at");
}

}  // namespace
}  // namespace chancery::core
