// Rule R24: decision and draft symbols.
#include "core/model/decision_symbol.hpp"

#include <gtest/gtest.h>

namespace chancery::core {
namespace {

TEST(DecisionSymbol, TheSymbolsOfTheSeed) {
  for (int n = 1; n <= 3; ++n) {
    const std::string text = "SOC/2021-I/DEC/" + std::to_string(n);
    auto s = ParseDecisionSymbol(text);
    ASSERT_TRUE(s) << text;
    EXPECT_EQ(*s, (DecisionSymbol{BodyCode::kSoc, 2021, 1, n}));
    EXPECT_EQ(Format(*s), text);
  }
  EXPECT_EQ(Format(DecisionSymbol{BodyCode::kSummit, 2022, 4, 12}), "SUMMIT/2022-IV/DEC/12");
}

TEST(DraftSymbol, TheDraftOfTheSeed) {
  auto d = ParseDraftSymbol("MM/2021/DRAFT/1");
  ASSERT_TRUE(d);
  EXPECT_EQ(*d, (DraftSymbol{BodyCode::kMm, 2021, 1}));
  EXPECT_EQ(Format(*d), "MM/2021/DRAFT/1");
}

TEST(DecisionSymbol, OnlyTheCanonicalSpellingParses) {
  for (const char* bad : {"", "SOC/2021-I/DEC/0", "SOC/2021-I/DEC/01", "SOC/2021-IIII/DEC/1", "SOC/2021-iv/DEC/1",
                          "soc/2021-I/DEC/1", "XYZ/2021-I/DEC/1", "SOC/21-I/DEC/1", "SOC/2021/DEC/1",
                          "SOC/2021-I/DEC/1/", "SOC/2021-I/Agenda/3", "SOC/2021-/DEC/1", "SOC/2021-I/DEC/-1"}) {
    EXPECT_FALSE(ParseDecisionSymbol(bad)) << bad;
  }
  for (const char* bad : {"MM/2021/DRAFT/0", "MM/2021-I/DRAFT/1", "MM/2021/DRAFT", "EU/2021/DRAFT/1"}) {
    EXPECT_FALSE(ParseDraftSymbol(bad)) << bad;
  }
}

TEST(Roman, RoundTripAndCanonicalForm) {
  for (int n = 1; n <= 3999; ++n) EXPECT_EQ(FromRoman(ToRoman(n)), n);
  EXPECT_EQ(ToRoman(1994), "MCMXCIV");
  EXPECT_FALSE(FromRoman("IIII"));
  EXPECT_FALSE(FromRoman("VX"));
  EXPECT_FALSE(FromRoman(""));
  EXPECT_EQ(ToRoman(0), "");
}

}  // namespace
}  // namespace chancery::core
