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

}  // namespace
}  // namespace chancery::core
