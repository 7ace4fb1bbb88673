#include "core/services/meetings.hpp"

#include <algorithm>

#include "core/policy.hpp"
#include "core/services/audit_trail.hpp"
#include "core/services/governance_canonical.hpp"
#include "core/services/notices.hpp"
#include "core/services/visibility.hpp"

namespace chancery::core {
namespace {

using Registry = std::vector<Participant>;

std::string Field(std::string_view list, std::size_t i) { return std::string(list) + "[" + std::to_string(i) + "]"; }

Error MeetingNotFound(std::int64_t id) { return Error::NotFound("meeting " + std::to_string(id) + " not found"); }
Error ItemNotFound(int number) { return Error::NotFound("agenda item " + std::to_string(number) + " not found"); }

// Invited observers must be known and must not be Member States, who attend every item anyway.
Result<void> CheckInvitations(const std::vector<std::string>& observers, const Registry& registry, Date on,
                              std::string_view field) {
  for (std::size_t i = 0; i < observers.size(); ++i) {
    const Participant* p = FindById(registry, observers[i]);
    if (!p) return Error::InvalidArgument("unknown participant " + observers[i], Field(field, i));
    if (IsMemberStateOn(*p, on)) {
      return Error::InvalidArgument(observers[i] + " is a Member State and attends every item; invite observers only",
                                    Field(field, i));
    }
  }
  return Ok();
}

// R13: everyone present was entitled to attend the item.
Result<void> CheckPresent(const AgendaItem& item, const Registry& registry, Date on, std::string_view field) {
  for (std::size_t i = 0; i < item.present.size(); ++i) {
    const Participant* p = FindById(registry, item.present[i]);
    if (!p) return Error::InvalidArgument("unknown participant " + item.present[i], Field(field, i));
    if (!MayAttend(item, *p, on)) {
      return Error::InvalidArgument(item.present[i] + " may not attend item " + std::to_string(item.number) +
                                        ": it is open only to the observers invited by the Chairmanship (RoP 12.4)",
                                    Field(field, i));
    }
  }
  return Ok();
}

Result<void> CheckAgenda(const std::vector<AgendaItem>& items, const Registry& registry, Date on) {
  if (auto r = ValidateAgenda(items); !r) return r;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string at = Field("items", i);
    if (auto r = CheckInvitations(items[i].invited_observers, registry, on, at + ".invited_observers"); !r) return r;
    if (auto r = CheckPresent(items[i], registry, on, at + ".present"); !r) return r;
  }
  return Ok();
}

Result<void> MustBeDraft(const Meeting& m) {
  if (m.agenda_status == AgendaStatus::kDraft) return Ok();
  return Error::FailedPrecondition("the agenda of " + MeetingCode(m.body, m.session) + " is already adopted");
}

// Loads a meeting in a write transaction, applies `change` and saves it with its audit record.
template <class ChangeFn>
Result<Meeting> Change(Deps& deps, const Actor& actor, std::int64_t id, std::string_view action, ChangeFn change) {
  if (auto denied = Check(actor, Action::kUpdate, {ObjectKind::kMeeting, {}}, "meeting")) return *denied;
  auto tx = deps.store.Begin(TxMode::kWrite);
  if (!tx) return tx.error();
  auto found = (*tx)->Meetings().Find(id);
  if (!found) return found.error();
  if (!*found) return MeetingNotFound(id);
  Meeting m = std::move(**found);
  auto registry = deps.participants->Get(**tx);
  if (!registry) return registry.error();
  const std::string before = Canonical(m);
  if (auto r = change(m, **registry); !r) return r.error();
  if (auto r = (*tx)->Meetings().Update(m); !r) return r.error();
  if (auto r = Record(deps, **tx, actor, {std::string(action), "meeting", std::to_string(id), before, Canonical(m)});
      !r) {
    return r.error();
  }
  if (auto r = (*tx)->Commit(); !r) return r.error();
  return VisiblePart(actor, std::move(m));
}

// The meeting as stored, or kNotFound; `tx` is a read transaction.
Result<Meeting> Load(Transaction& tx, std::int64_t id) {
  auto found = tx.Meetings().Find(id);
  if (!found) return found.error();
  if (!*found) return MeetingNotFound(id);
  return std::move(**found);
}

}  // namespace

