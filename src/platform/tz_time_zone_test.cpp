// The organisation's zone from the system tz database, including Kazakhstan's move from UTC+6
// to UTC+5 at 00:00 on 1 March 2024 (IANA tz 2024a); rule R28 of the domain brief.
#include "platform/tz_time_zone.hpp"

#include <gtest/gtest.h>

namespace chancery::platform {
namespace {

using namespace std::chrono;

core::Instant Utc(const char* text) { return *core::ParseInstant(text); }
core::LocalTime Local(const char* text) { return *core::ParseLocalTime(text); }

class Almaty : public ::testing::Test {
 protected:
  void SetUp() override {
    auto z = TzTimeZone::Locate("Asia/Almaty");
    ASSERT_TRUE(z) << z.error().message;
    zone_ = std::move(*z);
  }
  std::unique_ptr<TzTimeZone> zone_;
};

TEST_F(Almaty, OffsetChangesAtMidnightOnFirstMarch2024) {
  EXPECT_EQ(zone_->OffsetAt(Utc("2021-03-20T18:00:00Z")), hours{6});
  // Midnight at +06 is 18:00Z; the clocks went back to 23:00 at +05.
  EXPECT_EQ(zone_->OffsetAt(Utc("2024-02-29T17:59:59Z")), hours{6});
  EXPECT_EQ(zone_->OffsetAt(Utc("2024-02-29T18:00:00Z")), hours{5});
  EXPECT_EQ(zone_->OffsetAt(Utc("2025-03-20T05:00:00Z")), hours{5});
}

TEST_F(Almaty, LocalTimesResolveWithTheOffsetOfTheirDay) {
  // R28's two test cases.
  EXPECT_EQ(*zone_->ToInstant(Local("2021-03-20T23:59:59")), Utc("2021-03-20T17:59:59Z"));
  EXPECT_EQ(*zone_->ToInstant(Local("2024-03-01T00:00:00")), Utc("2024-02-29T19:00:00Z"));
  // The same wall-clock time a year apart is an hour apart in UTC.
  EXPECT_EQ(*zone_->ToInstant(Local("2023-06-01T10:00:00")), Utc("2023-06-01T04:00:00Z"));
  EXPECT_EQ(*zone_->ToInstant(Local("2024-06-01T10:00:00")), Utc("2024-06-01T05:00:00Z"));
}

TEST_F(Almaty, TheRepeatedHourIsAmbiguous) {
  // Clocks went from 00:00 (+06) back to 23:00 (+05) on 29 February: 23:30 happened twice.
  auto r = zone_->ToInstant(Local("2024-02-29T23:30:00"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, core::ErrorCode::kInvalidArgument);
}

TEST(TzTimeZone, UnknownZoneIsNotFound) {
  auto z = TzTimeZone::Locate("Asia/Astana");  // there is no such zone; the capital uses Asia/Almaty
  ASSERT_FALSE(z);
  EXPECT_EQ(z.error().code, core::ErrorCode::kNotFound);
}

}  // namespace
}  // namespace chancery::platform
