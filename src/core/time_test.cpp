#include "core/time.hpp"

#include <gtest/gtest.h>

namespace chancery::core {
namespace {

using namespace std::chrono;

TEST(ParseDate, AcceptsIsoDatesOnly) {
  auto d = ParseDate("2021-06-23");
  ASSERT_TRUE(d);
  EXPECT_EQ(*d, year{2021} / June / 23);
  EXPECT_FALSE(ParseDate("2021-02-29"));  // not a leap year
  EXPECT_FALSE(ParseDate("2021-6-23"));
  EXPECT_FALSE(ParseDate("23.06.2021"));
  EXPECT_FALSE(ParseDate("2021-06-23T00:00:00Z"));
  EXPECT_TRUE(ParseDate("2024-02-29"));
  EXPECT_EQ(FormatDate(year{2021} / March / 5), "2021-03-05");
}

TEST(ParseInstant, ReadsOffsetsAndFractions) {
  auto utc = ParseInstant("2021-03-20T18:00:00Z");
  ASSERT_TRUE(utc);
  auto with_offset = ParseInstant("2021-03-21T00:00:00+06:00");
  ASSERT_TRUE(with_offset);
  EXPECT_EQ(*utc, *with_offset);
  auto negative = ParseInstant("2021-03-20T12:30:00-05:30");
  ASSERT_TRUE(negative);
  EXPECT_EQ(FormatInstant(*negative), "2021-03-20T18:00:00Z");
  auto ms = ParseInstant("2024-02-29T19:00:00.25Z");
  ASSERT_TRUE(ms);
  EXPECT_EQ(FormatInstant(*ms), "2024-02-29T19:00:00.250Z");
}

TEST(ParseInstant, RejectsMalformed) {
  for (const char* bad : {"", "2021-03-20", "2021-03-20T18:00:00", "2021-03-20T24:00:00Z",
                          "2021-03-20T18:00:00+6:00", "2021-03-20T18:00:00Zjunk", "2021-13-01T00:00:00Z",
                          "2021-03-20T18:00:00.Z"}) {
    EXPECT_FALSE(ParseInstant(bad)) << bad;
  }
}

TEST(ParseLocalTime, WallClock) {
  auto t = ParseLocalTime("2021-03-20T23:59:59");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->time_since_epoch(), (sys_days{year{2021} / March / 20} + 23h + 59min + 59s).time_since_epoch());
  EXPECT_FALSE(ParseLocalTime("2021-03-20T23:59:59Z"));
}

TEST(FormatOffset, SignAndMinutes) {
  EXPECT_EQ(FormatOffset(hours{6}), "+06:00");
  EXPECT_EQ(FormatOffset(-(hours{3} + minutes{30})), "-03:30");
  EXPECT_EQ(FormatOffset(seconds{0}), "+00:00");
}

}  // namespace
}  // namespace chancery::core
