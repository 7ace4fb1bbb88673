#pragma once
// The silence procedure (rules R6–R11 of the domain brief, modelled on OSCE RoP Annex 1(A)):
// a text is adopted when its silence period expires and no Member State broke silence before
// the exact expiry instant. Pure functions: the caller supplies the registry, the zone and
// "now"; nothing here reads a clock.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/model/participant.hpp"
#include "core/ports/time_zone.hpp"
#include "core/result.hpp"
#include "core/time.hpp"

namespace chancery::core {

// Rules the brief marks [I]/[F]: settings, with the brief's defaults.
struct SilenceSettings {
  std::chrono::days minimum_period{14};  // R11
  bool amendments_break_silence = true;  // R8
};

struct SilenceProcedure {
  std::string title;          // the temporary title "… (under silence procedure)" (R7)
  Instant opened_at{};
  Instant expires_at{};       // the exact instant (R6)
  std::string expiry_wording; // as written: "expiring on 20 March 2021" (R29)
};

enum class ResponseKind { kObjection, kAmendment, kComment };

// A written response to the procedure, as registered (usually a Note Verbale).
struct SilenceResponse {
  std::string participant_id;
  ResponseKind kind = ResponseKind::kObjection;
  Instant received_at{};
};

// Why a response did or did not break silence; the API shows this to users.
enum class ResponseEffect {
  kBreaksSilence,
  kNotAMemberState,    // observer, partner, or a state before its accession (R3, R4)
  kAtOrAfterExpiry,    // received at or after the expiry instant (R8)
  kDoesNotObject,      // a comment, or an amendment where amendments do not break silence
  kAlreadyBroken,      // a valid objection came earlier; the procedure had already ended
  kUnknownParticipant,
  kNotYetReceived,     // received after the `now` the procedure is evaluated at
};
std::string_view ToString(ResponseEffect effect);

enum class SilenceState { kRunning, kAdopted, kNotAdopted };
std::string_view ToString(SilenceState state);

struct SilenceOutcome {
  SilenceState state = SilenceState::kRunning;
  std::optional<Instant> decided_at;  // adopted: the expiry instant (R10); broken: when (R9)
  std::optional<std::size_t> broken_by;  // index into the responses
  std::vector<ResponseEffect> effects;   // one per response, in the order given
};

// R6 and R11: an expiry instant after the opening by at least the minimum period.
Result<void> ValidateOpening(const SilenceProcedure& procedure, const SilenceSettings& settings);

// Decides the procedure as of `now`. A participant counts as a Member State if it is one on the
// organisation-local date of the moment its response was received.
SilenceOutcome Evaluate(const SilenceProcedure& procedure, const std::vector<SilenceResponse>& responses,
                        const std::vector<Participant>& registry, const TimeZone& zone, Instant now,
                        const SilenceSettings& settings);

// R29's default policy for a date-only deadline: the end of that day in the organisation's
// zone ("expiring on 20 March 2021" = 2021-03-20T24:00+06:00 = 2021-03-20T18:00Z).
Result<Instant> EndOfLocalDay(Date day, const TimeZone& zone);

// R29 asks to flag deadlines on a weekend (public holidays need a calendar, not yet kept).
bool IsWeekend(Date day);

}  // namespace chancery::core
