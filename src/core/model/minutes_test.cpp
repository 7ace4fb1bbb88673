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

}  // namespace
}  // namespace chancery::core
