#include "core/services/participants.hpp"

#include <algorithm>

#include "core/policy.hpp"
#include "core/services/audit_trail.hpp"

namespace chancery::core {
namespace {

constexpr std::string_view kWhat = "participant";

// Loads, changes and saves one participant in one write transaction, with its audit record.
template <class Change>
Result<Participant> Amend(Deps& deps, const Actor& actor, std::string_view id,
                          std::string_view action, Change change) {
  if (auto denied = Check(actor, Action::kUpdate, {ObjectKind::kParticipant, {}}, kWhat)) return *denied;
  auto tx = deps.store.Begin(TxMode::kWrite);
  if (!tx) return tx.error();
  auto found = (*tx)->Participants().Find(id);
  if (!found) return found.error();
  if (!*found) return Error::NotFound("participant " + std::string(id) + " not found");
  Participant p = std::move(**found);
  const std::string before = Canonical(p);
  if (auto r = change(p); !r) return r.error();
  if (auto r = (*tx)->Participants().Update(p); !r) return r.error();
  if (auto r = Record(deps, **tx, actor, {std::string(action), "participant", p.id, before, Canonical(p)}); !r) {
    return r.error();
  }
  if (auto r = (*tx)->Commit(); !r) return r.error();
  return p;
}

}  // namespace

Result<ParticipantList> ListParticipants(Deps& deps, const Actor& actor, const ParticipantFilter& filter) {
  if (auto denied = Check(actor, Action::kList, {ObjectKind::kParticipant, {}}, "participants")) return *denied;
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  auto snapshot = deps.participants->Get(**tx);
  if (!snapshot) return snapshot.error();
  const Date on = filter.on ? *filter.on : Today(deps);
  ParticipantList out{*snapshot, {}};
  for (const auto& p : **snapshot) {
    if (filter.kind && p.kind != *filter.kind) continue;
    if (filter.status && StatusOn(p, on) != *filter.status) continue;
    out.items.push_back(&p);
  }
  return out;
}

Result<Participant> GetParticipant(Deps& deps, const Actor& actor, std::string_view id) {
  if (auto denied = Check(actor, Action::kRead, {ObjectKind::kParticipant, {}}, kWhat)) return *denied;
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  auto snapshot = deps.participants->Get(**tx);
  if (!snapshot) return snapshot.error();
  const Participant* found = FindIn(**snapshot, id);
  if (!found) return Error::NotFound("participant " + std::string(id) + " not found");
  return *found;
}

Result<Participant> CreateParticipant(Deps& deps, const Actor& actor, Participant p) {
  if (auto denied = Check(actor, Action::kCreate, {ObjectKind::kParticipant, {}}, "participants")) return *denied;
  std::stable_sort(p.statuses.begin(), p.statuses.end(),
                   [](const StatusChange& a, const StatusChange& b) { return a.from < b.from; });
  if (auto r = Validate(p); !r) return r.error();
  auto tx = deps.store.Begin(TxMode::kWrite);
  if (!tx) return tx.error();
  if (auto r = (*tx)->Participants().Insert(p); !r) return r.error();
  if (auto r = Record(deps, **tx, actor, {"participant.create", "participant", p.id, std::nullopt, Canonical(p)}); !r) {
    return r.error();
  }
  if (auto r = (*tx)->Commit(); !r) return r.error();
  return p;
}

Result<Participant> AddParticipantStatus(Deps& deps, const Actor& actor, std::string_view id,
                                         StatusChange change) {
  return Amend(deps, actor, id, "participant.status.add",
               [&](Participant& p) { return AddStatusChange(p, std::move(change)); });
}

Result<Participant> AddParticipantName(Deps& deps, const Actor& actor, std::string_view id,
                                       NameVersion name) {
  return Amend(deps, actor, id, "participant.name.add", [&](Participant& p) -> Result<void> {
    p.names.push_back(std::move(name));
    return Validate(p);
  });
}

}  // namespace chancery::core
