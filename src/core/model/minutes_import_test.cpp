// Reading the record of SOC 2021-I (23 June 2021) out of its minutes, as the seed gives them
// (tests/data/seed-soc-2021-06-23.txt).
#include "core/model/minutes_import.hpp"

#include <gtest/gtest.h>

namespace chancery::core {
namespace {

using namespace std::chrono;

TEST(FindWrittenDate, DayMonthYearRangesAndTheAmericanOrder) {
  const std::string_view intro =
      "The meeting of the Senior Officials Committee (SOC) was held in Nur-Sultan in an online format on 23 June 2021.";
  auto d = FindWrittenDate(intro);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->first, year{2021} / June / 23);
  EXPECT_EQ(d->last, d->first);
  EXPECT_EQ(intro.substr(d->pos, d->size), "23 June 2021");

  auto range = FindWrittenDate("to be held in Nur-Sultan on 11-12 October 2021 - the Ministerial Declaration");
  ASSERT_TRUE(range);
  EXPECT_EQ(range->first, year{2021} / October / 11);
  EXPECT_EQ(range->last, year{2021} / October / 12);
  auto dash = FindWrittenDate("on 11\xE2\x80\x93" "12 October 2021");
  ASSERT_TRUE(dash);
  EXPECT_EQ(dash->first, year{2021} / October / 11);
  EXPECT_EQ(dash->size, std::string_view("11\xE2\x80\x93" "12 October 2021").size());

  auto us = FindWrittenDate("signed on June 23, 2021 in");
  ASSERT_TRUE(us);
  EXPECT_EQ(us->first, year{2021} / June / 23);

  // The first date in the text, whichever month comes first in the calendar.
  auto first = FindWrittenDate("received on 3 March 2021 and circulated on 5 January 2022");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->first, year{2021} / March / 3);

  EXPECT_FALSE(FindWrittenDate("in June"));
  EXPECT_FALSE(FindWrittenDate("31 June 2021"));     // no such day
  EXPECT_FALSE(FindWrittenDate("23 Junes 2021"));    // not the month's name
  EXPECT_FALSE(FindWrittenDate("123 June 2021x"));   // not a day, not a year
}

TEST(FindBody, NamesCodesAndParaphrases) {
  auto soc = FindBody("MINUTES OF THE SENIOR OFFICIALS COMMITTEE MEETING on 23 June 2021");
  ASSERT_TRUE(soc);
  EXPECT_EQ(soc->body, BodyCode::kSoc);
  EXPECT_EQ(soc->pos, 15u);
  EXPECT_EQ(FindBody("tasked the Special Working Group (SWG) with")->body, BodyCode::kSwg);
  EXPECT_EQ(FindBody("tasked the SWG with")->body, BodyCode::kSwg);
  EXPECT_EQ(FindBody("recommended its adoption by the Ministers of Foreign Affairs of the CICA Member States")->body,
            BodyCode::kMm);
  EXPECT_EQ(FindBody("before the next SOC meeting")->body, BodyCode::kSoc);
  EXPECT_EQ(FindBody("the draft Regulations of the CICA Council of Eminent Persons")->body, BodyCode::kCep);
  // Codes are capitals and whole words; a minister is not the Ministers.
  EXPECT_FALSE(FindBody("the social committee"));
  EXPECT_FALSE(FindBody("SOCIAL"));
  EXPECT_FALSE(FindBody("the First Deputy Minister of Foreign Affairs"));
  EXPECT_FALSE(FindBody("the Deputy Chairman of the Cabinet of Ministers"));
}

