#include "core/model/participant.hpp"

#include <gtest/gtest.h>

namespace chancery::core {
namespace {

using namespace std::chrono;

StatusChange Change(Date from, ParticipantStatus s) { return {from, s, DatePrecision::kDay, "basis", "", ""}; }

Participant Turkmenistan() {
  Participant p;
  p.id = "TKM";
  p.kind = ParticipantKind::kState;
  p.iso_alpha2 = "TM";
  p.iso_alpha3 = "TKM";
  p.names = {{"en", "Turkmenistan", "Turkmenistan", std::nullopt},
             {"kk", "Түрікменстан", "Түрікменстан", std::nullopt}};
  p.statuses = {Change(year{2021} / June / 23, ParticipantStatus::kObserverState)};
  return p;
}

TEST(StatusOn, FollowsTheHistoryByDay) {
  Participant p = Turkmenistan();
  EXPECT_EQ(StatusOn(p, year{2021} / June / 22), ParticipantStatus::kNone);
  EXPECT_EQ(StatusOn(p, year{2021} / June / 23), ParticipantStatus::kObserverState);
  ASSERT_TRUE(AddStatusChange(p, Change(year{2030} / January / 1, ParticipantStatus::kMember)));
  EXPECT_EQ(StatusOn(p, year{2029} / December / 31), ParticipantStatus::kObserverState);
  EXPECT_EQ(StatusOn(p, year{2030} / January / 1), ParticipantStatus::kMember);
}

TEST(AddStatusChange, KeepsOrderAndRefusesSameDay) {
  Participant p = Turkmenistan();
  ASSERT_TRUE(AddStatusChange(p, Change(year{2020} / January / 1, ParticipantStatus::kPartner)));
  ASSERT_EQ(p.statuses.size(), 2u);
  EXPECT_EQ(p.statuses[0].status, ParticipantStatus::kPartner);
  auto dup = AddStatusChange(p, Change(year{2021} / June / 23, ParticipantStatus::kMember));
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(p.statuses.size(), 2u);
}

TEST(AddStatusChange, RefusesAStatusThatDoesNotFitTheKindAndLeavesHistoryUnchanged) {
  Participant p = Turkmenistan();
  auto r = AddStatusChange(p, Change(year{2022} / January / 1, ParticipantStatus::kObserverOrganisation));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().field, "statuses[1].status");
  EXPECT_EQ(p.statuses.size(), 1u);
}

TEST(NameOn, DatedNamesAndFallback) {
  Participant p;
  p.id = "TUR";
  p.iso_alpha3 = "TUR";
  p.names = {{"en", "Turkey", "Republic of Turkey", std::nullopt},
             {"en", "Türkiye", "Republic of Türkiye", year{2022} / June / 1},
             {"ru", "Турция", "Турецкая Республика", std::nullopt}};
  EXPECT_EQ(NameOn(p, "en", year{2021} / June / 23)->short_name, "Turkey");
  EXPECT_EQ(NameOn(p, "en", year{2022} / June / 1)->short_name, "Türkiye");
  EXPECT_EQ(NameOn(p, "ru", year{2023} / January / 1)->short_name, "Турция");
  // No Kazakh name recorded: English of that date.
  EXPECT_EQ(NameOn(p, "kk", year{2023} / January / 1)->short_name, "Türkiye");
}

TEST(Validate, NamesTheOffendingField) {
  Participant p = Turkmenistan();
  p.names[1].lang = "de";
  auto r = Validate(p);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().field, "names[1].lang");

  p = Turkmenistan();
  p.id = "tkm";
  EXPECT_EQ(Validate(p).error().field, "id");

  p = Turkmenistan();
  p.iso_alpha3.reset();
  EXPECT_EQ(Validate(p).error().field, "iso_alpha3");

  p = Turkmenistan();
  p.statuses[0].basis.clear();
  EXPECT_EQ(Validate(p).error().field, "statuses[0].basis");

  Participant un;
  un.id = "UN";
  un.kind = ParticipantKind::kOrganisation;
  un.names = {{"en", "UN", "United Nations", std::nullopt}};
  un.statuses = {Change(year{1999} / January / 1, ParticipantStatus::kObserverOrganisation)};
  EXPECT_TRUE(Validate(un));
  un.statuses[0].status = ParticipantStatus::kMember;
  EXPECT_EQ(Validate(un).error().field, "statuses[0].status");
}

TEST(WithStatusOn, CountsOnADate) {
  std::vector<Participant> all{Turkmenistan()};
  all.push_back(Turkmenistan());
  all[1].id = "KWT";
  all[1].statuses = {Change(year{2022} / October / 13, ParticipantStatus::kMember)};
  EXPECT_EQ(WithStatusOn(all, ParticipantStatus::kMember, year{2022} / October / 12).size(), 0u);
  auto members = WithStatusOn(all, ParticipantStatus::kMember, year{2022} / October / 13);
  ASSERT_EQ(members.size(), 1u);
  EXPECT_EQ(members[0]->id, "KWT");
}

TEST(Codes, RoundTrip) {
  for (auto s : {ParticipantStatus::kMember, ParticipantStatus::kObserverState,
                 ParticipantStatus::kObserverOrganisation, ParticipantStatus::kPartner, ParticipantStatus::kNone}) {
    EXPECT_EQ(ParseParticipantStatus(ToString(s)), s);
  }
  EXPECT_FALSE(ParseParticipantStatus("Member"));
  EXPECT_EQ(ParseParticipantKind("organisation"), ParticipantKind::kOrganisation);
  EXPECT_FALSE(ParseParticipantKind("organization"));
}

}  // namespace
}  // namespace chancery::core
