// Note templates: validation, the placeholders they name, expansion and its errors, and the
// values the service fills them with (note_values.hpp).
#include "core/model/note_template.hpp"

#include <gtest/gtest.h>

#include "core/model/note_values.hpp"

namespace chancery::core {
namespace {

using namespace std::chrono;

NoteTemplate Sample() {
  return {"forward_final_minutes",
          "en",
          "Note Verbale № {{number}}",
          {{NoteBlockRole::kLetterhead, "SECRETARIAT"},
           {NoteBlockRole::kNumber, "№ {{number}}"},
           {NoteBlockRole::kText, "The Secretariat forwards the minutes of the {{body:with_acronym}} of "
                                  "{{meeting_date:text}} to the {{addressee}}."},
           {NoteBlockRole::kEnclosure, "Enclosure:\nas stated, on {{pages}} p."},
           {NoteBlockRole::kPlaceDate, "{{place}}, {{date}}"},
           {NoteBlockRole::kAddressee, "{{addressee:block}}"}}};
}

// Writes a date as "<ISO>/<form>", so that tests see which form was asked for.
class FormNamingFormatter : public DateFormatter {
 public:
  std::string LongDate(Date date, std::string_view lang) const override {
    return WrittenDate(date, lang, DateForm::kLong);
  }
  std::string WrittenDate(Date date, std::string_view lang, DateForm form) const override {
    return FormatDate(date) + "/" + std::string(ToString(form)) + "/" + std::string(lang);
  }
  std::string LocalDateTime(Instant, const TimeZone&, std::string_view) const override { return {}; }
};

NoteValues SampleValues() {
  NoteValues v;
  v.Set("number", "17-1/435").Set("pages", "8").Set("place", "Nur-Sultan");
  v.Set("addressee", WordForms{{"", "CICA Member States"}, {"block", "MEMBER STATES\nOF CICA"}});
  v.Set("body", NoteBodyForms(BodyOf(BodyCode::kSoc), "en"));
  v.SetDate("date", year{2021} / July / 12);
  v.SetDate("meeting_date", year{2021} / June / 23);
  return v;
}

void ExpectInvalid(const Result<ExpandedNote>& r, const std::string& field, const std::string& in_message) {
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().field, field);
  EXPECT_NE(r.error().message.find(in_message), std::string::npos) << r.error().message;
}

TEST(NoteBlockRole, NamesRoundTrip) {
  for (const char* name : {"letterhead", "number", "text", "enclosure", "place_date", "addressee"}) {
    const auto role = ParseNoteBlockRole(name);
    ASSERT_TRUE(role) << name;
    EXPECT_EQ(ToString(*role), name);
  }
  EXPECT_EQ(ParseNoteBlockRole("signature"), std::nullopt);
  EXPECT_EQ(ParseNoteBlockRole("Text"), std::nullopt);
}

TEST(ExpandNote, FillsEveryPlaceholderInOrderAndKeepsRolesAndLineBreaks) {
  const FormNamingFormatter formatter;
  const NoteValues values = SampleValues();
  const auto note = ExpandNote(Sample(), values.Lookup(formatter, "en"));
  ASSERT_TRUE(note) << note.error().message;
  EXPECT_EQ(note->purpose, "forward_final_minutes");
  EXPECT_EQ(note->lang, "en");
  EXPECT_EQ(note->title, "Note Verbale № 17-1/435");
  const std::vector<NoteBlock> expected = {
      {NoteBlockRole::kLetterhead, "SECRETARIAT"},
      {NoteBlockRole::kNumber, "№ 17-1/435"},
      {NoteBlockRole::kText, "The Secretariat forwards the minutes of the Senior Officials Committee (SOC) of "
                             "2021-06-23/text/en to the CICA Member States."},
      {NoteBlockRole::kEnclosure, "Enclosure:\nas stated, on 8 p."},
      {NoteBlockRole::kPlaceDate, "Nur-Sultan, 2021-07-12/long/en"},
      {NoteBlockRole::kAddressee, "MEMBER STATES\nOF CICA"},
  };
  EXPECT_EQ(note->blocks, expected);
}

TEST(ExpandNote, AValueIsNotExpandedAgain) {
  const NoteTemplate t{"p", "en", "", {{NoteBlockRole::kNumber, "{{a}}"}, {NoteBlockRole::kText, "x"},
                                       {NoteBlockRole::kPlaceDate, "y"}, {NoteBlockRole::kAddressee, "z"}}};
  NoteValues v;
  v.Set("a", "{{b}}");
  const FormNamingFormatter formatter;
  const auto note = ExpandNote(t, v.Lookup(formatter, "en"));
  ASSERT_TRUE(note);
  EXPECT_EQ(note->blocks[0].text, "{{b}}");
}

TEST(ExpandNote, AnUnknownPlaceholderIsNamedWithItsBlock) {
  NoteTemplate t = Sample();
  t.blocks[3].text = "Enclosure: {{page_count}} p.";
  const FormNamingFormatter formatter;
  const NoteValues values = SampleValues();
  const auto r = ExpandNote(t, values.Lookup(formatter, "en"));
  ExpectInvalid(r, "blocks[3].text", "{{page_count}}: no such value");
}

TEST(ExpandNote, AnUnknownFormIsNamedWithTheFormsThereAre) {
  const FormNamingFormatter formatter;
  const NoteValues values = SampleValues();
  NoteTemplate t = Sample();
  t.blocks[5].text = "{{addressee:dative}}";
  ExpectInvalid(ExpandNote(t, values.Lookup(formatter, "en")), "blocks[5].text",
                "{{addressee:dative}}: no form 'dative'; there are: {{name}}, block");

  t = Sample();
  t.blocks[2].text = "of {{meeting_date:genitive}}";
  ExpectInvalid(ExpandNote(t, values.Lookup(formatter, "en")), "blocks[2].text",
                "{{meeting_date:genitive}}: a date has no form 'genitive'; it has long, text, locative, attributive");

  t = Sample();
  t.title = "{{number:short}}";
  ExpectInvalid(ExpandNote(t, values.Lookup(formatter, "en")), "title", "{{number:short}}: no form 'short'");
}

TEST(ExpandNote, TheLookupsErrorCodeIsKept) {
  const auto r = ExpandNote(Sample(), [](std::string_view, std::string_view) -> Result<std::string> {
    return Error::Unavailable("the register is busy");
  });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(r.error().message, "{{number}}: the register is busy");
  EXPECT_EQ(r.error().field, "title");
}

TEST(ExpandNote, UnbalancedOrMalformedBracesAreRefused) {
  const NoteLookup any = [](std::string_view, std::string_view) -> Result<std::string> { return std::string("v"); };
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"№ {{number", "\"{{\" without \"}}\": \"{{number\""},
      {"№ number}}", "\"}\" without \"{{\" before it: \"№ number}\""},
      {"№ {number}", "a single \"{\""},
      {"№ {{number}", "\"{{\" without \"}}\""},
      {"№ {{ number }}", "\"{{ number }}\" is not a placeholder"},
      {"№ {{Number}}", "\"{{Number}}\" is not a placeholder"},
      {"№ {{number:}}", "\"{{number:}}\" is not a placeholder"},
      {"№ {{:form}}", "\"{{:form}}\" is not a placeholder"},
      {"№ {{a:b:c}}", "\"{{a:b:c}}\" is not a placeholder"},
      {"№ {{{number}}}", "\"{{{number}}\" is not a placeholder"},
      {"№ {{}}", "\"{{}}\" is not a placeholder"},
  };
  for (const Case& c : cases) {
    NoteTemplate t = Sample();
    t.blocks[1].text = c.text;
    ExpectInvalid(ExpandNote(t, any), "blocks[1].text", c.message);
    EXPECT_FALSE(ValidateNoteTemplate(t)) << c.text;
    EXPECT_FALSE(Placeholders(t)) << c.text;
  }
}