TEST(FindChair, TheSentenceAndThePersonDespiteAbbreviations) {
  auto chair = FindChair(
      "The meeting of the Senior Officials Committee (SOC) was held in Nur-Sultan in an online format on 23 June "
      "2021. H.E. Mr. Shakhrat Nuryshev, First Deputy Minister of Foreign Affairs of the Republic of Kazakhstan, "
      "chaired the meeting. The agenda was adopted.");
  ASSERT_TRUE(chair);
  EXPECT_EQ(chair->person,
            "H.E. Mr. Shakhrat Nuryshev, First Deputy Minister of Foreign Affairs of the Republic of Kazakhstan");
  EXPECT_EQ(chair->sentence,
            "H.E. Mr. Shakhrat Nuryshev, First Deputy Minister of Foreign Affairs of the Republic of Kazakhstan, "
            "chaired the meeting.");
  EXPECT_FALSE(FindChair("The meeting was held online."));
}

// A registry with the speakers of 23 June 2021, named as the registry names them: "Viet Nam",
// "Turkey" until 1 June 2022 and "Türkiye" from then, "Palestine" (full name "State of
// Palestine").
Participant Named(std::string id, ParticipantKind kind, std::vector<NameVersion> names) {
  Participant p;
  p.id = std::move(id);
  p.kind = kind;
  p.names = std::move(names);
  p.statuses = {{year{1999} / January / 1, ParticipantStatus::kMember, DatePrecision::kDay, "", "", ""}};
  return p;
}

Participant State(std::string id, std::string short_name, std::string full_name) {
  return Named(std::move(id), ParticipantKind::kState, {{"en", std::move(short_name), std::move(full_name), std::nullopt}});
}

std::vector<Participant> Registry() {
  return {
      State("IND", "India", "Republic of India"),
      State("KHM", "Cambodia", "Kingdom of Cambodia"),
      State("BHR", "Bahrain", "Kingdom of Bahrain"),
      State("IRN", "Iran", "Islamic Republic of Iran"),
      State("IRQ", "Iraq", "Republic of Iraq"),
      Named("TUR", ParticipantKind::kState,
            {{"en", "Turkey", "Republic of Turkey", std::nullopt},
             {"en", "T\xC3\xBCrkiye", "Republic of T\xC3\xBCrkiye", year{2022} / June / 1}}),
      State("RUS", "Russian Federation", "Russian Federation"),
      State("VNM", "Viet Nam", "Socialist Republic of Viet Nam"),
      State("CHN", "China", "People's Republic of China"),
      State("PSE", "Palestine", "State of Palestine"),
      State("KAZ", "Kazakhstan", "Republic of Kazakhstan"),
      State("KOR", "Republic of Korea", "Republic of Korea"),
      State("JOR", "Jordan", "Hashemite Kingdom of Jordan"),
      State("BGD", "Bangladesh", "People's Republic of Bangladesh"),
      State("TKM", "Turkmenistan", "Turkmenistan"),
      Named("UN", ParticipantKind::kOrganisation, {{"en", "UN", "United Nations", std::nullopt}}),
  };
}

// The seed's minutes as codec::ParseMinutesText reads them, each paragraph cut to its first
// sentence or two (the start is what is classified).
class SeedRecord : public ::testing::Test {
 protected:
  void Add(std::string id, ParagraphStyle style, std::string text, int item) {
    minutes_.paragraphs.push_back({std::move(id), style, std::move(text), item, item > 4});
  }
  void Heading(int item, std::string title) {
    Add("item-" + std::to_string(item), ParagraphStyle::kItemHeading, std::move(title), item);
    within_ = 0;
  }
  void Sub(int item, std::string text) { Add(Next(item), ParagraphStyle::kSubheading, std::move(text), item); }
  void Text(int item, std::string text) { Add(Next(item), ParagraphStyle::kText, std::move(text), item); }
  void List(int item, std::string text) { Add(Next(item), ParagraphStyle::kListItem, std::move(text), item); }
  std::string Next(int item) { return "item-" + std::to_string(item) + "-p" + std::to_string(++within_); }

