// R1, R2, R3, R5: consensus means the absence of any objection by a Member State.
#include "core/model/consensus.hpp"

#include <gtest/gtest.h>

#include "core/testing/builders.hpp"

namespace chancery::core {
namespace {

using namespace std::chrono;

using testing::StateWith;

class Consensus : public ::testing::Test {
 protected:
  std::vector<Participant> registry_{StateWith("RUS", year{2002} / June / 4, ParticipantStatus::kMember),
                                     StateWith("IND", year{2002} / June / 4, ParticipantStatus::kMember),
                                     StateWith("TKM", year{2021} / June / 23, ParticipantStatus::kObserverState),
                                     StateWith("KWT", year{2022} / October / 13, ParticipantStatus::kMember)};
  const Date soc_ = year{2021} / June / 23;
};

TEST_F(Consensus, NoPositionsMeansAdopted) {
  auto out = DecideByConsensus({}, registry_, soc_);
  EXPECT_TRUE(out.adopted);
  EXPECT_TRUE(out.effects.empty());
}

TEST_F(Consensus, OneMemberStatesObjectionBlocks) {
  auto out = DecideByConsensus({{"RUS", FloorPositionKind::kObjection}}, registry_, soc_);
  EXPECT_FALSE(out.adopted);
  EXPECT_EQ(out.effects, std::vector<PositionEffect>{PositionEffect::kBlocksAdoption});
}

TEST_F(Consensus, ObserversAndNotYetMembersCannotBlock) {
  auto out = DecideByConsensus({{"TKM", FloorPositionKind::kObjection}, {"KWT", FloorPositionKind::kObjection}},
                               registry_, soc_);
  EXPECT_TRUE(out.adopted);
  EXPECT_EQ(out.effects, (std::vector<PositionEffect>{PositionEffect::kNotAMemberState, PositionEffect::kNotAMemberState}));
  // The same Kuwaiti objection after its accession blocks.
  EXPECT_FALSE(DecideByConsensus({{"KWT", FloorPositionKind::kObjection}}, registry_, year{2022} / October / 13).adopted);
}

TEST_F(Consensus, StatementsAndReservationsAreAttachedNotBlocking) {
  auto out = DecideByConsensus({{"IND", FloorPositionKind::kInterpretativeStatement},
                                {"RUS", FloorPositionKind::kReservation},
                                {"XXX", FloorPositionKind::kReservation}},
                               registry_, soc_);
  EXPECT_TRUE(out.adopted);
  EXPECT_EQ(out.attachments, (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(out.effects[2], PositionEffect::kUnknownParticipant);
}

}  // namespace
}  // namespace chancery::core
