#include "core/services/mandates.hpp"

#include "core/policy.hpp"
#include "core/services/audit_trail.hpp"
#include "core/services/governance_canonical.hpp"
#include "core/services/visibility.hpp"

namespace chancery::core {
namespace {

Error NotFound(std::int64_t id) { return Error::NotFound("mandate " + std::to_string(id) + " not found"); }

// The mandate if `actor` may see the item it was given under, else kNotFound.
Result<Mandate> Visible(Transaction& tx, const Actor& actor, std::int64_t id) {
  auto found = tx.Mandates().Find(id);
  if (!found) return found.error();
  if (!*found) return NotFound(id);
  ItemVisibility visibility(tx, actor);
  auto visible = visibility.MaySeeItem((*found)->meeting_id, (*found)->item_number);
  if (!visible) return visible.error();
  if (!*visible) return NotFound(id);
  return std::move(**found);
}

}  // namespace

Result<Mandate> GiveMandate(Deps& deps, const Actor& actor, NewMandate in) {
  if (auto denied = Check(actor, Action::kCreate, {ObjectKind::kMeeting, {}}, "mandates")) return *denied;
  auto tx = deps.store.Begin(TxMode::kWrite);
  if (!tx) return tx.error();
  auto meeting = (*tx)->Meetings().Find(in.meeting_id);
  if (!meeting) return meeting.error();
  if (!*meeting) return Error::NotFound("meeting " + std::to_string(in.meeting_id) + " not found");
  if (!FindItem(**meeting, in.item_number)) {
    return Error::NotFound("agenda item " + std::to_string(in.item_number) + " not found");
  }
  Mandate m;
  m.meeting_id = in.meeting_id;
  m.item_number = in.item_number;
  m.subject = std::move(in.subject);
  m.given_by = (*meeting)->body;
  m.given_on = (*meeting)->starts_on;
  m.assignee = in.assignee;
  m.due_by = in.due_by;
  m.due_before_next_meeting_of = in.due_before_next_meeting_of;
  if (auto r = ValidateMandate(m); !r) return r.error();
  auto id = (*tx)->Mandates().Insert(m);
  if (!id) return id.error();
  m.id = *id;
  if (auto r = Record(deps, **tx, actor, {"mandate.create", "mandate", std::to_string(m.id), std::nullopt, Canonical(m)});
      !r) {
    return r.error();
  }
  if (auto r = (*tx)->Commit(); !r) return r.error();
  return m;
}

Result<std::vector<Mandate>> ListMandates(Deps& deps, const Actor& actor, const MandateFilter& filter) {
  if (auto denied = Check(actor, Action::kList, {ObjectKind::kMeeting, {}}, "mandates")) return *denied;
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  auto all = (*tx)->Mandates().List(filter);
  if (!all) return all.error();
  ItemVisibility visibility(**tx, actor);
  std::vector<Mandate> out;
  for (auto& m : *all) {
    auto visible = visibility.MaySeeItem(m.meeting_id, m.item_number);
    if (!visible) return visible.error();
    if (*visible) out.push_back(std::move(m));
  }
  return out;
}

Result<Mandate> GetMandate(Deps& deps, const Actor& actor, std::int64_t id) {
  if (auto denied = Check(actor, Action::kRead, {ObjectKind::kMeeting, {}}, "mandate")) return *denied;
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  return Visible(**tx, actor, id);
}

Result<Mandate> SetMandateStatus(Deps& deps, const Actor& actor, std::int64_t id, MandateStatus status) {
  if (auto denied = Check(actor, Action::kUpdate, {ObjectKind::kMeeting, {}}, "mandate")) return *denied;
  auto tx = deps.store.Begin(TxMode::kWrite);
  if (!tx) return tx.error();
  auto m = Visible(**tx, actor, id);
  if (!m) return m.error();
  if (m->status != MandateStatus::kOpen && status != m->status) {
    return Error::FailedPrecondition("the mandate is already " + std::string(ToString(m->status)), "status");
  }
  const std::string before = Canonical(*m);
  m->status = status;
  if (auto r = (*tx)->Mandates().Update(*m); !r) return r.error();
  if (auto r = Record(deps, **tx, actor, {"mandate.status", "mandate", std::to_string(id), before, Canonical(*m)}); !r) {
    return r.error();
  }
  if (auto r = (*tx)->Commit(); !r) return r.error();
  return m;
}

}  // namespace chancery::core