  void SetUp() override {
    minutes_.lang = "en";
    minutes_.title = "MINUTES OF THE SENIOR OFFICIALS COMMITTEE MEETING on 23 June 2021 (online format)";
    Add("title", ParagraphStyle::kTitle, minutes_.title, 0);
    Add("intro-1", ParagraphStyle::kText,
        "The meeting of the Senior Officials Committee (SOC) was held in Nur-Sultan in an online format on 23 June "
        "2021. H.E. Mr. Shakhrat Nuryshev, First Deputy Minister of Foreign Affairs of the Republic of Kazakhstan, "
        "chaired the meeting.",
        0);
    Add("intro-2", ParagraphStyle::kText,
        "The adopted agenda (SOC/2021-I/Agenda/3), decisions taken (SOC/2021-I/DEC/1, SOC/2021-I/DEC/2 and "
        "SOC/2021-I/DEC/3) and the list of participants of the meeting were circulated to the Member States on 23 "
        "June 2021 through Secretariat Note Verbale \xE2\x84\x96" "7-1/397.",
        0);
    Heading(1, "Opening of the meeting");
    Sub(1, "Statement by the First Deputy Minister of Foreign Affairs of the Republic of Kazakhstan Mr. Sh.Nuryshev");
    Text(1, "Mr. Nuryshev updated SOC on implementation of the CICA Plan of Confidence Building Measures for 2021.");
    Heading(2, "Adoption of the agenda");
    Text(2, "The SOC adopted its agenda with an amendment in the title of agenda item 4 as proposed by India.");
    Heading(3, "Approval of granting the CICA Observer Status to Turkmenistan");
    Sub(3, "Comments");
    Text(3, "The Chairperson reported that on 3 March 2021 the Chairmanship received a letter.");
    Sub(3, "Decisions");
    Text(3, "The Senior Officials Committee approved granting of the CICA Observer Status to Turkmenistan.");
    Sub(3, "Comments");
    Text(3, "The Chairperson welcomed and congratulated Turkmenistan on becoming the CICA Observer State.");
    Text(3, "H.E. Mr. Vepa Hadzhiev, Vice Minister of Foreign Affairs of Turkmenistan delivered welcome remarks.");
    Heading(4, "Thematic discussion on the theme \xE2\x80\x9CGrowing role of Asia in international affairs and related "
               "adaptation of CICA\xE2\x80\x9D");
    Sub(4, "Comments");
    Text(4, "Statements were delivered by India, Cambodia, Bahrain, Iran, Turkey, Russian Federation, Vietnam and "
            "China.");
    Text(4, "India noted that mutual support and interdependence of Asian nations were main strengths.");
    Text(4, "Cambodia stressed that Asia was increasing its influence in the world.");
    Text(4, "Bahrain underscored the importance of multilateralism and inclusiveness.");
    Text(4, "Iran noted that Asia is a promising and dynamically rising area in the world.");
    Text(4, "Turkey highlighted that CICA has a considerable potential. Improving the coordination of national "
            "policies on the Asian continent will strengthen the continent's resilience in face of growing "
            "challenges and threats, and promote its sustainable development.");
    Text(4, "The Russian Federation noted Asia's positive development dynamics.");
    Text(4, "Vietnam noted the crucial role of Asia in promoting global peace, stability and development.");
    Text(4, "China noted that Asia has become an important force in global anti-epidemiological cooperation.");
    Heading(5, "Consideration of the draft of the updated CICA Catalogue of Confidence Building Measures");
    Sub(5, "Comments");
    Text(5, "The Chairperson, Russian Federation, India, Turkey and Iran made comments on the draft.");
    Text(5, "India expressed its interest in becoming a Co-coordinator in the human dimension, and the Chairperson "
            "proposed that this matter be discussed by SWG.");
    Sub(5, "Decisions");
    Text(5, "The Senior Officials Committee tasked the Special Working Group (SWG) with finalizing the draft of the "
            "updated CICA Catalogue of Confidence Building Measures before the next SOC meeting.");
    Text(5, "The Senior Officials Committee approved new co-coordinating countries for implementing confidence "
            "building measures (CBMs) under priority areas of CICA dimensions:");
    List(5, "China and Jordan in the priority area \xC2\xAB" "Epidemiological safety, public health and "
            "pharmaceuticals\xC2\xBB,");
    List(5, "Bangladesh in the priority area \xC2\xAB" "Natural disaster management\xC2\xBB, and");
    List(5, "China in the human dimension.");
    Text(5, "The Senior Officials Committee adopted the SOC decision on the List of coordinating and co-coordinating "
            "countries for implementing CBMs under priority areas of CICA dimensions (SOC/2021-I/DEC/3).");
    Heading(6, "CICA Plan of Action for Implementation of UN Global Counter Terrorism Strategy");
    Sub(6, "Video address by the UN Under-Secretary-General for Counter-Terrorism, Head of the UN Office of "
           "Counter-Terrorism, Ambassador V.Voronkov");
    Text(6, "Mr. Voronkov expressed gratitude to Kazakhstan in its capacity of CICA Chair.");
    Sub(6, "Comments");
    Text(6, "The State of Palestine noted that it had always showed its commitment and responsibility.");
    Sub(6, "Decisions");
    Text(6, "The Senior Officials Committee tasked the SWG with resuming consideration of the draft CICA Plan of "
            "Action for Implementation of UN Global Counter Terrorism Strategy before the next SOC meeting.");
    Heading(7, "Consideration of the draft Regulations of the CICA Council of Eminent Persons");
    Sub(7, "Comments");
    Text(7, "The Chairperson reported that consensus was reached within the SWG on the draft Regulation of the "
            "Council of Eminent Persons (CEP).");
    Sub(7, "Decisions");
    Text(7, "The Senior Officials Committee approved the draft of the Regulations of the Council of Eminent Persons "
            "of the Conference on Interaction and Confidence Building Measures in Asia (CICA) (MM/2021/DRAFT/1) and "
            "recommended its adoption by the Ministers of Foreign Affairs of the CICA Member States.");
    Heading(8, "Consideration of the draft Regulations of the CICA Think Tank Forum");
    Sub(8, "Comments");
    Text(8, "The Chairperson reported that the SWG had thoroughly considered the draft Regulations.");
    Sub(8, "Decisions");
    Text(8, "The Senior Officials Committee tasked the SWG with agreeing on the draft of the Regulations of the CICA "
            "Think Tank Forum before the next SOC meeting.");
    Heading(9, "Consideration of the draft general guidelines for conducting events on implementation of CICA "
               "confidence building measures");
    Sub(9, "Comments");
    Text(9, "The Chairperson, Russian Federation and Turkey discussed the draft document, and the Chairperson and "
            "the Executive Director provided clarifications.");
    Sub(9, "Decisions");
    Text(9, "The Senior Officials Committee adopted the SOC decision on General guidelines for conducting events on "
            "implementation of CICA confidence building measures (SOC/2021-I/DEC/2).");
    Heading(10, "Consideration of the proposal by the Russian Federation to amend the CICA Rules of Procedure in "
                "relation to the status of observers");
    Sub(10, "Comments");
    Text(10, "The Chairperson noted that the Russian Federation prepared and circulated proposals.");
    Text(10, "Comments by the Russian Federation: In the process of preparing amendments to the CICA Rules of "
             "Procedure, Russia proceeded from the need to strengthen trust.");
    Text(10, "Comments by the Chairperson: The Chairmanship believes that the observers represent an asset for CICA.");
    Sub(10, "Decisions");
    Text(10, "The Senior Officials Committee tasked the SWG with agreeing on amendments to the CICA Rules of "
             "Procedure in relation to the status of Observers before the next SOC meeting.");
    Heading(11, "Any other business");
    Text(11, "No issues were raised.");
    ASSERT_TRUE(ValidateContent(minutes_));
    record_ = ReadMinutesRecord(minutes_, Registry());
  }

