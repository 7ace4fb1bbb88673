#include "core/model/consensus.hpp"

namespace chancery::core {

ConsensusOutcome DecideByConsensus(const std::vector<FloorPosition>& positions,
                                   const std::vector<Participant>& registry, Date on) {
  ConsensusOutcome out;
  for (std::size_t i = 0; i < positions.size(); ++i) {
    const auto& position = positions[i];
    const Participant* p = FindById(registry, position.participant_id);
    PositionEffect effect;
    if (!p) {
      effect = PositionEffect::kUnknownParticipant;
    } else if (!IsMemberStateOn(*p, on)) {
      effect = PositionEffect::kNotAMemberState;
    } else if (position.kind == FloorPositionKind::kObjection) {
      effect = PositionEffect::kBlocksAdoption;
      out.adopted = false;
    } else {
      effect = PositionEffect::kRecordedOnly;
      out.attachments.push_back(i);
    }
    out.effects.push_back(effect);
  }
  return out;
}

}  // namespace chancery::core
