#include "core/services/silence_procedures.hpp"

#include "core/local_time.hpp"
#include "core/policy.hpp"
#include "core/services/notices.hpp"
#include "core/services/audit_trail.hpp"
#include "core/services/governance_canonical.hpp"
#include "core/services/governance_settings.hpp"

namespace chancery::core {
namespace {

using Registry = std::vector<Participant>;

constexpr std::string_view kUnderSilence = " (under silence procedure)";

Error NotFound(std::int64_t id) { return Error::NotFound("silence procedure " + std::to_string(id) + " not found"); }

std::vector<SilenceResponse> Responses(const SilenceRecord& record) {
  std::vector<SilenceResponse> out;
  for (const auto& r : record.responses) out.push_back(r.response);
  return out;
}

std::vector<std::string> MemberStatesOn(const Registry& registry, Date day) {
  std::vector<std::string> out;
  for (const auto& p : registry) {
    if (IsMemberStateOn(p, day)) out.push_back(p.id);
  }
  return out;
}

// The rules a procedure is evaluated by: those in force when it opened.
SilenceSettings RulesOf(const SilenceRecord& record) {
  SilenceSettings rules;
  rules.amendments_break_silence = record.amendments_break_silence;
  return rules;
}

SilenceOutcome EvaluateAt(const Deps& deps, const SilenceRecord& record, const Registry& registry, Instant now) {
  return Evaluate(record.procedure, Responses(record), registry, deps.zone, now, RulesOf(record));
}

SilenceView View(const Deps& deps, SilenceRecord record, const Registry& registry, const GovernanceSettings& settings) {
  SilenceView view;
  view.outcome = EvaluateAt(deps, record, registry, deps.clock.Now());
  // Once concluded, the recorded outcome stands, even if a setting has changed since.
  if (record.state != SilenceState::kRunning) {
    view.outcome.state = record.state;
    view.outcome.decided_at = record.decided_at;
  }
  // The last day before the expiry instant: 24:00 on the 20th is still the 20th (R29).
  const Date last_day = LocalDate(record.procedure.expires_at - std::chrono::milliseconds{1}, deps.zone);
  view.expires_on_weekend = IsWeekend(last_day);
  view.expires_on_holiday = IsHoliday(last_day, settings.holidays);
  view.record = std::move(record);
  return view;
}

// Records the evaluated outcome of a running procedure once it is decided, with a written
// notice to every Member State of the day it was decided (R9, R10). Returns whether it did.
bool ConcludeIfDecided(const Deps& deps, SilenceRecord& record, const SilenceOutcome& outcome, const Registry& registry) {
  if (record.state != SilenceState::kRunning || outcome.state == SilenceState::kRunning) return false;
  const Instant now = deps.clock.Now();
  record.state = outcome.state;
  record.decided_at = outcome.decided_at;
  record.concluded_at = now;
  if (outcome.broken_by) record.broken_by = record.responses[*outcome.broken_by].seq;
  for (const auto& id : MemberStatesOn(registry, LocalDate(*outcome.decided_at, deps.zone))) {
    record.notices.push_back({id, outcome.state, now});
  }
  return true;
}

constexpr std::string_view kNoEffect = ": kept as correspondence, no effect";

// The sentence of RegisteredResponse::reason, in English.
std::string Explain(const Deps& deps, const SilenceRecord& record, const RecordedResponse& response,
                    ResponseEffect effect, const Registry& registry) {
  const auto& received = response.response;
  const Date day = LocalDate(received.received_at, deps.zone);
  const std::string date = deps.formatter.LongDate(day, "en");
  const Participant* p = FindById(registry, received.participant_id);
  const NameVersion* name = p ? NameOn(*p, "en", day) : nullptr;
  const std::string who = name ? name->short_name : received.participant_id;
  const bool amendment = received.kind == ResponseKind::kAmendment;
  switch (effect) {
    case ResponseEffect::kBreaksSilence:
      return who + " is a Member State on " + date + " and " + (amendment ? "proposed an amendment" : "objected") +
             " before the expiry: silence is broken and the text is not adopted (" + (amendment ? "R8, R9" : "R9") +
             ")";
    case ResponseEffect::kNotAMemberState:
      return who + " is not a Member State on " + date + std::string(kNoEffect) + " (R3)";
    case ResponseEffect::kAtOrAfterExpiry:
      return "received at or after the expiry, " +
             deps.formatter.LocalDateTime(record.procedure.expires_at, deps.zone, "en") + std::string(kNoEffect) +
             " (R8)";
    case ResponseEffect::kDoesNotObject:
      return std::string(amendment ? "amendments do not break this procedure's silence (the rule in force when it "
                                     "opened)"
                                   : "a comment does not break silence") +
             std::string(kNoEffect) + " (R8)";
    case ResponseEffect::kAlreadyBroken:
      return "silence had already been broken" + std::string(kNoEffect) + " (R9)";
    case ResponseEffect::kUnknownParticipant:
      return received.participant_id + " is not in the registry" + std::string(kNoEffect);
    case ResponseEffect::kNotYetReceived:
      return "received after the moment the procedure was evaluated: no effect yet";
  }
  return std::string(ToString(effect));
}

// What every use case here reads first: a transaction, the settings and the registry.
struct Context {
  std::unique_ptr<Transaction> tx;
  GovernanceSettings settings;
  ParticipantCache::Snapshot registry;
};

Result<Context> Begin(Deps& deps, TxMode mode) {
  auto tx = deps.store.Begin(mode);
  if (!tx) return tx.error();
  auto settings = LoadGovernanceSettings(**tx);
  if (!settings) return settings.error();
  auto registry = deps.participants->Get(**tx);
  if (!registry) return registry.error();
  return Context{std::move(*tx), std::move(*settings), std::move(*registry)};
}

}  // namespace

Result<SilenceView> OpenSilenceProcedure(Deps& deps, const Actor& actor, NewSilenceProcedure in) {
  if (auto denied = Check(actor, Action::kCreate, {ObjectKind::kSilenceProcedure, {}}, "silence procedures")) {
    return *denied;
  }
  if (!HasDecisionSymbols(in.body)) {
    return Error::InvalidArgument(std::string(ToString(in.body)) + " does not take decisions", "body");
  }
  if (in.title.empty()) return Error::InvalidArgument("a silence procedure needs the title of its text", "title");
  if (in.text.empty()) return Error::InvalidArgument("a silence procedure needs its text", "text");
  for (const auto& [lang, title] : in.titles) {
    if (lang != "ru" && lang != "kk") return Error::InvalidArgument("titles are given in ru and kk", "titles." + lang);
    if (title.empty()) return Error::InvalidArgument("must not be empty", "titles." + lang);
  }
  if (in.expires_at.has_value() == in.expires_on.has_value()) {
    return Error::InvalidArgument("give either the exact expiry instant or the expiry date (R6)", "expires_at");
  }
  if (in.initiator == SilenceInitiator::kMeeting && !in.meeting_id) {
    return Error::InvalidArgument("a procedure opened at a meeting names the meeting", "meeting_id");
  }
  auto c = Begin(deps, TxMode::kWrite);
  if (!c) return c.error();
  auto& tx = c->tx;
  const auto& settings = c->settings;
  const auto& registry = *c->registry;
  if (in.meeting_id) {
    auto meeting = tx->Meetings().Find(*in.meeting_id);
    if (!meeting) return meeting.error();
    if (!*meeting) return Error::InvalidArgument("unknown meeting", "meeting_id");
  }

  SilenceRecord record;
  record.body = in.body;
  record.text = std::move(in.text);
  record.initiator = in.initiator;
  record.meeting_id = in.meeting_id;
  record.procedure.opened_at = deps.clock.Now();
  record.procedure.title = std::move(in.title);
  if (!record.procedure.title.ends_with(kUnderSilence)) record.procedure.title += kUnderSilence;  // R7
  record.procedure.titles = std::move(in.titles);
  if (in.expires_on) {
    auto at = ResolveDateOnlyDeadline(*in.expires_on, settings.date_only_deadline, deps.zone);
    if (!at) return Error{at.error().code, at.error().message, "expires_on"};
    record.procedure.expires_at = *at;
    record.procedure.expiry_wording =
        in.expiry_wording.empty() ? "expiring on " + deps.formatter.LongDate(*in.expires_on, "en") : in.expiry_wording;
  } else {
    record.procedure.expires_at = *in.expires_at;
    record.procedure.expiry_wording =
        in.expiry_wording.empty() ? "expiring at " + deps.formatter.LocalDateTime(*in.expires_at, deps.zone, "en")
                                  : in.expiry_wording;
  }
  if (auto r = ValidateOpening(record.procedure, settings.silence); !r) {
    return Error{r.error().code, r.error().message, in.expires_on ? "expires_on" : r.error().field};
  }
  record.amendments_break_silence = settings.silence.amendments_break_silence;
  record.addressees = MemberStatesOn(registry, LocalDate(record.procedure.opened_at, deps.zone));

  auto id = tx->SilenceProcedures().Insert(record);
  if (!id) return id.error();
  record.id = *id;
  if (auto r = Record(deps, *tx, actor,
                      {"silence.open", "silence_procedure", std::to_string(record.id), std::nullopt, Canonical(record)});
      !r) {
    return r.error();
  }
  if (auto r = PlanSilenceLaunched(deps, *tx, record); !r) return r.error();
  if (auto r = tx->Commit(); !r) return r.error();
  return View(deps, std::move(record), registry, settings);
}

Result<std::vector<SilenceView>> ListSilenceProcedures(Deps& deps, const Actor& actor, const SilenceFilter& filter) {
  if (auto denied = Check(actor, Action::kList, {ObjectKind::kSilenceProcedure, {}}, "silence procedures")) {
    return *denied;
  }
  auto c = Begin(deps, TxMode::kRead);
  if (!c) return c.error();
  // The state asked for is the one shown: a procedure past its expiry that the scheduler has
  // not concluded yet is already adopted, not running.
  SilenceFilter stored = filter;
  stored.state.reset();
  auto records = c->tx->SilenceProcedures().List(stored);
  if (!records) return records.error();
  std::vector<SilenceView> out;
  for (auto& r : *records) {
    SilenceView view = View(deps, std::move(r), *c->registry, c->settings);
    if (!filter.state || view.outcome.state == *filter.state) out.push_back(std::move(view));
  }
  return out;
}

Result<SilenceView> GetSilenceProcedure(Deps& deps, const Actor& actor, std::int64_t id) {
  if (auto denied = Check(actor, Action::kRead, {ObjectKind::kSilenceProcedure, {}}, "silence procedure")) {
    return *denied;
  }
  auto c = Begin(deps, TxMode::kRead);
  if (!c) return c.error();
  auto found = c->tx->SilenceProcedures().Find(id);
  if (!found) return found.error();
  if (!*found) return NotFound(id);
  return View(deps, std::move(**found), *c->registry, c->settings);
}

Result<RegisteredResponse> RegisterResponse(Deps& deps, const Actor& actor, std::int64_t id, NewResponse in) {
  auto tx = deps.store.Begin(TxMode::kWrite);
  if (!tx) return tx.error();
  auto registered = RegisterResponseIn(deps, **tx, actor, id, std::move(in));
  if (!registered) return registered.error();
  if (auto r = (*tx)->Commit(); !r) return r.error();
  return registered;
}

Result<RegisteredResponse> RegisterResponseIn(Deps& deps, Transaction& tx, const Actor& actor, std::int64_t id,
                                              NewResponse in) {
  if (auto denied = Check(actor, Action::kRead, {ObjectKind::kSilenceProcedure, {}}, "silence procedure")) {
    return *denied;
  }
  ObjectRef response{ObjectKind::kSilenceResponse, {}, false, in.participant_id};
  if (auto denied = Check(actor, Action::kCreate, response, "response")) return *denied;
  auto settings = LoadGovernanceSettings(tx);
  if (!settings) return settings.error();
  auto loaded = deps.participants->Get(tx);
  if (!loaded) return loaded.error();
  auto found = tx.SilenceProcedures().Find(id);
  if (!found) return found.error();
  if (!*found) return NotFound(id);
  const auto& registry = **loaded;
  if (!FindById(registry, in.participant_id)) {
    return Error::InvalidArgument("unknown participant " + in.participant_id, "participant_id");
  }
  SilenceRecord record = std::move(**found);
  const std::string before = Canonical(record);

  // Received now: the Secretariat registers correspondence as it arrives; the sender's own
  // number and date go in the reference.
  const Instant now = deps.clock.Now();
  const int seq = static_cast<int>(record.responses.size()) + 1;
  record.responses.push_back(
      {seq, {in.participant_id, in.kind, now}, std::move(in.text), std::move(in.reference), now, actor.user_id});
  const SilenceOutcome outcome = EvaluateAt(deps, record, registry, now);
  const bool concluded = ConcludeIfDecided(deps, record, outcome, registry);

  if (auto r = tx.SilenceProcedures().Update(record); !r) return r.error();
  if (concluded) {
    if (auto r = PlanSilenceOutcome(deps, tx, record); !r) return r.error();
  }
  if (auto r = Record(deps, tx, actor,
                      {"silence.response", "silence_procedure", std::to_string(id), before, Canonical(record)});
      !r) {
    return r.error();
  }
  const ResponseEffect effect = outcome.effects.back();
  std::string reason = Explain(deps, record, record.responses.back(), effect, registry);
  return RegisteredResponse{View(deps, std::move(record), registry, *settings), seq, effect, std::move(reason)};
}

Result<int> ConcludeDueSilenceProcedures(Deps& deps) {
  auto tx = deps.store.Begin(TxMode::kWrite);
  if (!tx) return tx.error();
  auto due = (*tx)->SilenceProcedures().DueAt(deps.clock.Now());
  if (!due || due->empty()) return due ? 0 : Result<int>(due.error());
  auto registry = deps.participants->Get(**tx);
  if (!registry) return registry.error();
  int concluded = 0;
  for (std::int64_t id : *due) {
    auto found = (*tx)->SilenceProcedures().Find(id);
    if (!found) return found.error();
    if (!*found) continue;
    SilenceRecord record = std::move(**found);
    const std::string before = Canonical(record);
    const SilenceOutcome outcome = EvaluateAt(deps, record, **registry, deps.clock.Now());
    if (!ConcludeIfDecided(deps, record, outcome, **registry)) continue;
    if (auto r = (*tx)->SilenceProcedures().Update(record); !r) return r.error();
    if (auto r = PlanSilenceOutcome(deps, **tx, record); !r) return r.error();
    if (auto r = Record(deps, **tx, Actor::System(),
                        {"silence.conclude", "silence_procedure", std::to_string(id), before, Canonical(record)});
        !r) {
      return r.error();
    }
    ++concluded;
  }
  if (auto r = (*tx)->Commit(); !r) return r.error();
  return concluded;
}

Result<std::optional<Instant>> NextSilenceExpiry(Deps& deps) {
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  return (*tx)->SilenceProcedures().NextExpiry();
}

}  // namespace chancery::core