  const RecordedItem& Item(int number) const {
    for (const auto& item : record_.items) {
      if (item.number == number) return item;
    }
    static const RecordedItem none;
    ADD_FAILURE() << "no item " << number;
    return none;
  }
  std::vector<std::string> Unclassified(int item) const {
    std::vector<std::string> ids;
    for (const auto& u : record_.unclassified) {
      if (u.item_number == item) ids.push_back(u.paragraph_id);
    }
    return ids;
  }

  DocumentContent minutes_;
  int within_ = 0;
  MinutesRecord record_;
};

TEST_F(SeedRecord, TheMeeting) {
  EXPECT_EQ(record_.body, BodyCode::kSoc);
  EXPECT_EQ(record_.meeting_date, year{2021} / June / 23);
  EXPECT_EQ(record_.chair_person,
            "H.E. Mr. Shakhrat Nuryshev, First Deputy Minister of Foreign Affairs of the Republic of Kazakhstan");
  EXPECT_EQ(record_.chair_participant_id, "KAZ");
  ASSERT_EQ(record_.items.size(), 11u);
  for (int n = 1; n <= 11; ++n) {
    EXPECT_EQ(record_.items[static_cast<std::size_t>(n - 1)].number, n);
    EXPECT_EQ(record_.items[static_cast<std::size_t>(n - 1)].closed_to_observers, n > 4);
  }
  EXPECT_EQ(Item(11).title, "Any other business");
}

