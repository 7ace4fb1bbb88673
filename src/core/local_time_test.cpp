#include "core/local_time.hpp"

#include <gtest/gtest.h>

#include "core/testing/fakes.hpp"

namespace chancery::core {
namespace {

using namespace std::chrono;

TEST(LocalTime, DateAndTextWithTheZonesOffset) {
  testing::FixedOffsetZone almaty_2021(hours{6}, "Asia/Almaty");
  const Instant end_of_silence = *ParseInstant("2021-03-20T18:00:00Z");
  EXPECT_EQ(LocalDate(end_of_silence, almaty_2021), year{2021} / March / 21);
  EXPECT_EQ(LocalDate(end_of_silence - seconds{1}, almaty_2021), year{2021} / March / 20);
  EXPECT_EQ(FormatLocal(end_of_silence, almaty_2021), "2021-03-21T00:00:00+06:00");
  testing::FixedOffsetZone west(-(hours{3} + minutes{30}));
  EXPECT_EQ(FormatLocal(*ParseInstant("2021-03-20T18:00:00.500Z"), west), "2021-03-20T14:30:00-03:30");
}

}  // namespace
}  // namespace chancery::core
