#pragma once
// Decisions by consensus at a meeting (rules R1, R2, R3, R5): a decision is adopted if and
// only if no Member State objects. There are no votes: nothing here counts for or against.
// Interpretative statements and reservations are recorded with the decision and never block it.
#include <string>
#include <vector>

#include "core/model/participant.hpp"
#include "core/time.hpp"

namespace chancery::core {

enum class FloorPositionKind {
  kObjection,                // blocks adoption when a Member State makes it
  kInterpretativeStatement,  // attached to the decision and the minutes (R5)
  kReservation,              // likewise
};

// What a participant said on the draft decision before the Chair declared it taken.
struct FloorPosition {
  std::string participant_id;
  FloorPositionKind kind = FloorPositionKind::kObjection;
};

enum class PositionEffect {
  kBlocksAdoption,
  kNotAMemberState,     // observers and others may speak, never block (R3, R13)
  kRecordedOnly,        // statements and reservations (R5)
  kUnknownParticipant,
};

struct ConsensusOutcome {
  bool adopted = true;
  std::vector<PositionEffect> effects;  // one per position, in order
  std::vector<std::size_t> attachments;  // positions to attach to the decision (R5)
};

// `on` is the meeting's date in the organisation's zone: membership is taken on that day (R4).
ConsensusOutcome DecideByConsensus(const std::vector<FloorPosition>& positions,
                                   const std::vector<Participant>& registry, Date on);

}  // namespace chancery::core