TEST(ValidateNoteTemplate, TheDefaultShapeIsValidAndEachRuleNamesItsField) {
  EXPECT_TRUE(ValidateNoteTemplate(Sample()));
  auto expect = [](NoteTemplate t, const std::string& field, const std::string& message) {
    const auto r = ValidateNoteTemplate(t);
    ASSERT_FALSE(r) << field;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().field, field);
    EXPECT_NE(r.error().message.find(message), std::string::npos) << r.error().message;
  };
  NoteTemplate t = Sample();
  t.purpose = "Forward minutes";
  expect(t, "purpose", "lower-case");
  t = Sample();
  t.lang = "de";
  expect(t, "lang", "en, ru, kk");
  t = Sample();
  t.blocks.clear();
  expect(t, "blocks", "needs blocks");
  t = Sample();
  t.blocks[4].text.clear();
  expect(t, "blocks[4].text", "must not be empty");
  t = Sample();
  t.blocks.erase(t.blocks.begin() + 1);  // the number
  expect(t, "blocks", "exactly one number block");
  t = Sample();
  t.blocks.push_back({NoteBlockRole::kNumber, "№ {{number}}"});
  expect(t, "blocks", "exactly one number block");
  t = Sample();
  t.blocks.erase(t.blocks.begin() + 4);  // place and date
  expect(t, "blocks", "exactly one place_date block");
  t = Sample();
  t.blocks.erase(t.blocks.begin() + 2);  // the only text
  expect(t, "blocks", "a text block");
  t = Sample();
  t.blocks.pop_back();  // the addressee
  expect(t, "blocks", "an addressee block");
  t = Sample();
  t.title = "Note {{number";
  expect(t, "title", "without");
}

