// Session codes, agendas and who may attend an item (R13; RoP 12.4).
#include "core/model/meeting.hpp"

#include <gtest/gtest.h>

#include "core/testing/builders.hpp"

namespace chancery::core {
namespace {

using namespace std::chrono;

Participant With(std::string id, ParticipantStatus status) {
  return testing::StateWith(std::move(id), year{2002} / June / 4, status);
}

TEST(SessionCode, FormatParseAndNext) {
  EXPECT_EQ(Format(SessionCode{2021, 1}), "2021-I");
  EXPECT_EQ(ParseSessionCode("2022-II"), (SessionCode{2022, 2}));
  for (const char* bad : {"2021", "2021-", "2021-0", "21-I", "2021-ii", "2021-IIII", "2021/I"}) {
    EXPECT_FALSE(ParseSessionCode(bad)) << bad;
  }
  const std::vector<SessionCode> soc{{2020, 1}, {2021, 1}, {2021, 2}};
  EXPECT_EQ(NextSessionNumber(soc, 2021), 3);
  EXPECT_EQ(NextSessionNumber(soc, 2022), 1);
}

TEST(Agenda, NumberingTitlesAndInvitations) {
  std::vector<AgendaItem> items{{1, "Opening of the meeting", false, {"JPN"}}, {2, "Adoption of the agenda", false, {}}};
  EXPECT_TRUE(ValidateAgenda(items));
  items.push_back({4, "Thematic discussion", false, {}});
  EXPECT_EQ(ValidateAgenda(items).error().field, "items[2].number");
  items[2] = {3, "", true, {}};
  EXPECT_EQ(ValidateAgenda(items).error().field, "items[2].title");
  items[2] = {3, "Consideration of the draft Catalogue", true, {"JPN"}};
  EXPECT_EQ(ValidateAgenda(items).error().field, "items[2].invited_observers");
}

TEST(Agenda, ObserversAttendOnlyOpenItemsTheyAreInvitedTo) {
  const Date soc = year{2021} / June / 23;
  const auto ind = With("IND", ParticipantStatus::kMember);
  const auto jpn = With("JPN", ParticipantStatus::kObserverState);
  const auto un = With("UN", ParticipantStatus::kObserverOrganisation);
  const AgendaItem open{3, "Observer status for Turkmenistan", false, {"JPN"}};
  const AgendaItem closed{5, "Draft updated Catalogue of CBMs", true, {}};
  EXPECT_TRUE(MayAttend(open, ind, soc));
  EXPECT_TRUE(MayAttend(closed, ind, soc));
  EXPECT_TRUE(MayAttend(open, jpn, soc));
  EXPECT_FALSE(MayAttend(open, un, soc));  // not invited
  EXPECT_FALSE(MayAttend(closed, jpn, soc));
}

}  // namespace
}  // namespace chancery::core