TEST_F(SeedRecord, ItemFourHasEightStatementsInOrder) {
  const auto& item = Item(4);
  EXPECT_NE(item.title.find("Growing role of Asia"), std::string::npos);
  std::vector<std::string> ids, speakers;
  for (const auto& s : item.statements) {
    EXPECT_EQ(s.role, SpeakerRole::kParticipant) << s.participant_id;
    ids.push_back(s.participant_id);
    speakers.push_back(s.speaker);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"IND", "KHM", "BHR", "IRN", "TUR", "RUS", "VNM", "CHN"}));
  EXPECT_EQ(speakers, (std::vector<std::string>{"India", "Cambodia", "Bahrain", "Iran", "Turkey",
                                                "The Russian Federation", "Vietnam", "China"}));
  ASSERT_EQ(item.statements.size(), 8u);
  EXPECT_EQ(item.statements[4].paragraph_id, "item-4-p7");
  EXPECT_NE(item.statements[4].text.find("resilience in face of growing challenges"), std::string::npos);
  EXPECT_TRUE(item.decisions.empty());
  EXPECT_TRUE(item.mandates.empty());
  // The list of speakers is not a statement.
  EXPECT_EQ(Unclassified(4), (std::vector<std::string>{"item-4-p2"}));
}

TEST_F(SeedRecord, ItemFiveHasTwoDecisionsAndAMandate) {
  const auto& item = Item(5);
  ASSERT_EQ(item.decisions.size(), 2u);
  ASSERT_EQ(item.mandates.size(), 1u);
  const auto& countries = item.decisions[0];
  EXPECT_EQ(countries.symbol, "");
  EXPECT_EQ(countries.title, "Approved new co-coordinating countries for implementing confidence building measures "
                             "(CBMs) under priority areas of CICA dimensions");
  // The list items are the decision's.
  EXPECT_NE(countries.text.find(":\nChina and Jordan in the priority area"), std::string::npos);
  EXPECT_NE(countries.text.find("\nChina in the human dimension."), std::string::npos);
  const auto& list = item.decisions[1];
  EXPECT_EQ(list.symbol, "SOC/2021-I/DEC/3");
  EXPECT_EQ(list.taken_by, BodyCode::kSoc);
  EXPECT_EQ(list.title, "List of coordinating and co-coordinating countries for implementing CBMs under priority "
                        "areas of CICA dimensions");
  EXPECT_TRUE(list.approved_documents.empty());
  const auto& m = item.mandates[0];
  EXPECT_EQ(m.given_by, BodyCode::kSoc);
  EXPECT_EQ(m.assignee, BodyCode::kSwg);
  EXPECT_EQ(m.subject, "Finalizing the draft of the updated CICA Catalogue of Confidence Building Measures");
  EXPECT_EQ(m.due_before_next_meeting_of, BodyCode::kSoc);
  EXPECT_FALSE(m.due_by);
  EXPECT_EQ(m.paragraph_id, "item-5-p5");
  // "The Chairperson, Russian Federation, India, Turkey and Iran made comments": several speakers.
  ASSERT_EQ(Unclassified(5), (std::vector<std::string>{"item-5-p2"}));
  for (const auto& u : record_.unclassified) {
    if (u.paragraph_id == "item-5-p2") {
      EXPECT_EQ(u.why, "names several speakers");
    }
  }
  ASSERT_EQ(item.statements.size(), 1u);
  EXPECT_EQ(item.statements[0].participant_id, "IND");
}

