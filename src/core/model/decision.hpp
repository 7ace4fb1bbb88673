#pragma once
// A decision as recorded in the register: numbered at the meeting that records it
// (SOC/2021-I/DEC/1, R24), adopted by consensus at that meeting or earlier by a silence
// procedure (R10: both dates are kept). Never a vote count (R1).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/consensus.hpp"
#include "core/model/decision_symbol.hpp"
#include "core/model/participant.hpp"
#include "core/time.hpp"

namespace chancery::core {

enum class AdoptionMode { kAtMeeting, kBySilence };
std::string_view ToString(AdoptionMode mode);
std::optional<AdoptionMode> ParseAdoptionMode(std::string_view text);

std::string_view ToString(FloorPositionKind kind);
std::optional<FloorPositionKind> ParseFloorPositionKind(std::string_view text);

// An interpretative statement or reservation attached to the decision (R5).
struct AttachedStatement {
  std::string participant_id;
  FloorPositionKind kind = FloorPositionKind::kInterpretativeStatement;
  std::string text;
};

// "The SOC approved granting of the CICA Observer Status to Turkmenistan": the decision
// changes the registry from a date.
struct StatusGrant {
  std::string participant_id;
  ParticipantStatus status = ParticipantStatus::kObserverState;
  Date from;
};

struct Decision {
  std::int64_t id = 0;
  // The recording meeting's body and session, and the number within it. Number 0: a decision
  // recorded only in the minutes, without a symbol of its own, as when the SOC of 23 June 2021
  // approved MM/2021/DRAFT/1 and recommended it to the Ministers while circulating only
  // DEC/1..3. Only numbered decisions take a number (R24).
  DecisionSymbol symbol;
  std::int64_t meeting_id = 0;  // the meeting that recorded (numbered) it
  int item_number = 0;          // under which item
  std::string title;
  std::string text;
  AdoptionMode mode = AdoptionMode::kAtMeeting;
  Instant adopted_at{};  // at a meeting: when taken; by silence: the expiry instant (R10)
  Date recorded_on;      // the date of the recording meeting
  std::optional<std::int64_t> silence_procedure_id;
  std::vector<AttachedStatement> attachments;
  std::vector<StatusGrant> status_grants;
  std::vector<std::string> approved_documents;  // symbols: "MM/2021/DRAFT/1"
  std::optional<BodyCode> recommended_to;       // "recommended its adoption by the Ministers": MM
};

inline bool IsNumbered(const Decision& decision) { return decision.symbol.number > 0; }

}  // namespace chancery::core