Meeting VisiblePart(const Actor& actor, Meeting m) {
  auto hidden = [&](int number) {
    const AgendaItem* item = FindItem(m, number);
    return item == nullptr || !MaySee(actor, *item);
  };
  std::erase_if(m.statements, [&](const Statement& s) { return hidden(s.item_number); });
  std::erase_if(m.amendments, [&](const AgendaAmendment& a) { return hidden(a.item_number); });
  std::erase_if(m.agenda, [&](const AgendaItem& i) { return !MaySee(actor, i); });
  return m;
}

Result<Meeting> CreateMeeting(Deps& deps, const Actor& actor, NewMeeting in) {
  if (auto denied = Check(actor, Action::kCreate, {ObjectKind::kMeeting, {}}, "meetings")) return *denied;
  if (!in.starts_on.ok()) return Error::InvalidArgument("a meeting needs its first day", "starts_on");
  auto tx = deps.store.Begin(TxMode::kWrite);
  if (!tx) return tx.error();
  auto registry = deps.participants->Get(**tx);
  if (!registry) return registry.error();

  Meeting m;
  m.body = in.body;
  m.starts_on = in.starts_on;
  m.ends_on = in.ends_on ? *in.ends_on : in.starts_on;
  m.format = in.format;
  m.venue = std::move(in.venue);
  m.chair_person = std::move(in.chair_person);
  m.agenda_symbol = std::move(in.agenda_symbol);
  if (in.reply_by && (!in.reply_by->ok() || *in.reply_by > m.starts_on)) {
    return Error::InvalidArgument("the reply date is on or before the meeting's first day", "reply_by");
  }
  m.reply_by = in.reply_by;
  m.agenda = std::move(in.agenda);
  const int year = static_cast<int>(m.starts_on.year());
  if (in.session) {
    m.session = *in.session;
  } else {
    auto same_body = (*tx)->Meetings().List({m.body, std::nullopt, std::nullopt});
    if (!same_body) return same_body.error();
    std::vector<SessionCode> sessions;
    for (const auto& other : *same_body) sessions.push_back(other.session);
    m.session = {year, NextSessionNumber(sessions, year)};
  }
  if (in.chair_participant_id) {
    m.chair_participant_id = std::move(*in.chair_participant_id);
  } else {
    auto terms = (*tx)->Chairmanships().List();
    if (!terms) return terms.error();
    const ChairmanshipTerm* term = ChairOn(*terms, m.starts_on);
    if (!term) {
      return Error::InvalidArgument("no Chairmanship is recorded on " + FormatDate(m.starts_on) +
                                        "; give chair_participant_id",
                                    "chair_participant_id");
    }
    m.chair_participant_id = term->participant_id;
  }
  if (!FindById(**registry, m.chair_participant_id)) {
    return Error::InvalidArgument("unknown participant " + m.chair_participant_id, "chair_participant_id");
  }
  if (auto r = ValidateMeeting(m); !r) return r.error();
  for (const auto& item : m.agenda) {
    if (!item.present.empty()) {
      return Error::InvalidArgument("attendance is recorded at the meeting, not with the draft agenda",
                                    Field("items", static_cast<std::size_t>(item.number - 1)) + ".present");
    }
  }
  if (auto r = CheckAgenda(m.agenda, **registry, m.starts_on); !r) return r.error();
  auto id = (*tx)->Meetings().Insert(m);
  if (!id) {
    if (id.error().code == ErrorCode::kAlreadyExists) {
      return Error::AlreadyExists(MeetingCode(m.body, m.session) + " already exists", "session");
    }
    return id.error();
  }
  m.id = *id;
  if (auto r = Record(deps, **tx, actor, {"meeting.create", "meeting", std::to_string(m.id), std::nullopt, Canonical(m)});
      !r) {
    return r.error();
  }
  if (auto r = PlanMeetingConvened(deps, **tx, m); !r) return r.error();
  if (auto r = (*tx)->Commit(); !r) return r.error();
  return VisiblePart(actor, std::move(m));
}

Result<std::vector<Meeting>> ListMeetings(Deps& deps, const Actor& actor, const MeetingFilter& filter) {
  if (auto denied = Check(actor, Action::kList, {ObjectKind::kMeeting, {}}, "meetings")) return *denied;
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  auto meetings = (*tx)->Meetings().List(filter);
  if (!meetings) return meetings.error();
  for (auto& m : *meetings) m = VisiblePart(actor, std::move(m));
  return meetings;
}

