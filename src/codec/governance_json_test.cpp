// The governance shapes on their own: what the readers default and name, what the writers
// write when something is unset. The API tests cover them end to end.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "codec/governance_json.hpp"
#include "codec/json_reader.hpp"

namespace chancery::codec {
namespace {

using namespace std::chrono;
namespace json = boost::json;

json::object Parse(std::string_view text) { return json::parse(text).as_object(); }

TEST(GovernanceJson, AgendaItemsAreNumberedByPositionAndClosedUnlessSaidOtherwise) {
  auto m = NewMeetingFromJson(Parse(R"({"body":"SOC","starts_on":"2021-06-23","items":[{"title":"Opening"},{"title":"AOB","any_other_business":true}]})"));
  ASSERT_TRUE(m) << m.error().field;
  ASSERT_EQ(m->agenda.size(), 2u);
  EXPECT_EQ(m->agenda[1].number, 2);
  EXPECT_TRUE(m->agenda[0].closed_to_observers);
  EXPECT_TRUE(m->agenda[1].any_other_business);
  EXPECT_FALSE(m->session);
  EXPECT_FALSE(m->chair_participant_id);
  EXPECT_EQ(m->format, core::MeetingFormat::kInPerson);
}

TEST(GovernanceJson, ReadersNameTheMemberBelowTheirPath) {
  struct Case {
    std::string body, field;
  } cases[] = {
      {R"({"title":"T","text":"T","positions":[{"participant_id":"RUS","kind":"objection"},{"participant_id":"IND","kind":"vote"}]})",
       "positions[1].kind"},
      {R"({"title":"T","text":"T","status_grants":[{"participant_id":"TKM","status":"observer_state","from":"23 June"}]})",
       "status_grants[0].from"},
      {R"({"title":"T","text":"T","approved_documents":["MM/2021/DRAFT/1",7]})", "approved_documents[1]"},
      {R"({"title":"T","text":"T","votes":{"for":26}})", "votes"},
  };
  for (const auto& c : cases) {
    auto d = NewDecisionFromJson(Parse(c.body));
    ASSERT_FALSE(d) << c.body;
    EXPECT_EQ(d.error().code, core::ErrorCode::kInvalidArgument);
    EXPECT_EQ(d.error().field, c.field) << c.body;
  }
}

TEST(GovernanceJson, AStatusGrantWithoutADateTakesTheMeetingsFirstDay) {
  auto d = NewDecisionFromJson(Parse(R"({"title":"T","text":"T","status_grants":[{"participant_id":"TKM","status":"observer_state"}]})"));
  ASSERT_TRUE(d);
  EXPECT_FALSE(d->status_grants[0].from.ok());  // core's "unset": the meeting's first day
}

TEST(GovernanceJson, ADecisionRecordedOnlyInTheMinutesHasNoSymbol) {
  auto in = NewDecisionFromJson(Parse(R"({"title":"T","text":"T","approved_documents":["MM/2021/DRAFT/1"],"numbered":false,"recommended_to":"MM"})"));
  ASSERT_TRUE(in);
  EXPECT_FALSE(in->numbered);
  EXPECT_EQ(in->recommended_to, core::BodyCode::kMm);
  core::Decision d;
  d.symbol = {core::BodyCode::kSoc, 2021, 1, 0};
  d.recommended_to = core::BodyCode::kMm;
  auto o = json::parse(ToJsonText(d)).as_object();
  EXPECT_TRUE(o.at("symbol").is_null());
  EXPECT_EQ(o.at("meeting_code").as_string(), "SOC/2021-I");
  EXPECT_EQ(o.at("recommended_to").as_string(), "MM");
}

TEST(GovernanceJson, ARunningProcedureNamesTheResponseThatBrokeSilenceBySeq) {
  core::SilenceView view;
  view.record.id = 7;
  view.record.procedure.title = "T (under silence procedure)";
  view.record.procedure.opened_at = core::Instant{sys_days{year{2021} / March / 5}};
  view.record.procedure.expires_at = core::Instant{sys_days{year{2021} / March / 20} + 18h};
  view.record.responses = {{4, {"TKM", core::ResponseKind::kObjection, {}}, "", "", {}, 0},
                           {5, {"IND", core::ResponseKind::kObjection, {}}, "", "", {}, 0}};
  view.outcome.state = core::SilenceState::kNotAdopted;
  view.outcome.broken_by = 1;
  view.outcome.effects = {core::ResponseEffect::kNotAMemberState, core::ResponseEffect::kBreaksSilence};
  auto o = json::parse(ToJsonText(view)).as_object();
  EXPECT_EQ(o.at("state").as_string(), "not_adopted");
  EXPECT_EQ(o.at("broken_by").as_int64(), 5);
  EXPECT_TRUE(o.at("concluded_at").is_null());
  EXPECT_TRUE(o.at("meeting_id").is_null());
  EXPECT_EQ(o.at("expires_at").as_string(), "2021-03-20T18:00:00Z");
  EXPECT_EQ(o.at("responses").at(0).at("effect").as_string(), "not_a_member_state");
}

TEST(GovernanceJson, AMeetingIsWrittenWithoutItsStatements) {
  core::Meeting m;
  m.id = 1;
  m.session = {2021, 1};
  m.starts_on = m.ends_on = year{2021} / June / 23;
  m.statements.push_back({1, 1, core::SpeakerRole::kChair, "KAZ", "", "en", "said", {}});
  auto o = json::parse(ToJsonText(m)).as_object();
  EXPECT_EQ(o.at("code").as_string(), "SOC/2021-I");
  EXPECT_TRUE(o.at("agenda_symbol").is_null());
  EXPECT_TRUE(o.at("agenda_adopted_at").is_null());
  EXPECT_FALSE(o.contains("statements"));
}

TEST(GovernanceJson, AMandateIsDueByADateOrBeforeAMeetingNotBoth) {
  auto neither = NewMandateFromJson(Parse(R"({"subject":"S","assignee":"SWG"})"));
  ASSERT_FALSE(neither);
  EXPECT_EQ(neither.error().field, "due_by");
  auto next = NewMandateFromJson(Parse(R"({"subject":"S","assignee":"SWG","due_before_next_meeting_of":"SOC"})"));
  ASSERT_TRUE(next);
  EXPECT_EQ(next->due_before_next_meeting_of, core::BodyCode::kSoc);
  core::Mandate m;
  m.id = 3;
  m.given_on = year{2021} / June / 23;
  m.due_by = year{2021} / October / 1;
  auto o = json::parse(ToJsonText(m, core::Date{year{2021} / October / 2})).as_object();
  EXPECT_TRUE(o.at("overdue").as_bool());
  EXPECT_TRUE(o.at("meeting_id").is_null());
  EXPECT_TRUE(o.at("item_number").is_null());
  EXPECT_TRUE(o.at("due_before_next_meeting_of").is_null());
}

}  // namespace
}  // namespace chancery::codec