TEST_F(SeedRecord, ItemsSixEightAndTenTaskTheSwgBeforeTheNextSoc) {
  for (int n : {6, 8, 10}) {
    const auto& item = Item(n);
    ASSERT_EQ(item.mandates.size(), 1u) << n;
    EXPECT_EQ(item.mandates[0].assignee, BodyCode::kSwg) << n;
    EXPECT_EQ(item.mandates[0].due_before_next_meeting_of, BodyCode::kSoc) << n;
    EXPECT_TRUE(item.decisions.empty()) << n;
  }
  EXPECT_EQ(Item(6).mandates[0].subject,
            "Resuming consideration of the draft CICA Plan of Action for Implementation of UN Global Counter "
            "Terrorism Strategy");
  EXPECT_EQ(Item(8).mandates[0].subject, "Agreeing on the draft of the Regulations of the CICA Think Tank Forum");
  EXPECT_EQ(Item(10).mandates[0].subject,
            "Agreeing on amendments to the CICA Rules of Procedure in relation to the status of Observers");
  int mandates = 0;
  for (const auto& item : record_.items) mandates += static_cast<int>(item.mandates.size());
  EXPECT_EQ(mandates, 4);
}

TEST_F(SeedRecord, ItemSevenApprovesTheDraftAndRecommendsItToTheMinisters) {
  const auto& item = Item(7);
  ASSERT_EQ(item.decisions.size(), 1u);
  const auto& d = item.decisions[0];
  EXPECT_EQ(d.symbol, "");
  EXPECT_EQ(d.approved_documents, (std::vector<std::string>{"MM/2021/DRAFT/1"}));
  EXPECT_EQ(d.recommended_to, BodyCode::kMm);
  EXPECT_EQ(d.title, "Approved the draft of the Regulations of the Council of Eminent Persons of the Conference on "
                     "Interaction and Confidence Building Measures in Asia (CICA)");
  ASSERT_EQ(item.statements.size(), 1u);
  EXPECT_EQ(item.statements[0].role, SpeakerRole::kChair);
  EXPECT_TRUE(item.mandates.empty());
}

TEST_F(SeedRecord, OtherDecisions) {
  ASSERT_EQ(Item(2).decisions.size(), 1u);
  EXPECT_TRUE(Item(2).decisions[0].adopts_agenda);
  ASSERT_EQ(Item(3).decisions.size(), 1u);
  const auto& grant = Item(3).decisions[0];
  EXPECT_EQ(grant.symbol, "");  // the minutes give none (the register has it as DEC/1)
  EXPECT_FALSE(grant.adopts_agenda);
  ASSERT_EQ(grant.status_grants.size(), 1u);
  EXPECT_EQ(grant.status_grants[0].participant_id, "TKM");
  EXPECT_EQ(grant.status_grants[0].status, ParticipantStatus::kObserverState);
  EXPECT_EQ(grant.status_grants[0].from, year{2021} / June / 23);
  EXPECT_EQ(grant.title, "Approved granting of the CICA Observer Status to Turkmenistan");
  ASSERT_EQ(Item(9).decisions.size(), 1u);
  EXPECT_EQ(Item(9).decisions[0].symbol, "SOC/2021-I/DEC/2");
  EXPECT_EQ(Item(9).decisions[0].title,
            "General guidelines for conducting events on implementation of CICA confidence building measures");
}