Result<Meeting> GetMeeting(Deps& deps, const Actor& actor, std::int64_t id) {
  if (auto denied = Check(actor, Action::kRead, {ObjectKind::kMeeting, {}}, "meeting")) return *denied;
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  auto m = Load(**tx, id);
  if (!m) return m.error();
  return VisiblePart(actor, std::move(*m));
}

Result<Meeting> SetDraftAgenda(Deps& deps, const Actor& actor, std::int64_t id, std::vector<AgendaItem> items,
                               std::optional<std::string> agenda_symbol) {
  return Change(deps, actor, id, "meeting.agenda.set", [&](Meeting& m, const Registry& registry) -> Result<void> {
    if (auto r = MustBeDraft(m); !r) return r;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (!items[i].present.empty()) {
        return Error::InvalidArgument("attendance is recorded at the meeting, not with the draft agenda",
                                      Field("items", i) + ".present");
      }
    }
    if (auto r = CheckAgenda(items, registry, m.starts_on); !r) return r;
    m.agenda = std::move(items);
    if (agenda_symbol) m.agenda_symbol = std::move(*agenda_symbol);
    m.amendments.clear();  // a new draft: amendments were to the previous one
    return Ok();
  });
}

Result<Meeting> AmendAgenda(Deps& deps, const Actor& actor, std::int64_t id, AgendaAmendment amendment) {
  return Change(deps, actor, id, "meeting.agenda.amend", [&](Meeting& m, const Registry& registry) -> Result<void> {
    if (auto r = MustBeDraft(m); !r) return r;
    AgendaItem* item = FindItem(m, amendment.item_number);
    if (!item) return Error::InvalidArgument("the agenda has no item " + std::to_string(amendment.item_number), "item_number");
    if (amendment.title.empty()) return Error::InvalidArgument("an amendment gives the item's new title", "title");
    const Participant* p = FindById(registry, amendment.proposed_by);
    if (!p) return Error::InvalidArgument("unknown participant " + amendment.proposed_by, "proposed_by");
    if (!IsMemberStateOn(*p, m.starts_on)) {
      return Error::InvalidArgument(amendment.proposed_by + " is not a Member State on " + FormatDate(m.starts_on) +
                                        ": only Member States amend the agenda",
                                    "proposed_by");
    }
    amendment.previous_title = item->title;
    item->title = amendment.title;
    m.amendments.push_back(std::move(amendment));
    return Ok();
  });
}

Result<Meeting> AdoptAgenda(Deps& deps, const Actor& actor, std::int64_t id) {
  return Change(deps, actor, id, "meeting.agenda.adopt", [&](Meeting& m, const Registry&) -> Result<void> {
    if (auto r = MustBeDraft(m); !r) return r;
    if (m.agenda.empty()) return Error::FailedPrecondition("an empty agenda cannot be adopted");
    m.agenda_status = AgendaStatus::kAdopted;
    m.agenda_adopted_at = deps.clock.Now();
    return Ok();
  });
}

Result<Meeting> SetInvitations(Deps& deps, const Actor& actor, std::int64_t id, int number,
                               std::vector<std::string> observers) {
  return Change(deps, actor, id, "meeting.item.invitations", [&](Meeting& m, const Registry& registry) -> Result<void> {
    AgendaItem* item = FindItem(m, number);
    if (!item) return ItemNotFound(number);
    if (auto r = CheckInvitations(observers, registry, m.starts_on, "observers"); !r) return r;
    AgendaItem changed = *item;
    changed.invited_observers = std::move(observers);
    changed.closed_to_observers = changed.invited_observers.empty();
    if (auto r = CheckPresent(changed, registry, m.starts_on, "present"); !r) {
      return Error::FailedPrecondition("observers recorded as present must stay invited: " + r.error().message);
    }
    *item = std::move(changed);
    return Ok();
  });
}

Result<Meeting> RecordAttendance(Deps& deps, const Actor& actor, std::int64_t id, int number,
                                 std::vector<std::string> present) {
  return Change(deps, actor, id, "meeting.item.attendance", [&](Meeting& m, const Registry& registry) -> Result<void> {
    AgendaItem* item = FindItem(m, number);
    if (!item) return ItemNotFound(number);
    AgendaItem changed = *item;
    changed.present = std::move(present);
    if (auto r = CheckPresent(changed, registry, m.starts_on, "present"); !r) return r;
    *item = std::move(changed);
    return Ok();
  });
}

