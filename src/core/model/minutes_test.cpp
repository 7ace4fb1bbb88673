#include "core/model/minutes.hpp"

#include <gtest/gtest.h>

#include "core/testing/builders.hpp"

namespace chancery::core {
namespace {

using namespace std::chrono;

TEST(Minutes, ItemsAreListedAsTheMinutesWriteThem) {
  EXPECT_EQ(ItemList({1, 2, 3, 4}), "1-4");
  EXPECT_EQ(ItemList({5, 1, 3}), "1, 3 and 5");
  EXPECT_EQ(ItemList({1, 2, 3, 6}), "1-3 and 6");
  EXPECT_EQ(ItemList({1, 2}), "1 and 2");
  EXPECT_EQ(ItemList({7}), "7");
}

TEST(Minutes, DraftMinutesFollowTheSeedsLayoutAndMarkClosedItems) {
  Meeting m;
  m.body = BodyCode::kSoc;
  m.session = {2021, 1};
  m.starts_on = m.ends_on = year{2021} / June / 23;
  m.format = MeetingFormat::kOnline;
  m.venue = "Nur-Sultan";
  m.chair_person = "H.E. Mr. Shakhrat Nuryshev";
  m.agenda_symbol = "SOC/2021-I/Agenda/3";
  m.agenda = {{1, "Opening of the meeting", false, {"JPN"}},
              {2, "Adoption of the agenda", false, {"JPN"}},
              {3, "Catalogue of CBMs", true, {}},
              {4, "Any other business", true, {}, true}};
  m.amendments = {{3, "IND", "Catalogue", "Catalogue of CBMs"}};
  m.statements = {{1, 1, SpeakerRole::kChair, "KAZ", "Chairperson", "en", "Mr. Nuryshev updated SOC."},
                  {1, 3, SpeakerRole::kParticipant, "IND", "", "en", "India noted the Catalogue."}};
  Decision d;
  d.symbol = {BodyCode::kSoc, 2021, 1, 1};
  d.item_number = 3;
  d.text = "The Senior Officials Committee adopted the SOC decision (SOC/2021-I/DEC/1).";
  Mandate t{"Finalizing the draft Catalogue", BodyCode::kSoc, m.starts_on, BodyCode::kSwg, std::nullopt, BodyCode::kSoc};
  t.item_number = 3;
  std::vector<Decision> decisions{d};
  std::vector<Mandate> mandates{t};
  std::vector<Participant> registry{testing::StateWith("IND", year{2002} / June / 4, ParticipantStatus::kMember)};
  registry[0].names = {{"en", "India", "Republic of India", std::nullopt}};
  auto out = DraftMinutes({m, decisions, mandates, registry, [](Date) { return std::string("23 June 2021"); }});

  EXPECT_EQ(out.title, "MINUTES OF THE SENIOR OFFICIALS COMMITTEE MEETING on 23 June 2021 (online format)");
  ASSERT_TRUE(ValidateContent(out));
  std::vector<std::string> texts;
  for (const auto& p : out.paragraphs) texts.push_back(p.text);
  const std::vector<std::string> want = {
      "The meeting of the Senior Officials Committee (SOC) was held in Nur-Sultan in an online format on 23 June "
      "2021. H.E. Mr. Shakhrat Nuryshev chaired the meeting.",
      "The adopted agenda (SOC/2021-I/Agenda/3) and the decisions taken (SOC/2021-I/DEC/1) were circulated to the "
      "Member States.",
      "In accordance with p. 12.4 of the CICA Rules of Procedure, CICA observers attended the SOC meeting during the "
      "consideration of agenda items 1 and 2 at the invitation of the Chairmanship.",
      "1. Opening of the meeting", "Comments", "Mr. Nuryshev updated SOC.",
      "2. Adoption of the agenda",
      "The SOC adopted its agenda with an amendment in the title of agenda item 3 as proposed by India.",
      "3. Catalogue of CBMs", "Comments", "India noted the Catalogue.", "Decisions",
      "The Senior Officials Committee adopted the SOC decision (SOC/2021-I/DEC/1).",
      "The Senior Officials Committee tasked the Special Working Group (SWG) with finalizing the draft Catalogue "
      "before the next SOC meeting.",
      "4. Any other business", "No issues were raised."};
  EXPECT_EQ(texts, want);
  for (const auto& p : out.paragraphs) {
    // The introduction's list of decisions names DEC/1, taken under closed item 3.
    EXPECT_EQ(p.closed_to_observers, p.item_number >= 3 || p.id == "intro-2") << p.id;
  }
  EXPECT_EQ(out.paragraphs[3].style, ParagraphStyle::kItemHeading);
  EXPECT_EQ(out.paragraphs[4].style, ParagraphStyle::kSubheading);
  EXPECT_EQ(MinutesSymbol(m), "SOC/2021-I/Minutes");
}


TEST(Minutes, RussianItemListsJoinTheLastWithI) {
  EXPECT_EQ(ItemList({5, 1, 3}, "ru"), "1, 3 и 5");
  EXPECT_EQ(ItemList({1, 2, 3, 6}, "ru"), "1-3 и 6");
}

// A record as the Secretariat keeps it: English, with one statement recorded in Russian.
struct RussianRecord {
  RussianRecord() {
    m.body = BodyCode::kSoc;
    m.session = {2021, 1};
    m.starts_on = m.ends_on = year{2021} / June / 23;
    m.format = MeetingFormat::kOnline;
    m.venue = "Nur-Sultan";
    m.chair_person = "H.E. Mr. Shakhrat Nuryshev";
    m.agenda_symbol = "SOC/2021-I/Agenda/3";
    m.agenda = {{1, "Opening of the meeting", false, {"JPN"}},
                {2, "Adoption of the agenda", false, {"JPN"}},
                {3, "Catalogue of CBMs", true, {}},
                {4, "Any other business", true, {}, true}};
    m.amendments = {{3, "IND", "Catalogue", "Catalogue of CBMs"}, {1, "MNG", "Opening", "Opening of the meeting"}};
    m.statements = {{1, 1, SpeakerRole::kChair, "KAZ", "Chairperson", "en", "Mr. Nuryshev updated SOC."},
                    {1, 3, SpeakerRole::kParticipant, "IND", "", "en", "India noted the Catalogue."},
                    {2, 3, SpeakerRole::kParticipant, "RUS", "", "ru", kRussianStatement}};
    Decision d;
    d.symbol = {BodyCode::kSoc, 2021, 1, 1};
    d.item_number = 3;
    d.text = "The Senior Officials Committee adopted the SOC decision (SOC/2021-I/DEC/1).";
    decisions = {d};
    Mandate swg{"Finalizing the draft Catalogue", BodyCode::kSoc, m.starts_on, BodyCode::kSwg, std::nullopt,
                BodyCode::kSoc};
    swg.item_number = 3;
    Mandate cep{"Reporting on its work", BodyCode::kSoc, m.starts_on, BodyCode::kCep, year{2021} / October / 12,
                std::nullopt};
    cep.item_number = 3;
    mandates = {swg, cep};
    registry = {testing::StateWith("IND", year{2002} / June / 4, ParticipantStatus::kMember),
                testing::StateWith("MNG", year{2002} / June / 4, ParticipantStatus::kMember)};
    registry[0].names = {{"en", "India", "Republic of India", std::nullopt},
                         {"ru", "Индия", "Республика Индия", std::nullopt}};
    registry[1].names = {{"en", "Mongolia", "Mongolia", std::nullopt}};  // no Russian name registered
  }

