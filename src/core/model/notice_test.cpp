// Notice kinds, the choices kept per user, event keys and the wording's placeholders.
#include "core/model/notice.hpp"

#include <gtest/gtest.h>

namespace chancery::core {
namespace {

TEST(NoticeKinds, RoundTripByNameAndEveryKindIsOnUntilTurnedOff) {
  for (NoticeKind k : kAllNoticeKinds) EXPECT_EQ(ParseNoticeKind(ToString(k)), k);
  EXPECT_FALSE(ParseNoticeKind("silence"));
  NoticeChoices choices;
  for (NoticeKind k : kAllNoticeKinds) EXPECT_TRUE(choices.Wants(k));
  choices.Set(NoticeKind::kMeetingConvened, false);
  choices.Set(NoticeKind::kSilenceLaunched, false);
  choices.Set(NoticeKind::kSilenceLaunched, false);  // once only
  EXPECT_EQ(FormatNoticesOff(choices), "silence_launched,meeting_convened");
  EXPECT_EQ(ParseNoticesOff("silence_launched,meeting_convened"), choices);
  choices.Set(NoticeKind::kSilenceLaunched, true);
  EXPECT_EQ(FormatNoticesOff(choices), "meeting_convened");
  EXPECT_EQ(ParseNoticesOff(""), NoticeChoices{});
  EXPECT_FALSE(ParseNoticesOff("meeting_convened,typo"));
}

TEST(NoticeKinds, EventKeysNameTheObjectAndTheEvent) {
  EXPECT_EQ(NoticeEventKey(NoticeKind::kSilenceLaunched, 12), "silence:12:launched");
  EXPECT_EQ(NoticeEventKey(NoticeKind::kSilenceOutcome, 12), "silence:12:outcome");
  EXPECT_EQ(NoticeEventKey(NoticeKind::kCommentRoundClosing, 3), "comment_round:3:closing");
  EXPECT_EQ(NoticeEventKey(NoticeKind::kMeetingConvened, 7), "meeting:7:convened");
}

TEST(NoticeWording, SubjectBlankLineBodyAndEveryPlaceholderFilled) {
  auto w = ParseNoticeWording("Meeting convened: {{meeting}}\n\nVenue: {{venue}}\n\n");
  ASSERT_TRUE(w) << w.error().message;
  EXPECT_EQ(w->subject, "Meeting convened: {{meeting}}");
  EXPECT_EQ(w->body, "Venue: {{venue}}\n");
  EXPECT_FALSE(ParseNoticeWording("Subject only\n"));
  EXPECT_FALSE(ParseNoticeWording("Subject\nno blank line\n"));
  EXPECT_EQ(*ExpandNotice("{{meeting}} at {{venue}}", {{"meeting", "SOC/2021-I"}, {"venue", "Nur-Sultan"}}),
            "SOC/2021-I at Nur-Sultan");
  auto missing = ExpandNotice("{{meeting}} at {{place}}", {{"meeting", "SOC/2021-I"}});
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("{{place}}"), std::string::npos);
  EXPECT_FALSE(ExpandNotice("{{meeting", {{"meeting", "x"}}));
}

}  // namespace
}  // namespace chancery::core