TEST_F(SeedRecord, ChairGuestsAndPeople) {
  ASSERT_EQ(Item(1).statements.size(), 1u);
  EXPECT_EQ(Item(1).statements[0].role, SpeakerRole::kChair);  // Mr. Nuryshev chaired
  EXPECT_EQ(Item(1).statements[0].participant_id, "KAZ");
  EXPECT_EQ(Item(1).statements[0].speaker, "Mr. Nuryshev");

  const auto& three = Item(3).statements;
  ASSERT_EQ(three.size(), 3u);
  EXPECT_EQ(three[0].role, SpeakerRole::kChair);
  EXPECT_EQ(three[1].role, SpeakerRole::kChair);
  EXPECT_EQ(three[2].role, SpeakerRole::kParticipant);  // speaking for Turkmenistan
  EXPECT_EQ(three[2].participant_id, "TKM");
  EXPECT_EQ(three[2].speaker, "H.E. Mr. Vepa Hadzhiev, Vice Minister of Foreign Affairs of Turkmenistan");

  const auto& six = Item(6).statements;
  ASSERT_EQ(six.size(), 2u);
  EXPECT_EQ(six[0].role, SpeakerRole::kGuest);
  EXPECT_EQ(six[0].speaker, "Mr. Voronkov");
  EXPECT_EQ(six[0].participant_id, "UN");  // from the subheading
  EXPECT_EQ(six[1].role, SpeakerRole::kParticipant);
  EXPECT_EQ(six[1].participant_id, "PSE");
  EXPECT_EQ(six[1].speaker, "The State of Palestine");

  const auto& ten = Item(10).statements;
  ASSERT_EQ(ten.size(), 3u);
  EXPECT_EQ(ten[0].role, SpeakerRole::kChair);
  EXPECT_EQ(ten[1].role, SpeakerRole::kParticipant);
  EXPECT_EQ(ten[1].participant_id, "RUS");  // "Comments by the Russian Federation: …"
  EXPECT_EQ(ten[2].role, SpeakerRole::kChair);  // "Comments by the Chairperson: …"

  EXPECT_EQ(Unclassified(9), (std::vector<std::string>{"item-9-p2"}));
  EXPECT_EQ(Unclassified(11), (std::vector<std::string>{"item-11-p1"}));
  EXPECT_EQ(record_.unclassified.size(), 4u);  // 4-p2, 5-p2, 9-p2, 11-p1
}

DocumentContent OneItem(std::vector<std::string> texts, std::string title = "MINUTES OF THE SOC MEETING") {
  DocumentContent c;
  c.lang = "en";
  c.title = std::move(title);
  c.paragraphs.push_back({"item-1", ParagraphStyle::kItemHeading, "Item", 1, false});
  int n = 0;
  for (auto& t : texts) c.paragraphs.push_back({"item-1-p" + std::to_string(++n), ParagraphStyle::kText, t, 1, false});
  return c;
}

std::vector<std::string> Speakers(const MinutesRecord& r) {
  std::vector<std::string> out;
  for (const auto& s : r.items.at(0).statements) out.push_back(s.participant_id);
  return out;
}

