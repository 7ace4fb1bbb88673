#pragma once
// The decision register. A decision is recorded under an item of a meeting and numbered
// there (R24); adopted at that meeting by consensus (R1, R2, R5) or earlier by a silence
// procedure whose outcome the meeting records (R10). Decisions may change participants'
// status, from a date, in the same transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/decision.hpp"
#include "core/model/user.hpp"
#include "core/services/deps.hpp"

namespace chancery::core {

struct PositionTaken {
  std::string participant_id = {};
  FloorPositionKind kind = FloorPositionKind::kInterpretativeStatement;
  std::string text = {};
};

struct NewDecision {
  std::int64_t meeting_id = 0;
  int item_number = 0;
  std::string title = {};
  std::string text = {};
  std::vector<PositionTaken> positions = {};  // what was said before the Chair declared it taken
  std::vector<StatusGrant> status_grants = {};  // `from` unset (!ok()) means the meeting's first day
  std::vector<std::string> approved_documents = {};
  std::optional<std::int64_t> silence_procedure_id = {};  // records that procedure's adopted outcome
  bool numbered = true;  // false: recorded in the minutes only, without a symbol (see Decision)
  // The number the decision already has, when an existing record is imported; kAlreadyExists
  // if taken. Otherwise the next number of the meeting.
  std::optional<int> number = {};
  std::optional<BodyCode> recommended_to = {};
};

// kFailedPrecondition "not adopted: objection by …" when a Member State objects (nothing is
// recorded: there is no decision); kFailedPrecondition too when the agenda is not adopted yet
// or the procedure is running, not adopted, of another body or already recorded.
Result<Decision> RecordDecision(Deps& deps, const Actor& actor, NewDecision decision);
Result<std::vector<Decision>> ListDecisions(Deps& deps, const Actor& actor, const DecisionFilter& filter);
Result<Decision> GetDecision(Deps& deps, const Actor& actor, std::int64_t id);
Result<Decision> GetDecisionBySymbol(Deps& deps, const Actor& actor, const DecisionSymbol& symbol);

}  // namespace chancery::core
