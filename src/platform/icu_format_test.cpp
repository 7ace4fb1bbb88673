#include "platform/icu_format.hpp"

#include <gtest/gtest.h>

#include "platform/tz_time_zone.hpp"

namespace chancery::platform {
namespace {

using namespace std::chrono;

TEST(FormatLongDate, TheFormsOfTheNoteVerbale) {
  const core::Date d = year{2021} / July / 12;
  EXPECT_EQ(FormatLongDate(d, "en"), "12 July 2021");
  EXPECT_EQ(FormatLongDate(d, "ru"), "12 июля 2021 г.");
  EXPECT_EQ(FormatLongDate(d, "kk"), "2021 жылғы 12 шілде");
  EXPECT_EQ(FormatLongDate(d, "xx"), "12 July 2021");
}

TEST(FormatDate, TheSeedsDatesInEveryLanguage) {
  const core::Date meeting = year{2021} / June / 23;
  const core::Date draft = year{2021} / June / 25;
  EXPECT_EQ(FormatDate(meeting, "en", core::DateForm::kText), "23 June 2021");
  EXPECT_EQ(FormatDate(meeting, "en", core::DateForm::kAttributive), "23 June 2021");
  EXPECT_EQ(FormatDate(meeting, "ru", core::DateForm::kText), "23 июня 2021 года");
  EXPECT_EQ(FormatDate(draft, "ru", core::DateForm::kLocative), "25 июня 2021 года");
  EXPECT_EQ(FormatDate(meeting, "ru", core::DateForm::kLong), "23 июня 2021 г.");
  EXPECT_EQ(FormatDate(meeting, "kk", core::DateForm::kAttributive), "2021 жылғы 23 маусымдағы");
  EXPECT_EQ(FormatDate(draft, "kk", core::DateForm::kLocative), "2021 жылғы 25 маусымда");
  EXPECT_EQ(FormatDate(draft, "kk", core::DateForm::kText), "2021 жылғы 25 маусым");
  EXPECT_EQ(FormatDate(year{2021} / July / 12, "kk", core::DateForm::kLong), "2021 жылғы 12 шілде");
}

// Each Kazakh month with its locative and attributive ending, written out by hand: the ending
// follows the month name's last vowel and last sound, so a wrong table entry shows here.
TEST(FormatDate, KazakhCaseEndingsForEveryMonth) {
  struct Expected {
    unsigned month;
    const char* text;
    const char* locative;
    const char* attributive;
  };
  const Expected months[] = {
      {1, "2022 жылғы 5 қаңтар", "2022 жылғы 5 қаңтарда", "2022 жылғы 5 қаңтардағы"},
      {2, "2022 жылғы 5 ақпан", "2022 жылғы 5 ақпанда", "2022 жылғы 5 ақпандағы"},
      {3, "2022 жылғы 5 наурыз", "2022 жылғы 5 наурызда", "2022 жылғы 5 наурыздағы"},
      {4, "2022 жылғы 5 сәуір", "2022 жылғы 5 сәуірде", "2022 жылғы 5 сәуірдегі"},
      {5, "2022 жылғы 5 мамыр", "2022 жылғы 5 мамырда", "2022 жылғы 5 мамырдағы"},
      {6, "2022 жылғы 5 маусым", "2022 жылғы 5 маусымда", "2022 жылғы 5 маусымдағы"},
      {7, "2022 жылғы 5 шілде", "2022 жылғы 5 шілдеде", "2022 жылғы 5 шілдедегі"},
      {8, "2022 жылғы 5 тамыз", "2022 жылғы 5 тамызда", "2022 жылғы 5 тамыздағы"},
      {9, "2022 жылғы 5 қыркүйек", "2022 жылғы 5 қыркүйекте", "2022 жылғы 5 қыркүйектегі"},
      {10, "2022 жылғы 5 қазан", "2022 жылғы 5 қазанда", "2022 жылғы 5 қазандағы"},
      {11, "2022 жылғы 5 қараша", "2022 жылғы 5 қарашада", "2022 жылғы 5 қарашадағы"},
      {12, "2022 жылғы 5 желтоқсан", "2022 жылғы 5 желтоқсанда", "2022 жылғы 5 желтоқсандағы"},
  };
  for (const Expected& e : months) {
    const core::Date d = year{2022} / month{e.month} / 5;
    EXPECT_EQ(FormatDate(d, "kk", core::DateForm::kLong), e.text) << e.month;
    EXPECT_EQ(FormatDate(d, "kk", core::DateForm::kText), e.text) << e.month;
    EXPECT_EQ(FormatDate(d, "kk", core::DateForm::kLocative), e.locative) << e.month;
    EXPECT_EQ(FormatDate(d, "kk", core::DateForm::kAttributive), e.attributive) << e.month;
  }
}

TEST(FormatDate, RussianRunningTextForEveryMonthIsGenitiveWithGoda) {
  const char* expected[] = {"1 января 2022 года",  "1 февраля 2022 года", "1 марта 2022 года",
                            "1 апреля 2022 года",  "1 мая 2022 года",     "1 июня 2022 года",
                            "1 июля 2022 года",    "1 августа 2022 года", "1 сентября 2022 года",
                            "1 октября 2022 года", "1 ноября 2022 года",  "1 декабря 2022 года"};
  for (unsigned m = 1; m <= 12; ++m) {
    EXPECT_EQ(FormatDate(year{2022} / month{m} / 1, "ru", core::DateForm::kText), expected[m - 1]) << m;
  }
}

TEST(FormatDate, ThePortGivesTheSameAndLongDateIsTheLongForm) {
  const IcuDateFormatter formatter;
  const core::Date d = year{2021} / September / 30;
  EXPECT_EQ(formatter.WrittenDate(d, "kk", core::DateForm::kAttributive), "2021 жылғы 30 қыркүйектегі");
  for (const char* lang : {"en", "ru", "kk"}) {
    EXPECT_EQ(formatter.WrittenDate(d, lang, core::DateForm::kLong), formatter.LongDate(d, lang)) << lang;
  }
}

TEST(DateForm, NamesRoundTripAndNoNameIsLong) {
  for (auto form : {core::DateForm::kLong, core::DateForm::kText, core::DateForm::kLocative,
                    core::DateForm::kAttributive}) {
    EXPECT_EQ(core::ParseDateForm(core::ToString(form)), form);
  }
  EXPECT_EQ(core::ParseDateForm(""), core::DateForm::kLong);
  EXPECT_EQ(core::ParseDateForm("genitive"), std::nullopt);
}

TEST(FormatLocalDateTime, UsesTheZoneOffsetOfTheInstant) {
  auto zone = TzTimeZone::Locate("Asia/Almaty");
  ASSERT_TRUE(zone);
  // 19:00Z on 29 Feb 2024 is the first instant of UTC+5: local midnight of 1 March.
  EXPECT_EQ(FormatLocalDateTime(*core::ParseInstant("2024-02-29T19:00:00Z"), **zone, "en"), "1 March 2024, 00:00");
  // The last second of UTC+6 and the first of UTC+5: the hour 23:00-24:00 happened twice.
  EXPECT_EQ(FormatLocalDateTime(*core::ParseInstant("2024-02-29T17:59:59Z"), **zone, "ru"), "29 февраля 2024 г., 23:59");
  EXPECT_EQ(FormatLocalDateTime(*core::ParseInstant("2024-02-29T18:00:00Z"), **zone, "ru"), "29 февраля 2024 г., 23:00");
  EXPECT_EQ(FormatLocalDateTime(*core::ParseInstant("2021-03-20T17:59:00Z"), **zone, "kk"), "2021 жылғы 20 наурыз, 23:59");
}

}  // namespace
}  // namespace chancery::platform