  DocumentContent Draft(std::string lang) const {
    auto long_date = [lang](Date day) -> std::string {
      const bool june = day == year{2021} / June / 23;
      if (lang == "ru") return june ? "23 июня 2021 г." : "12 октября 2021 г.";
      return june ? "23 June 2021" : "12 October 2021";
    };
    return DraftMinutes({m, decisions, mandates, registry, long_date, lang});
  }

  static constexpr const char* kRussianStatement = "Россия поддержала доработку Каталога мер доверия.";
  Meeting m;
  std::vector<Decision> decisions;
  std::vector<Mandate> mandates;
  std::vector<Participant> registry;
};

std::vector<std::string> Texts(const DocumentContent& content) {
  std::vector<std::string> texts;
  for (const auto& p : content.paragraphs) texts.push_back(p.text);
  return texts;
}

TEST(Minutes, RussianMinutesWriteTheSecretariatsWordingInRussianAndTheRecordAsItIs) {
  const auto out = RussianRecord().Draft("ru");
  EXPECT_EQ(out.lang, "ru");
  EXPECT_EQ(out.title, "ПРОТОКОЛ ЗАСЕДАНИЯ КОМИТЕТА СТАРШИХ ДОЛЖНОСТНЫХ ЛИЦ 23 июня 2021 г. (в онлайн-формате)");
  ASSERT_TRUE(ValidateContent(out));
  const std::vector<std::string> want = {
      "Заседание Комитета старших должностных лиц (КСДЛ) состоялось 23 июня 2021 г. в Nur-Sultan в онлайн-формате. "
      "Председатель заседания: H.E. Mr. Shakhrat Nuryshev.",
      "Принятая повестка дня (SOC/2021-I/Agenda/3) и принятое решение (SOC/2021-I/DEC/1) были разосланы "
      "государствам-членам.",
      "В соответствии с п. 12.4 Правил процедуры СВМДА наблюдатели СВМДА по приглашению Председательства "
      "присутствовали на заседании КСДЛ при рассмотрении пунктов 1 и 2 повестки дня.",
      "1. Opening of the meeting", "Комментарии", "Mr. Nuryshev updated SOC.",
      "2. Adoption of the agenda",
      "Повестка дня принята с поправкой в названии пункта 3, предложенной делегацией: Индия.",
      // Mongolia has no Russian name in the registry: its English one, not its id.
      "Повестка дня принята с поправкой в названии пункта 1, предложенной делегацией: Mongolia.",
      "3. Catalogue of CBMs", "Комментарии", "India noted the Catalogue.", RussianRecord::kRussianStatement,
      "Решения", "The Senior Officials Committee adopted the SOC decision (SOC/2021-I/DEC/1).",
      "Поручение Комитета старших должностных лиц Специальной рабочей группе (СРГ): finalizing the draft Catalogue "
      "(срок – до следующего заседания КСДЛ).",
      // The Council of Eminent Persons has no Russian acronym: named in full, due date in Russian.
      "Поручение Комитета старших должностных лиц Совету старейшин: reporting on its work (срок – до 12 октября "
      "2021 г.).",
      "4. Any other business", "Вопросы не поднимались."};
  EXPECT_EQ(Texts(out), want);
}

TEST(Minutes, EnglishAndRussianAreParallelParagraphForParagraph) {
  const RussianRecord record;
  const auto en = record.Draft("en");
  const auto ru = record.Draft("ru");
  EXPECT_EQ(en.lang, "en");
  ASSERT_EQ(en.paragraphs.size(), ru.paragraphs.size());
  for (std::size_t i = 0; i < en.paragraphs.size(); ++i) {
    const auto& e = en.paragraphs[i];
    const auto& r = ru.paragraphs[i];
    EXPECT_EQ(e.id, r.id);
    EXPECT_EQ(e.style, r.style) << e.id;
    EXPECT_EQ(e.item_number, r.item_number) << e.id;
    EXPECT_EQ(e.closed_to_observers, r.closed_to_observers) << e.id;
    // The record's own words are the same in both; everything else is the wording's own.
    const bool record_words = e.style == ParagraphStyle::kItemHeading || e.id == "item-1-p2" ||
                              e.id == "item-3-p2" || e.id == "item-3-p3" || e.id == "item-3-p5";
    EXPECT_EQ(e.text == r.text, record_words) << e.id << ": " << e.text;
  }
  // The Russian statement is written verbatim in the English version too: there is no translation.
  EXPECT_EQ(en.paragraphs[12].text, RussianRecord::kRussianStatement);
  EXPECT_EQ(en.paragraphs[16].text,
            "The Senior Officials Committee tasked the Council of Eminent Persons (CEP) with reporting on its work by "
            "12 October 2021.");
  EXPECT_EQ(en.paragraphs[8].text, "The SOC adopted its agenda with an amendment in the title of agenda item 1 as "
                                   "proposed by Mongolia.");
}

TEST(Minutes, AnyOtherLanguageIsWrittenInEnglishAndSaysSo) {
  const auto out = RussianRecord().Draft("kk");
  EXPECT_EQ(out.lang, "en");
  EXPECT_EQ(out.title.rfind("MINUTES OF THE SENIOR OFFICIALS COMMITTEE MEETING on ", 0), 0u) << out.title;
}

}  // namespace
}  // namespace chancery::core
