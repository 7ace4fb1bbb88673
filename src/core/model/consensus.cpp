#include "core/model/consensus.hpp"

#include <algorithm>

namespace chancery::core {

ConsensusOutcome DecideByConsensus(const std::vector<FloorPosition>& positions,
                                   const std::vector<Participant>& registry, Date on) {
  ConsensusOutcome out;
  for (std::size_t i = 0; i < positions.size(); ++i) {
    const auto& position = positions[i];
    auto p = std::find_if(registry.begin(), registry.end(),
                          [&](const Participant& x) { return x.id == position.participant_id; });
    PositionEffect effect;
    if (p == registry.end()) {
      effect = PositionEffect::kUnknownParticipant;
    } else if (StatusOn(*p, on) != ParticipantStatus::kMember) {
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
