#include "core/services/decisions.hpp"

#include <algorithm>

#include "core/local_time.hpp"
#include "core/policy.hpp"
#include "core/services/audit_trail.hpp"
#include "core/services/governance_canonical.hpp"
#include "core/services/visibility.hpp"

namespace chancery::core {
namespace {

using Registry = std::vector<Participant>;

std::string Field(std::string_view list, std::size_t i) { return std::string(list) + "[" + std::to_string(i) + "]"; }

std::string NameOf(const Registry& registry, const std::string& id, Date on) {
  const Participant* p = FindById(registry, id);
  const NameVersion* name = p ? NameOn(*p, "en", on) : nullptr;
  return name ? name->short_name + " (" + id + ")" : id;
}

// Positions from the floor: consensus among the Member States on the meeting's day (R2, R3).
// Non-members may speak but cannot object or attach anything to a decision, so such a
// position is refused rather than silently dropped.
Result<std::vector<AttachedStatement>> Consensus(const std::vector<PositionTaken>& positions,
                                                 const Registry& registry, Date on) {
  std::vector<FloorPosition> floor;
  for (const auto& p : positions) floor.push_back({p.participant_id, p.kind});
  const ConsensusOutcome outcome = DecideByConsensus(floor, registry, on);
  for (std::size_t i = 0; i < positions.size(); ++i) {
    const std::string at = Field("positions", i) + ".participant_id";
    switch (outcome.effects[i]) {
      case PositionEffect::kUnknownParticipant:
        return Error::InvalidArgument("unknown participant " + positions[i].participant_id, at);
      case PositionEffect::kNotAMemberState:
        return Error::InvalidArgument(positions[i].participant_id + " is not a Member State on " + FormatDate(on) +
                                          ": only Member States take part in decisions (R3)",
                                      at);
      case PositionEffect::kBlocksAdoption:
      case PositionEffect::kRecordedOnly: break;
    }
  }
  if (!outcome.adopted) {
    std::string objectors;
    for (std::size_t i = 0; i < positions.size(); ++i) {
      if (outcome.effects[i] != PositionEffect::kBlocksAdoption) continue;
      objectors += (objectors.empty() ? "" : ", ") + NameOf(registry, positions[i].participant_id, on);
    }
    return Error::FailedPrecondition("not adopted: there is no consensus, " + objectors + " objected (R2)",
                                     "positions");
  }
  std::vector<AttachedStatement> attachments;
  for (std::size_t i : outcome.attachments) {
    attachments.push_back({positions[i].participant_id, positions[i].kind, positions[i].text});
  }
  return attachments;
}

}  // namespace

Result<Decision> RecordDecision(Deps& deps, const Actor& actor, NewDecision in) {
  if (auto denied = Check(actor, Action::kCreate, {ObjectKind::kMeeting, {}}, "decisions")) return *denied;
  if (in.title.empty()) return Error::InvalidArgument("a decision needs its title", "title");
  for (std::size_t i = 0; i < in.approved_documents.size(); ++i) {
    if (in.approved_documents[i].empty()) {
      return Error::InvalidArgument("a document is named by its symbol", Field("approved_documents", i));
    }
  }
  auto tx = deps.store.Begin(TxMode::kWrite);
  if (!tx) return tx.error();
  auto found = (*tx)->Meetings().Find(in.meeting_id);
  if (!found) return found.error();
  if (!*found) return Error::NotFound("meeting " + std::to_string(in.meeting_id) + " not found");
  const Meeting& meeting = **found;
  const std::string code = MeetingCode(meeting.body, meeting.session);
  if (!FindItem(meeting, in.item_number)) {
    return Error::NotFound("agenda item " + std::to_string(in.item_number) + " not found");
  }
  if (!HasDecisionSymbols(meeting.body)) {
    return Error::FailedPrecondition(std::string(ToString(meeting.body)) + " does not take decisions");
  }
  if (meeting.agenda_status != AgendaStatus::kAdopted) {
    return Error::FailedPrecondition("the agenda of " + code + " is not adopted yet");
  }
  auto registry = deps.participants->Get(**tx);
  if (!registry) return registry.error();

  Decision d;
  d.meeting_id = meeting.id;
  d.item_number = in.item_number;
  d.title = std::move(in.title);
  d.text = std::move(in.text);
  d.recorded_on = meeting.starts_on;
  d.approved_documents = std::move(in.approved_documents);
  d.recommended_to = in.recommended_to;

  std::optional<SilenceRecord> procedure;
  if (in.silence_procedure_id) {
    auto p = (*tx)->SilenceProcedures().Find(*in.silence_procedure_id);
    if (!p) return p.error();
    if (!*p) return Error::InvalidArgument("unknown silence procedure", "silence_procedure_id");
    procedure = std::move(**p);
    if (procedure->state != SilenceState::kAdopted) {
      return Error::FailedPrecondition("silence procedure " + std::to_string(procedure->id) + " is " +
                                           std::string(ToString(procedure->state)) +
                                           ": only an adopted text is recorded as a decision (R10)",
                                       "silence_procedure_id");
    }
    if (procedure->body != meeting.body) {
      return Error::FailedPrecondition("the procedure was opened for the " + std::string(ToString(procedure->body)) +
                                           ", so its next meeting records it",
                                       "silence_procedure_id");
    }
    if (procedure->decision_id) {
      return Error::FailedPrecondition("the procedure's outcome is already recorded", "silence_procedure_id");
    }
    if (meeting.ends_on < LocalDate(*procedure->decided_at, deps.zone)) {
      return Error::FailedPrecondition("the text was adopted after " + code + ": a later meeting records it (R10)",
                                       "silence_procedure_id");
    }
    for (std::size_t i = 0; i < in.positions.size(); ++i) {
      if (in.positions[i].kind == FloorPositionKind::kObjection) {
        return Error::InvalidArgument("silence was not broken: an objection now cannot undo the adoption (R8)",
                                      Field("positions", i) + ".kind");
      }
    }
    d.mode = AdoptionMode::kBySilence;
    d.adopted_at = *procedure->decided_at;  // the expiry instant (R10)
    d.silence_procedure_id = procedure->id;
  } else {
    d.mode = AdoptionMode::kAtMeeting;
    d.adopted_at = deps.clock.Now();
  }
  auto attachments = Consensus(in.positions, **registry, meeting.starts_on);
  if (!attachments) return attachments.error();
  d.attachments = std::move(*attachments);

  // Numbered within the meeting, in the order recorded (R24).
  d.symbol = {meeting.body, meeting.session.year, meeting.session.number, 0};
  if (in.numbered && in.number) {
    if (*in.number < 1) return Error::InvalidArgument("a decision number is 1 or more", "number");
    d.symbol.number = *in.number;
  } else if (in.numbered) {
    auto earlier = (*tx)->Decisions().List({std::nullopt, meeting.id, std::nullopt, std::nullopt});
    if (!earlier) return earlier.error();
    int number = 0;
    for (const auto& e : *earlier) number = std::max(number, e.symbol.number);
    d.symbol.number = number + 1;
  }
  // What the registry and the audit log call it: its symbol, or its place in the minutes.
  const std::string symbol = IsNumbered(d) ? Format(d.symbol)
                                           : code + " item " + std::to_string(d.item_number) + " (minutes)";

  // Status changes take effect in the registry, in this transaction, with the decision as basis.
  for (std::size_t i = 0; i < in.status_grants.size(); ++i) {
    StatusGrant g = in.status_grants[i];
    if (!g.from.ok()) g.from = meeting.starts_on;
    auto p = (*tx)->Participants().Find(g.participant_id);
    if (!p) return p.error();
    if (!*p) {
      return Error::InvalidArgument("unknown participant " + g.participant_id, Field("status_grants", i) + ".participant_id");
    }
    Participant changed = **p;
    const std::string before = Canonical(changed);
    StatusChange change{g.from, g.status, DatePrecision::kDay, "decision " + symbol, symbol, ""};
    if (!IsNumbered(d)) change.basis = "decision of " + symbol;
    if (auto r = AddStatusChange(changed, change); !r) {
      return Error{r.error().code, r.error().message, Field("status_grants", i)};
    }
    if (auto r = (*tx)->Participants().Update(changed); !r) return r.error();
    if (auto r = Record(deps, **tx, actor, {"participant.status.add", "participant", changed.id, before, Canonical(changed)});
        !r) {
      return r.error();
    }
    d.status_grants.push_back(std::move(g));
  }

  auto id = (*tx)->Decisions().Insert(d);
  if (!id) return id.error();
  d.id = *id;
  if (procedure) {
    const std::string before = Canonical(*procedure);
    procedure->decision_id = d.id;
    if (auto r = (*tx)->SilenceProcedures().Update(*procedure); !r) return r.error();
    if (auto r = Record(deps, **tx, actor,
                        {"silence.record", "silence_procedure", std::to_string(procedure->id), before,
                         Canonical(*procedure)});
        !r) {
      return r.error();
    }
  }
  if (auto r = Record(deps, **tx, actor, {"decision.create", "decision", std::to_string(d.id), std::nullopt, Canonical(d)});
      !r) {
    return r.error();
  }
  if (auto r = (*tx)->Commit(); !r) return r.error();
  return d;
}

Result<std::vector<Decision>> ListDecisions(Deps& deps, const Actor& actor, const DecisionFilter& filter) {
  if (auto denied = Check(actor, Action::kList, {ObjectKind::kMeeting, {}}, "decisions")) return *denied;
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  auto all = (*tx)->Decisions().List(filter);
  if (!all) return all.error();
  ItemVisibility visibility(**tx, actor);
  std::vector<Decision> out;
  for (auto& d : *all) {
    auto visible = visibility.MaySeeItem(d.meeting_id, d.item_number);
    if (!visible) return visible.error();
    if (*visible) out.push_back(std::move(d));
  }
  return out;
}

namespace {

Result<Decision> Visible(Transaction& tx, const Actor& actor, Result<std::optional<Decision>> found, std::string what) {
  if (!found) return found.error();
  const Error not_found = Error::NotFound("decision " + what + " not found");
  if (!*found) return not_found;
  ItemVisibility visibility(tx, actor);
  auto visible = visibility.MaySeeItem((*found)->meeting_id, (*found)->item_number);
  if (!visible) return visible.error();
  if (!*visible) return not_found;
  return std::move(**found);
}

}  // namespace

Result<Decision> GetDecision(Deps& deps, const Actor& actor, std::int64_t id) {
  if (auto denied = Check(actor, Action::kRead, {ObjectKind::kMeeting, {}}, "decision")) return *denied;
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  return Visible(**tx, actor, (*tx)->Decisions().Find(id), std::to_string(id));
}

Result<Decision> GetDecisionBySymbol(Deps& deps, const Actor& actor, const DecisionSymbol& symbol) {
  if (auto denied = Check(actor, Action::kRead, {ObjectKind::kMeeting, {}}, "decision")) return *denied;
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  return Visible(**tx, actor, (*tx)->Decisions().FindBySymbol(symbol), Format(symbol));
}

}  // namespace chancery::core
