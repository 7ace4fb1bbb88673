// Note templates in JSON: the round trip, the strict reader's errors, and the default templates
// and addressees shipped in data/templates/notes (CHANCERY_NOTE_TEMPLATES).
#include "codec/note_template_json.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace chancery::codec {
namespace {

namespace fs = std::filesystem;
using core::NoteBlockRole;

core::NoteTemplate Sample() {
  return {"forward_final_minutes",
          "ru",
          "Вербальная нота № {{number}}",
          {{NoteBlockRole::kLetterhead, "СЕКРЕТАРИАТ СОВЕЩАНИЯ ПО ВЗАИМОДЕЙСТВИЮ\nИ МЕРАМ ДОВЕРИЯ В АЗИИ"},
           {NoteBlockRole::kNumber, "№ {{number}}"},
           {NoteBlockRole::kEnclosure, "Приложение:\nупомянутое,\nна {{pages}} л."},
           {NoteBlockRole::kText, "Секретариат «СВМДА» \"в кавычках\" \\ {{addressee:dative}}."},
           {NoteBlockRole::kPlaceDate, "город {{place}}, {{date}}"},
           {NoteBlockRole::kAddressee, "{{addressee:block}}"}}};
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void ExpectInvalid(std::string_view json, const std::string& field, const std::string& in_message) {
  const auto r = NoteTemplateFromJsonText(json);
  ASSERT_FALSE(r) << json;
  EXPECT_EQ(r.error().code, core::ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().field, field) << json;
  EXPECT_NE(r.error().message.find(in_message), std::string::npos) << r.error().message;
}

TEST(NoteTemplateJson, RoundTripKeepsEveryBlockRoleAndCharacter) {
  const std::string text = ToJsonText(Sample());
  EXPECT_TRUE(text.starts_with(R"({"purpose":"forward_final_minutes","lang":"ru","title":"Вербальная нота № )"
                               R"({{number}}","blocks":[{"role":"letterhead","text":"СЕКРЕТАРИАТ )"
                               R"(СОВЕЩАНИЯ ПО ВЗАИМОДЕЙСТВИЮ\nИ МЕРАМ)"))
      << text;
  const auto back = NoteTemplateFromJsonText(text);
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(*back, Sample());
  EXPECT_EQ(ToJsonText(*back), text);
}

TEST(NoteTemplateJson, TitleMayBeLeftOut) {
  const auto t = NoteTemplateFromJsonText(
      R"({"purpose":"p","lang":"kk","blocks":[{"role":"number","text":"№ {{number}}"},)"
      R"({"role":"text","text":"Мәтін."},{"role":"place_date","text":"{{place}}"},)"
      R"({"role":"addressee","text":"МҮШЕ МЕМЛЕКЕТТЕРІ"}]})");
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(t->title, "");
  EXPECT_EQ(t->blocks.size(), 4u);
  EXPECT_EQ(t->blocks[3].role, NoteBlockRole::kAddressee);
}

TEST(NoteTemplateJson, StrictReadingNamesTheMember) {
  const std::string blocks =
      R"([{"role":"number","text":"№ {{number}}"},{"role":"text","text":"T."},)"
      R"({"role":"place_date","text":"{{place}}"},{"role":"addressee","text":"A"}])";
  ExpectInvalid("not json", "", "not valid JSON");
  ExpectInvalid("[]", "", "must be a JSON object");
  ExpectInvalid(R"({"purpose":"p","lang":"en","blocks":)" + blocks + R"(,"author":"me"})", "author",
                "unknown member 'author'");
  ExpectInvalid(R"({"lang":"en","blocks":)" + blocks + "}", "purpose", "is required");
  ExpectInvalid(R"({"purpose":"p","lang":"en"})", "blocks", "is required");
  ExpectInvalid(R"({"purpose":"p","lang":"en","blocks":{}})", "blocks", "must be an array");
  ExpectInvalid(R"({"purpose":"p","lang":"en","blocks":[1]})", "blocks[0]", "must be an object");
  ExpectInvalid(R"({"purpose":"p","lang":"en","blocks":[{"role":"signature","text":"x"}]})", "blocks[0].role",
                "must be one of letterhead, number, text, enclosure, place_date, addressee");
  ExpectInvalid(R"({"purpose":"p","lang":"en","blocks":[{"text":"x"}]})", "blocks[0].role", "is required");
  ExpectInvalid(R"({"purpose":"p","lang":"en","blocks":[{"role":"text"}]})", "blocks[0].text", "is required");
  ExpectInvalid(R"({"purpose":"p","lang":"en","blocks":[{"role":"text","text":""}]})", "blocks[0].text",
                "must not be empty");
  ExpectInvalid(R"({"purpose":"p","lang":"en","blocks":[{"role":"text","text":"x","style":"bold"}]})",
                "blocks[0].style", "unknown member 'style'");
  ExpectInvalid(R"({"purpose":"p","lang":"en","title":7,"blocks":)" + blocks + "}", "title", "must be a string");
  // What the model refuses comes through with its field.
  ExpectInvalid(R"({"purpose":"p","lang":"de","blocks":)" + blocks + "}", "lang", "en, ru, kk");
  ExpectInvalid(R"({"purpose":"Forward","lang":"en","blocks":)" + blocks + "}", "purpose", "lower-case");
  ExpectInvalid(
      R"({"purpose":"p","lang":"en","blocks":[{"role":"number","text":"№ {{number"},{"role":"text","text":"T."},)"
      R"({"role":"place_date","text":"{{place}}"},{"role":"addressee","text":"A"}]})",
      "blocks[0].text", "\"{{\" without \"}}\"");
  ExpectInvalid(R"({"purpose":"p","lang":"en","blocks":[{"role":"text","text":"T."},)"
                R"({"role":"place_date","text":"{{place}}"},{"role":"addressee","text":"A"}]})",
                "blocks", "exactly one number block");
}

// ---- the defaults in data/templates/notes ------------------------------------------------------

const fs::path kDir = CHANCERY_NOTE_TEMPLATES;

std::map<std::string, std::map<std::string, core::NoteTemplate>> DefaultTemplates() {
  std::map<std::string, std::map<std::string, core::NoteTemplate>> out;
  for (const auto& entry : fs::directory_iterator(kDir)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".json" || name == "addressees.json") continue;
    const auto t = NoteTemplateFromJsonText(ReadFile(entry.path()));
    EXPECT_TRUE(t) << name << ": " << (t ? "" : t.error().field + ": " + t.error().message);
    if (!t) continue;
    EXPECT_EQ(name, t->purpose + "." + t->lang + ".json") << "the file is named after its purpose and language";
    out[t->purpose][t->lang] = *t;
  }
  return out;
}

TEST(DefaultNoteTemplates, EveryPurposeInEveryLanguage) {
  const auto templates = DefaultTemplates();
  const std::set<std::string> purposes = {"forward_final_minutes",   "circulate_draft_minutes", "launch_silence_procedure",
                                          "silence_outcome",         "silence_broken",          "invite_to_meeting",
                                          "circulate_meeting_documents"};
  std::set<std::string> found;
  for (const auto& [purpose, langs] : templates) {
    found.insert(purpose);
    EXPECT_EQ(langs.size(), 3u) << purpose;
    for (const char* lang : {"en", "ru", "kk"}) EXPECT_EQ(langs.count(lang), 1u) << purpose << " " << lang;
  }
  EXPECT_EQ(found, purposes);
}

// The three languages of a purpose ask for the same values (forms differ: Russian and Kazakh
// decline what English does not), and the README lists each of them under the purpose.
TEST(DefaultNoteTemplates, LanguagesAskForTheSameValuesAndTheReadmeListsThem) {
  const std::string readme = ReadFile(kDir / "README.md");
  ASSERT_FALSE(readme.empty());
  for (const auto& [purpose, langs] : DefaultTemplates()) {
    std::map<std::string, std::set<std::string>> names;
    for (const auto& [lang, t] : langs) {
      const auto placeholders = core::Placeholders(t);
      ASSERT_TRUE(placeholders) << purpose << " " << lang;
      for (const auto& p : *placeholders) names[lang].insert(p.name);
    }
    EXPECT_EQ(names["en"], names["ru"]) << purpose;
    EXPECT_EQ(names["en"], names["kk"]) << purpose;

    const std::size_t section = readme.find("### `" + purpose + "`");
    ASSERT_NE(section, std::string::npos) << purpose << " has no section in README.md";
    const std::string text = readme.substr(section, readme.find("\n### ", section + 1) - section);
    for (const auto& name : names["en"]) {
      EXPECT_NE(text.find("`" + name + "`"), std::string::npos) << purpose << ": README does not list " << name;
    }
  }
}

TEST(DefaultNoteTemplates, EveryNoteHasTheCourtesyFormulas) {
  const std::map<std::string, std::pair<std::string, std::string>> formulas = {
      {"en", {"presents its compliments to the", "the assurances of its highest consideration."}},
      {"ru", {"свидетельствует свое уважение", "уверения в своем весьма высоком уважении."}},
      {"kk", {"өзінің зор ілтипатын білдіре отырып", "өзінің зор ілтипатын тағы да растайды."}},
  };
  for (const auto& [purpose, langs] : DefaultTemplates()) {
    for (const auto& [lang, t] : langs) {
      std::string text;
      for (const auto& b : t.blocks) {
        if (b.role == NoteBlockRole::kText) text += b.text + "\n";
      }
      EXPECT_NE(text.find(formulas.at(lang).first), std::string::npos) << purpose << " " << lang;
      EXPECT_NE(text.find(formulas.at(lang).second), std::string::npos) << purpose << " " << lang;
    }
  }
}

TEST(DefaultNoteAddressees, AllMemberStatesInEachLanguage) {
  const auto list = NoteAddresseesFromJsonText(ReadFile(kDir / "addressees.json"));
  ASSERT_TRUE(list) << list.error().field << ": " << list.error().message;
  ASSERT_EQ(list->size(), 3u);
  EXPECT_EQ((*list)[0], (core::NoteAddressee{"member_states", "en",
                                             {{"", "CICA Member States"},
                                              {"block", "MEMBER STATES\nOF THE CONFERENCE ON INTERACTION\nAND "
                                                        "CONFIDENCE BUILDING MEASURES\nIN ASIA"}}}));
  EXPECT_EQ((*list)[1].forms.at("dative"), "государствам-членам СВМДА");
  EXPECT_EQ((*list)[2].forms.at("dative"), "АӨСШК мүше мемлекеттеріне");
}

TEST(NoteAddresseesJson, StrictReading) {
  auto expect = [](std::string_view json, const std::string& field, const std::string& message) {
    const auto r = NoteAddresseesFromJsonText(json);
    ASSERT_FALSE(r) << json;
    EXPECT_EQ(r.error().field, field) << json;
    EXPECT_NE(r.error().message.find(message), std::string::npos) << r.error().message;
  };
  expect(R"({"addressees":[],"extra":1})", "extra", "unknown member");
  expect(R"({"addressees":[{"id":"a","lang":"fr","forms":{"":"x"}}]})", "addressees[0].lang", "en, ru, kk");
  expect(R"({"addressees":[{"id":"a","lang":"en","forms":{}}]})", "addressees[0].forms", "at least one form");
  expect(R"({"addressees":[{"id":"a","lang":"en","forms":{"Dative":"x"}}]})", "addressees[0].forms.Dative",
         "lower-case");
  expect(R"({"addressees":[{"id":"a","lang":"en","forms":{"":""}}]})", "addressees[0].forms.", "non-empty string");
  expect(R"({"addressees":[{"id":"a","lang":"en","forms":{"":"x"}},{"id":"a","lang":"en","forms":{"":"y"}}]})",
         "addressees[1]", "listed twice");
}

}  // namespace
}  // namespace chancery::codec
