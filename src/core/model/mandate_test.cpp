// Mandates from the seed: at SOC 2021-I (23 June 2021) the SOC tasked the SWG four times
// "before the next SOC meeting" (items 5, 6, 8 and 10).
#include "core/model/mandate.hpp"

#include <gtest/gtest.h>

namespace chancery::core {
namespace {

using namespace std::chrono;

Mandate BeforeNextSoc(std::string subject) {
  return {std::move(subject), BodyCode::kSoc, year{2021} / June / 23, BodyCode::kSwg, std::nullopt, BodyCode::kSoc,
          MandateStatus::kOpen};
}

TEST(Mandate, Validation) {
  EXPECT_TRUE(ValidateMandate(BeforeNextSoc("Finalise the draft updated Catalogue of CBMs")));
  auto both = BeforeNextSoc("x");
  both.due_by = year{2021} / October / 1;
  EXPECT_EQ(ValidateMandate(both).error().field, "due");
  auto neither = BeforeNextSoc("x");
  neither.due_before_next_meeting_of.reset();
  EXPECT_EQ(ValidateMandate(neither).error().field, "due");
  auto backwards = neither;
  backwards.due_by = year{2021} / June / 1;
  EXPECT_EQ(ValidateMandate(backwards).error().field, "due_by");
  EXPECT_EQ(ValidateMandate(BeforeNextSoc("")).error().field, "subject");
}

TEST(Mandate, OpenMandatesComeOntoTheNextSocsDraftAgenda) {
  std::vector<Mandate> mandates{BeforeNextSoc("Finalise the draft updated Catalogue of CBMs"),
                                BeforeNextSoc("Resume the draft Plan of Action on the UN Counter-Terrorism Strategy"),
                                BeforeNextSoc("Agree the draft Regulations of the Think Tank Forum"),
                                BeforeNextSoc("Agree amendments to the Rules of Procedure on observers")};
  mandates[2].status = MandateStatus::kFulfilled;
  // Not on the agenda of the meeting that gave them, nor on an SWG meeting's.
  EXPECT_TRUE(ForDraftAgenda(mandates, BodyCode::kSoc, year{2021} / June / 23).empty());
  EXPECT_TRUE(ForDraftAgenda(mandates, BodyCode::kSwg, year{2021} / October / 8).empty());
  auto next_soc = ForDraftAgenda(mandates, BodyCode::kSoc, year{2021} / October / 10);
  ASSERT_EQ(next_soc.size(), 3u);
  EXPECT_EQ(next_soc[0]->subject, "Finalise the draft updated Catalogue of CBMs");
  EXPECT_EQ(next_soc[2]->subject, "Agree amendments to the Rules of Procedure on observers");
}

TEST(Mandate, DatedMandatesAreOverdueAfterTheirDate) {
  Mandate dated{"Report on the CBM events of 2021", BodyCode::kSoc, year{2021} / June / 23, BodyCode::kSwg,
                year{2021} / December / 1, std::nullopt, MandateStatus::kOpen};
  EXPECT_FALSE(IsOverdue(dated, year{2021} / December / 1));
  EXPECT_TRUE(IsOverdue(dated, year{2021} / December / 2));
  dated.status = MandateStatus::kFulfilled;
  EXPECT_FALSE(IsOverdue(dated, year{2021} / December / 2));
  EXPECT_FALSE(IsOverdue(BeforeNextSoc("x"), year{2030} / January / 1));
}

}  // namespace
}  // namespace chancery::core
