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
