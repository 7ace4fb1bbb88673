// R16 (chairmanship terms, consecutive terms allowed) and R17 (titles by date).
#include "core/model/chairmanship.hpp"

#include <gtest/gtest.h>

#include "core/testing/builders.hpp"

namespace chancery::core {
namespace {

using namespace std::chrono;

Participant Member(std::string id, Date since) {
  return testing::StateWith(std::move(id), since, ParticipantStatus::kMember);
}

class Chairmanship : public ::testing::Test {
 protected:
  std::vector<Participant> registry_{Member("KAZ", year{2002} / June / 4), Member("TJK", year{2002} / June / 4),
                                     Member("AZE", year{2002} / June / 4), Member("KWT", year{2022} / October / 13)};
  // Tajikistan 2018–2020, Kazakhstan 2020–2022 and again 2022–2024 (two terms), Azerbaijan 2024–
  // (domain brief §1.3; Tajikistan's first day is illustrative, the others are the brief's).
  std::vector<ChairmanshipTerm> terms_{
      {"TJK", year{2018} / October / 1, year{2020} / September / 23, "term 2018-2020"},
      {"KAZ", year{2020} / September / 24, year{2022} / October / 12, "virtual Ministerial, 24 Sep 2020"},
      {"KAZ", year{2022} / October / 13, year{2024} / December / 16, "6th Summit, Astana"},
      {"AZE", year{2024} / December / 17, std::nullopt, "7th Ministerial Council"}};
};

TEST_F(Chairmanship, ConsecutiveTermsOfOneStateAreValid) {
  EXPECT_TRUE(ValidateChairmanship(terms_, registry_));
  EXPECT_EQ(ChairOn(terms_, year{2021} / June / 23)->participant_id, "KAZ");
  EXPECT_EQ(ChairOn(terms_, year{2022} / October / 13)->basis, "6th Summit, Astana");
  EXPECT_EQ(ChairOn(terms_, year{2026} / November / 27)->participant_id, "AZE");
  EXPECT_EQ(ChairOn(terms_, year{2018} / September / 30), nullptr);
}

TEST_F(Chairmanship, OverlapsAndNonMembersAreRefused) {
  auto overlapping = terms_;
  overlapping[2].from = year{2022} / October / 12;
  EXPECT_EQ(ValidateChairmanship(overlapping, registry_).error().field, "terms[2].from");
  std::vector<ChairmanshipTerm> kuwait_too_early{{"KWT", year{2022} / October / 12, std::nullopt, "x"}};
  auto r = ValidateChairmanship(kuwait_too_early, registry_);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().field, "terms[0].participant_id");
  EXPECT_TRUE(ValidateChairmanship({{"KWT", year{2022} / October / 13, std::nullopt, "x"}}, registry_));
}

TEST(OfficeTitles, ExecutiveDirectorBecomesSecretaryGeneralOn13October2022) {
  const auto titles = DefaultOfficeTitles();
  EXPECT_EQ(TitleOn(titles, Office::kHeadOfSecretariat, year{2021} / June / 23, "en"), "Executive Director");
  EXPECT_EQ(TitleOn(titles, Office::kHeadOfSecretariat, year{2022} / October / 12, "ru"), "Исполнительный директор");
  EXPECT_EQ(TitleOn(titles, Office::kHeadOfSecretariat, year{2022} / October / 13, "en"), "Secretary General");
  EXPECT_EQ(TitleOn(titles, Office::kHeadOfSecretariat, year{2022} / October / 13, "kk"), "Бас хатшы");
  EXPECT_EQ(TitleOn(titles, Office::kDeputyHeadOfSecretariat, year{2022} / December / 14, "en"),
            "Deputy Executive Director");
  EXPECT_EQ(TitleOn(titles, Office::kDeputyHeadOfSecretariat, year{2022} / December / 15, "en"),
            "Deputy Secretary General");
  EXPECT_EQ(TitleOn(titles, Office::kHeadOfSecretariat, year{2000} / January / 1, "en"), "");
}

}  // namespace
}  // namespace chancery::core