TEST(ReadMinutesRecord, NamesOfOtherDatesAndSpellingsMatch) {
  auto c = OneItem({"T\xC3\xBCrkiye noted.", "Turkiye noted.", "Turkey noted.", "Viet Nam noted.", "Vietnam noted.",
                    "The Islamic Republic of Iran noted.", "Iraq noted.", "Russia noted.", "Palestine noted."});
  // In 2023 the registry says "Türkiye"; the minutes may still say "Turkey".
  auto r = ReadMinutesRecord(c, Registry(), year{2023} / March / 1);
  EXPECT_EQ(Speakers(r), (std::vector<std::string>{"TUR", "TUR", "TUR", "VNM", "VNM", "IRN", "IRQ", "RUS", "PSE"}));
  EXPECT_TRUE(r.unclassified.empty());
}

TEST(ReadMinutesRecord, WhatItDoesNotClassify) {
  auto c = OneItem({"Atlantis noted the agenda.", "India's position was noted.", "Indiana noted.",
                    "Member States welcomed Turkmenistan.", "The meeting voiced no objections.",
                    "The Senior Officials Committee discussed the draft.",
                    "The Senior Officials Committee tasked the Chairmanship with consultations.",
                    "India and China stressed cooperation."});
  auto r = ReadMinutesRecord(c, Registry());
  EXPECT_TRUE(r.items.at(0).statements.empty());
  EXPECT_TRUE(r.items.at(0).decisions.empty());
  EXPECT_TRUE(r.items.at(0).mandates.empty());
  ASSERT_EQ(r.unclassified.size(), 8u);
  EXPECT_EQ(r.unclassified[0].paragraph_id, "item-1-p1");
  EXPECT_EQ(r.unclassified[5].why, "a body is the subject, but \"discussed\" neither decides nor tasks");
  EXPECT_EQ(r.unclassified[6].why, "tasks someone other than a body");
  EXPECT_EQ(r.unclassified[7].why, "names several speakers");
  EXPECT_FALSE(r.meeting_date);  // neither given nor in the title
}

TEST(ReadMinutesRecord, MandatesWithADateAndFollowUpParagraphs) {
  auto c = OneItem({"The SOC requested the SWG to prepare a report by 1 September 2021.",
                    "The Committee tasked the Think Tank Forum with a study before the next meeting.",
                    "India noted the report.", "It stressed cooperation.",
                    "The SOC decided to hold its next meeting in October (SOC/2021-II/DEC/1):"},
                   "MINUTES OF THE SENIOR OFFICIALS COMMITTEE MEETING on 1 July 2021");
  c.paragraphs.push_back({"item-1-p6", ParagraphStyle::kListItem, "in Nur-Sultan.", 1, false});
  auto r = ReadMinutesRecord(c, Registry());
  EXPECT_EQ(r.meeting_date, year{2021} / July / 1);
  const auto& item = r.items.at(0);
  ASSERT_EQ(item.mandates.size(), 2u);
  EXPECT_EQ(item.mandates[0].subject, "Prepare a report");
  EXPECT_EQ(item.mandates[0].due_by, year{2021} / September / 1);
  EXPECT_FALSE(item.mandates[0].due_before_next_meeting_of);
  EXPECT_EQ(item.mandates[1].assignee, BodyCode::kTtf);
  EXPECT_EQ(item.mandates[1].given_by, BodyCode::kSoc);
  EXPECT_EQ(item.mandates[1].due_before_next_meeting_of, BodyCode::kSoc);  // the meeting's own body
  ASSERT_EQ(item.statements.size(), 2u);
  EXPECT_EQ(item.statements[1].participant_id, "IND");  // "It stressed …"
  ASSERT_EQ(item.decisions.size(), 1u);
  EXPECT_EQ(item.decisions[0].symbol, "SOC/2021-II/DEC/1");
  EXPECT_EQ(item.decisions[0].text,
            "The SOC decided to hold its next meeting in October (SOC/2021-II/DEC/1):\nin Nur-Sultan.");
  EXPECT_TRUE(r.unclassified.empty());
}

}  // namespace
}  // namespace chancery::core
