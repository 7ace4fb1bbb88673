// The place a note is dated at, by its date, from the "notes.place" setting (R20).
#include "core/model/note_place.hpp"

#include <gtest/gtest.h>

namespace chancery::core {
namespace {

using namespace std::chrono;

TEST(NotePlace, TheDefaultSettingGivesNurSultanFrom23March2019To16September2022) {
  const auto places = ParseDatedPlaces(kDefaultNotePlace);
  ASSERT_TRUE(places) << places.error().message;
  EXPECT_EQ(PlaceOn(*places, year{2019} / March / 22, "en"), "Astana");
  EXPECT_EQ(PlaceOn(*places, year{2019} / March / 23, "en"), "Nur-Sultan");
  EXPECT_EQ(PlaceOn(*places, year{2021} / July / 12, "ru"), "Нур-Султан");
  EXPECT_EQ(PlaceOn(*places, year{2021} / July / 12, "kk"), "Нұр-Сұлтан");
  EXPECT_EQ(PlaceOn(*places, year{2022} / September / 16, "kk"), "Нұр-Сұлтан");
  EXPECT_EQ(PlaceOn(*places, year{2022} / September / 17, "ru"), "Астана");
}

TEST(NotePlace, AMalformedSettingIsRefusedSayingWhy) {
  for (const char* bad : {"", "Astana|Астана", "Astana|Астана|Астана; Almaty|Алматы|Алматы",
                          "2019-03-23..2022-09-16 Nur-Sultan|Нур-Султан|Нұр-Сұлтан",
                          "Astana|Астана|Астана; 2022-09-16..2019-03-23 Nur-Sultan|Нур-Султан|Нұр-Сұлтан",
                          "Astana||Астана", "Astana|Астана|Астана|x"}) {
    const auto places = ParseDatedPlaces(bad);
    ASSERT_FALSE(places) << bad;
    EXPECT_EQ(places.error().code, ErrorCode::kInvalidArgument) << bad;
  }
}

}  // namespace
}  // namespace chancery::core
