#pragma once
// The silence procedure (rules R6–R11 of the domain brief, modelled on OSCE RoP Annex 1(A)):
// a text is adopted when its silence period expires and no Member State broke silence before
// the exact expiry instant. Pure functions: the caller supplies the registry, the zone and
// "now"; nothing here reads a clock.
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model/decision_symbol.hpp"
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
  // The proposal's title in the other languages notes are issued in ("ru", "kk"), without the
  // English suffix: the {{proposal}} of a note in that language. English takes `title`.
  std::map<std::string, std::string> titles;
};

enum class ResponseKind { kObjection, kAmendment, kComment };
std::string_view ToString(ResponseKind kind);
std::optional<ResponseKind> ParseResponseKind(std::string_view text);

// A written response to the procedure, as registered (usually a Note Verbale).
struct SilenceResponse {
  std::string participant_id;
  ResponseKind kind = ResponseKind::kObjection;
  Instant received_at{};
};

// The proposal's title as a note in `lang` names it ({{proposal}}): in English the procedure's
// title without the suffix R7 adds ("Calendar (under silence procedure)" → "Calendar"); in
// another language its title there, if given. nullopt when there is none in `lang`.
std::optional<std::string> ProposalTitle(const SilenceProcedure& procedure, std::string_view lang);

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
std::optional<SilenceState> ParseSilenceState(std::string_view text);

struct SilenceOutcome {
  SilenceState state = SilenceState::kRunning;
  std::optional<Instant> decided_at;  // adopted: the expiry instant (R10); broken: when (R9)
  std::optional<std::size_t> broken_by;  // index into the responses
  std::vector<ResponseEffect> effects;   // one per response, in the order given
};

// What chancery keeps of a procedure: the rules' view above plus the text, who opened it, the
// correspondence received and the outcome once concluded.
enum class SilenceInitiator { kChairmanship, kMeeting };
std::string_view ToString(SilenceInitiator initiator);
std::optional<SilenceInitiator> ParseSilenceInitiator(std::string_view text);

struct RecordedResponse {
  int seq = 0;  // 1, 2, … in the order registered
  SilenceResponse response;
  std::string text;
  std::string reference;  // the sender's note: "Note Verbale No. 123 of 12 March 2021"
  Instant registered_at{};
  std::int64_t registered_by = 0;  // user id
};

// The written notice of the outcome to one Member State (R9, R10).
struct OutcomeNotice {
  std::string participant_id;
  SilenceState outcome = SilenceState::kAdopted;
  Instant generated_at{};
};

struct SilenceRecord {
  std::int64_t id = 0;
  BodyCode body = BodyCode::kSoc;  // on whose behalf: its next meeting records the decision
  SilenceProcedure procedure;
  std::string text;
  SilenceInitiator initiator = SilenceInitiator::kChairmanship;
  std::optional<std::int64_t> meeting_id;  // when opened at a meeting
  std::vector<std::string> addressees;     // the Member States on the day it opened
  // The rule in force when it opened (R8): a later change of the setting does not change the
  // meaning of responses already received.
  bool amendments_break_silence = true;
  std::vector<RecordedResponse> responses;
  // The concluded outcome; kRunning until concluded. decided_at follows R9/R10;
  // concluded_at is when chancery recorded it (later, if the server was down at expiry).
  SilenceState state = SilenceState::kRunning;
  std::optional<Instant> decided_at;
  std::optional<Instant> concluded_at;
  std::optional<int> broken_by;  // seq of the response that broke silence
  std::vector<OutcomeNotice> notices;
  std::optional<std::int64_t> decision_id;  // once recorded (numbered) at a meeting
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

// R29 asks to flag deadlines that fall on a weekend or a public holiday.
bool IsWeekend(Date day);

// Public holidays: days off every year (a month and day) and days off on one date (movable
// feasts such as Kurban Ait, days moved by decree).
struct HolidayCalendar {
  std::vector<std::chrono::month_day> yearly;
  std::vector<Date> dated;
};

// "01-01,03-21,2021-07-20": comma-separated MM-DD (every year) and YYYY-MM-DD (that day);
// spaces around entries are ignored; nullopt if any entry is neither.
std::optional<HolidayCalendar> ParseHolidayCalendar(std::string_view text);
bool IsHoliday(Date day, const HolidayCalendar& calendar);

}  // namespace chancery::core