TEST(Placeholders, EachOnceInOrderOfFirstUseTitleFirst) {
  const auto names = Placeholders(Sample());
  ASSERT_TRUE(names) << names.error().message;
  const std::vector<Placeholder> expected = {{"number", ""},       {"body", "with_acronym"}, {"meeting_date", "text"},
                                             {"addressee", ""},    {"pages", ""},            {"place", ""},
                                             {"date", ""},         {"addressee", "block"}};
  EXPECT_EQ(*names, expected);
}

TEST(NoteValues, ALaterSetReplacesAndDatesAndWordsDoNotMix) {
  const FormNamingFormatter formatter;
  NoteValues v;
  v.Set("x", "one").SetDate("x", year{2021} / March / 5);
  EXPECT_EQ(*v.Lookup(formatter, "kk")("x", "locative"), "2021-03-05/locative/kk");
  EXPECT_EQ(*v.Lookup(formatter, "kk")("x", ""), "2021-03-05/long/kk");
  v.Set("x", "two");
  EXPECT_EQ(*v.Lookup(formatter, "kk")("x", ""), "two");
  EXPECT_FALSE(v.Lookup(formatter, "kk")("x", "locative"));
}

TEST(NoteBodyForms, TheSeedsBodyInEachLanguage) {
  const Body& soc = BodyOf(BodyCode::kSoc);
  const WordForms en = NoteBodyForms(soc, "en");
  EXPECT_EQ(en.at(""), "Senior Officials Committee");
  EXPECT_EQ(en.at("acronym"), "SOC");
  EXPECT_EQ(en.at("with_acronym"), "Senior Officials Committee (SOC)");
  const WordForms ru = NoteBodyForms(soc, "ru");
  EXPECT_EQ(ru.at("genitive_with_acronym"), "Комитета старших должностных лиц (КСДЛ)");
  EXPECT_EQ(ru.at("dative"), "Комитету старших должностных лиц");
  EXPECT_EQ(ru.at("with_acronym"), "Комитет старших должностных лиц (КСДЛ)");
  const WordForms kk = NoteBodyForms(soc, "kk");
  EXPECT_EQ(kk.at("with_acronym"), "Аға лауазымды тұлғалар комитеті (АЛТК)");
  EXPECT_EQ(kk.count("genitive"), 0u);
  // No acronym known: the name stands alone rather than before "()".
  EXPECT_EQ(NoteBodyForms(BodyOf(BodyCode::kSummit), "ru").at("genitive_with_acronym"), "Саммита");
  EXPECT_EQ(NoteBodyForms(BodyOf(BodyCode::kCep), "en").at("with_acronym"), "Council of Eminent Persons");
}

}  // namespace
}  // namespace chancery::core
