#pragma once
// Silence procedures (R6–R11, R29): opened with an exact expiry instant, answered by written
// objections, amendments or comments registered as they arrive, concluded when broken or at
// expiry. Hidden from observer delegates: a procedure is a matter among Member States.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model/silence_procedure.hpp"
#include "core/model/user.hpp"
#include "core/services/deps.hpp"

namespace chancery::core {

struct NewSilenceProcedure {
  BodyCode body = BodyCode::kSoc;
  std::string title = {};  // the temporary title; "(under silence procedure)" is appended if missing (R7)
  std::string text = {};
  // Exactly one: an exact instant, or a date resolved by the date-only deadline setting (R29).
  std::optional<Instant> expires_at = {};
  std::optional<Date> expires_on = {};
  std::string expiry_wording = {};  // as written; default "expiring on <long date in English>"
  SilenceInitiator initiator = SilenceInitiator::kChairmanship;
  std::optional<std::int64_t> meeting_id = {};  // required when opened at a meeting
  // The proposal's title in "ru" and "kk" (SilenceProcedure::titles); last, so that positional
  // initialisers of the fields above stay as they are.
  std::map<std::string, std::string> titles = {};
};

// The stored record with its outcome as of now and the effect of each response.
struct SilenceView {
  SilenceRecord record;
  SilenceOutcome outcome;
  bool expires_on_weekend = false;  // R29 asks to flag it …
  bool expires_on_holiday = false;  // … and a public holiday (setting calendar.public_holidays)
};

struct NewResponse {
  std::string participant_id = {};
  ResponseKind kind = ResponseKind::kObjection;
  std::string text = {};
  std::string reference = {};  // the sender's note number and date
};

Result<SilenceView> OpenSilenceProcedure(Deps& deps, const Actor& actor, NewSilenceProcedure procedure);
// `filter.state` selects by the state shown (the outcome as of now), not only the stored one.
Result<std::vector<SilenceView>> ListSilenceProcedures(Deps& deps, const Actor& actor, const SilenceFilter& filter);
Result<SilenceView> GetSilenceProcedure(Deps& deps, const Actor& actor, std::int64_t id);

// Registers a response received now. Always kept; `effect` says what it did. A response that
// breaks silence concludes the procedure "not adopted" at once and generates the notices (R9).
struct RegisteredResponse {
  SilenceView view;
  int seq = 0;
  ResponseEffect effect = ResponseEffect::kBreaksSilence;
  // What it did and by which rule, for the person who registered it: "Turkmenistan is not a
  // Member State on 28 June 2021: kept as correspondence, no effect (R3)".
  std::string reason;
};
Result<RegisteredResponse> RegisterResponse(Deps& deps, const Actor& actor, std::int64_t id, NewResponse response);
// The same inside the caller's write transaction, which commits it (an incoming note registers
// the objection it carries together with itself).
Result<RegisteredResponse> RegisterResponseIn(Deps& deps, Transaction& tx, const Actor& actor, std::int64_t id,
                                              NewResponse response);

// The scheduler's work: concludes every running procedure whose expiry instant has passed,
// with the expiry instant as the decision time (R10) whenever this runs, and generates the
// outcome notices. Idempotent and safe to run from several servers: each procedure is
// concluded once, inside one write transaction. Returns how many it concluded.
Result<int> ConcludeDueSilenceProcedures(Deps& deps);
// When the scheduler should next wake up: the earliest expiry of a running procedure.
Result<std::optional<Instant>> NextSilenceExpiry(Deps& deps);

}  // namespace chancery::core
