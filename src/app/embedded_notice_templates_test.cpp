// The built-in notice wordings: every wording in every language, readable, and each placeholder
// one the planner fills (an unknown one would fail when an event is planned).
#include "app/embedded_notice_templates.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "core/model/participant.hpp"

namespace chancery::app {
namespace {

// The values core/services/notices.cpp gives each wording.
const std::map<std::string, std::map<std::string, std::string>> kValues = {
    {"silence_launched", {{"title", "T"}, {"body", "B"}, {"expires", "E"}}},
    {"silence_adopted", {{"title", "T"}, {"body", "B"}, {"decided", "D"}}},
    {"silence_not_adopted", {{"title", "T"}, {"body", "B"}, {"decided", "D"}}},
    {"comment_round_opened", {{"symbol", "S"}, {"title", "T"}, {"version", "1"}, {"deadline", "D"}}},
    {"comment_round_closing", {{"symbol", "S"}, {"title", "T"}, {"version", "1"}, {"deadline", "D"}}},
    {"meeting_convened", {{"meeting", "M"}, {"body", "B"}, {"starts", "S"}, {"ends", "E"}, {"venue", "V"}}},
};

TEST(EmbeddedNoticeTemplates, EveryWordingInEveryLanguageExpandsWithThePlannersValues) {
  auto templates = EmbeddedNoticeTemplates::Load();
  ASSERT_TRUE(templates) << templates.error().message;
  for (std::string_view wording : core::kNoticeWordings) {
    for (std::string_view lang : core::kLanguages) {
      auto w = templates->Wording(wording, lang);
      ASSERT_TRUE(w && *w) << wording << "." << lang;
      const auto& values = kValues.at(std::string(wording));
      auto subject = core::ExpandNotice((*w)->subject, values);
      auto body = core::ExpandNotice((*w)->body, values);
      EXPECT_TRUE(subject) << wording << "." << lang << ": " << subject.error().message;
      EXPECT_TRUE(body) << wording << "." << lang << ": " << body.error().message;
      EXPECT_FALSE((*w)->subject.empty());
      EXPECT_EQ(body->find("{{"), std::string::npos);
    }
  }
  EXPECT_FALSE(*templates->Wording("silence_launched", "de"));
}

TEST(EmbeddedNoticeTemplates, RussianAndKazakhAreWrittenInTheirOwnLanguage) {
  auto templates = EmbeddedNoticeTemplates::Load();
  ASSERT_TRUE(templates);
  EXPECT_NE((**templates->Wording("silence_launched", "ru")).subject.find("процедура умолчания"), std::string::npos);
  EXPECT_NE((**templates->Wording("silence_launched", "kk")).subject.find("Үнсіздік рәсімі"), std::string::npos);
  EXPECT_NE((**templates->Wording("meeting_convened", "en")).body.find("Venue: {{venue}}"), std::string::npos);
}

}  // namespace
}  // namespace chancery::app
