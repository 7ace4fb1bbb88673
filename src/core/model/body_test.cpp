// The bodies' data: every code listed once, and the Russian forms the minutes decline.
#include "core/model/body.hpp"

#include <gtest/gtest.h>

namespace chancery::core {
namespace {

TEST(Body, EveryBodyIsListedWithItsRussianForms) {
  const BodyCode all[] = {BodyCode::kSoc, BodyCode::kSwg,     BodyCode::kMm,  BodyCode::kMc,
                          BodyCode::kSummit, BodyCode::kCep, BodyCode::kTtf, BodyCode::kExperts};
  EXPECT_EQ(Bodies().size(), std::size(all));
  for (BodyCode code : all) {
    const Body& body = BodyOf(code);
    EXPECT_EQ(body.code, code) << ToString(code);  // BodyOf falls back to the first body otherwise
    EXPECT_FALSE(body.name_ru_genitive.empty()) << ToString(code);
    EXPECT_FALSE(body.name_ru_dative.empty()) << ToString(code);
  }
  EXPECT_EQ(BodyOf(BodyCode::kSoc).acronym_ru, "КСДЛ");
  EXPECT_EQ(BodyOf(BodyCode::kSwg).name_ru_dative, "Специальной рабочей группе");
}

}  // namespace
}  // namespace chancery::core