Result<Statement> RecordStatement(Deps& deps, const Actor& actor, std::int64_t id, Statement s) {
  Statement recorded;
  auto m = Change(deps, actor, id, "meeting.statement.add", [&](Meeting& meeting, const Registry& registry) -> Result<void> {
    const AgendaItem* item = FindItem(meeting, s.item_number);
    if (!item) return ItemNotFound(s.item_number);
    if (s.text.empty()) return Error::InvalidArgument("a statement needs its text", "text");
    if (!IsSupportedLanguage(s.language)) return Error::InvalidArgument("language must be en, ru or kk", "language");
    if (s.role == SpeakerRole::kChair && s.participant_id.empty()) s.participant_id = meeting.chair_participant_id;
    if (s.role == SpeakerRole::kParticipant && s.participant_id.empty()) {
      return Error::InvalidArgument("a participant's statement names the participant", "participant_id");
    }
    if (!s.participant_id.empty()) {
      const Participant* p = FindById(registry, s.participant_id);
      if (!p) return Error::InvalidArgument("unknown participant " + s.participant_id, "participant_id");
      if (s.role == SpeakerRole::kParticipant && !MayAttend(*item, *p, meeting.starts_on)) {
        return Error::InvalidArgument(s.participant_id + " may not attend item " + std::to_string(item->number) +
                                          " (RoP 12.4)",
                                      "participant_id");
      }
    }
    // Numbered within the item, so that the numbers an observer sees under an open item say
    // nothing about what was said under closed ones.
    int seq = 0;
    for (const auto& other : meeting.statements) {
      if (other.item_number == s.item_number) seq = std::max(seq, other.seq);
    }
    s.seq = seq + 1;
    s.recorded_at = deps.clock.Now();
    recorded = s;
    meeting.statements.push_back(std::move(s));
    return Ok();
  });
  if (!m) return m.error();
  return recorded;
}

Result<std::vector<Statement>> ListStatements(Deps& deps, const Actor& actor, std::int64_t id, std::optional<int> item) {
  auto m = GetMeeting(deps, actor, id);
  if (!m) return m.error();
  if (item && !FindItem(*m, *item)) return ItemNotFound(*item);  // absent, or hidden from this actor
  std::vector<Statement> out;
  for (auto& s : m->statements) {
    if (!item || s.item_number == *item) out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<Mandate>> MandatesDueAt(Deps& deps, const Actor& actor, std::int64_t id) {
  if (auto denied = Check(actor, Action::kRead, {ObjectKind::kMeeting, {}}, "meeting")) return *denied;
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  auto m = Load(**tx, id);
  if (!m) return m.error();
  auto open = (*tx)->Mandates().List({std::nullopt, MandateStatus::kOpen, std::nullopt});
  if (!open) return open.error();
  ItemVisibility visibility(**tx, actor);
  std::vector<Mandate> out;
  for (const Mandate* due : ForDraftAgenda(*open, m->body, m->starts_on)) {
    auto visible = visibility.MaySeeItem(due->meeting_id, due->item_number);
    if (!visible) return visible.error();
    if (*visible) out.push_back(*due);
  }
  return out;
}

Result<std::vector<GovernanceWarning>> GovernanceWarnings(Deps& deps, const Actor& actor) {
  if (auto denied = Check(actor, Action::kList, {ObjectKind::kMeeting, {}}, "meetings")) return *denied;
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  auto soc = (*tx)->Meetings().List({BodyCode::kSoc, std::nullopt, std::nullopt});
  if (!soc) return soc.error();
  const int this_year = static_cast<int>(Today(deps).year());
  int first = this_year;
  for (const auto& m : *soc) first = std::min(first, static_cast<int>(m.starts_on.year()));
  std::vector<GovernanceWarning> out;
  for (int year : YearsWithoutMeeting(*soc, BodyCode::kSoc, first, this_year)) {
    out.push_back({"no_soc_meeting", year,
                   "No meeting of the Senior Officials Committee is recorded or scheduled in " + std::to_string(year) +
                       "; it meets at least once a year (R25)"});
  }
  return out;
}

}  // namespace chancery::core
