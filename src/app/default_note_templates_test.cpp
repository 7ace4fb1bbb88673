// The note templates built into the binary: all of data/templates/notes, each readable.
#include "app/default_note_templates.hpp"

#include <gtest/gtest.h>

#include "codec/note_template_json.hpp"

namespace chancery::app {
namespace {

TEST(DefaultNoteTemplates, SevenPurposesInThreeLanguagesEachReadable) {
  const auto& templates = DefaultNoteTemplates();
  EXPECT_EQ(templates.size(), 21u);
  for (const auto& [key, json] : templates) {
    const auto t = codec::NoteTemplateFromJsonText(json);
    ASSERT_TRUE(t) << key.purpose << "." << key.lang << ": " << t.error().field << ": " << t.error().message;
    EXPECT_EQ(t->purpose, key.purpose);
    EXPECT_EQ(t->lang, key.lang);
  }
  const auto& seed = templates.at({"forward_final_minutes", "kk"});
  EXPECT_NE(seed.find("өзіне мәртебе санайды"), std::string::npos);
}

TEST(DefaultNoteTemplates, TheAddresseesAreBuiltInToo) {
  const auto list = codec::NoteAddresseesFromJsonText(DefaultNoteAddressees());
  ASSERT_TRUE(list) << list.error().message;
  EXPECT_EQ(list->size(), 3u);
}

}  // namespace
}  // namespace chancery::app
