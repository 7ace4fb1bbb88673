#include "core/services/minutes_import.hpp"

#include <algorithm>

#include "core/model/minutes.hpp"
#include "core/model/minutes_import.hpp"
#include "core/services/decisions.hpp"
#include "core/services/documents.hpp"
#include "core/services/mandates.hpp"
#include "core/services/meetings.hpp"

namespace chancery::core {
namespace {

// The session a decision symbol of the minutes names ("SOC/2021-I/DEC/3" → 2021-I).
std::optional<SessionCode> SessionOf(const MinutesRecord& record) {
  for (const auto& item : record.items) {
    for (const auto& d : item.decisions) {
      if (auto s = ParseDecisionSymbol(d.symbol)) return SessionCode{s->year, s->session};
    }
  }
  return std::nullopt;
}

}  // namespace

Result<ImportReport> ImportMinutes(Deps& deps, const Actor& actor, const MinutesToImport& in,
                                   const std::function<void(const ImportProgress&)>& on_progress) {
  if (!in.body) return Error::InvalidArgument("the minutes do not say which body met", "body");
  if (!in.starts_on) return Error::InvalidArgument("the minutes do not say when the meeting was held", "date");
  std::vector<Participant> registry;
  std::vector<std::string> observers;  // "CICA observers attended … at the invitation of the Chairmanship"
  {
    auto tx = deps.store.Begin(TxMode::kRead);
    if (!tx) return tx.error();
    auto snapshot = deps.participants->Get(**tx);
    if (!snapshot) return snapshot.error();
    registry = **snapshot;
  }
  for (const auto& p : registry) {
    const auto status = StatusOn(p, *in.starts_on);
    if (status == ParticipantStatus::kObserverState || status == ParticipantStatus::kObserverOrganisation) {
      observers.push_back(p.id);
    }
  }
  const MinutesRecord record = ReadMinutesRecord(in.content, registry, in.starts_on);
  if (record.items.empty()) return Error::InvalidArgument("the minutes have no numbered agenda items", "items");

  NewMeeting meeting;
  meeting.body = *in.body;
  meeting.session = SessionOf(record);
  meeting.starts_on = *in.starts_on;
  meeting.ends_on = in.ends_on;
  meeting.format = in.format.value_or(MeetingFormat::kInPerson);
  meeting.venue = in.venue;
  meeting.chair_person = in.chair_person.empty() ? record.chair_person : in.chair_person;
  if (!record.chair_participant_id.empty()) meeting.chair_participant_id = record.chair_participant_id;
  meeting.agenda_symbol = in.agenda_symbol;
  for (const auto& item : record.items) {
    AgendaItem a{item.number, item.title, item.closed_to_observers,
                 item.closed_to_observers ? std::vector<std::string>{} : observers};
    // Someone who is not a Member State and spoke under an open item was invited to it: an
    // applicant state, as Turkmenistan under item 3.
    for (const auto& s : item.statements) {
      const Participant* p = FindById(registry, s.participant_id);
      const bool invite = !item.closed_to_observers && p && !IsMemberStateOn(*p, *in.starts_on) &&
                          std::find(a.invited_observers.begin(), a.invited_observers.end(), p->id) ==
                              a.invited_observers.end();
      if (invite) a.invited_observers.push_back(p->id);
    }
    a.any_other_business = item.title.find("ny other business") != std::string::npos;
    meeting.agenda.push_back(std::move(a));
  }

  // Everything that would refuse the import, before the first write.
  {
    auto tx = deps.store.Begin(TxMode::kRead);
    if (!tx) return tx.error();
    if (meeting.session) {
      auto taken = (*tx)->Meetings().FindBySession(meeting.body, *meeting.session);
      if (!taken) return taken.error();
      if (*taken) return Error::AlreadyExists(MeetingCode(meeting.body, *meeting.session) + " is already recorded");
    }
    for (const auto& item : record.items) {
      for (const auto& d : item.decisions) {
        auto symbol = ParseDecisionSymbol(d.symbol);
        if (!symbol) continue;
        auto taken = (*tx)->Decisions().FindBySymbol(*symbol);
        if (!taken) return taken.error();
        if (*taken) return Error::AlreadyExists("decision " + d.symbol + " is already recorded");
      }
    }
  }

  ImportReport report;
  auto created = CreateMeeting(deps, actor, meeting);
  if (!created) return created.error();
  report.meeting_id = created->id;
  report.meeting_code = MeetingCode(created->body, created->session);
  report.items = static_cast<int>(created->agenda.size());
  if (auto r = AdoptAgenda(deps, actor, created->id); !r) return r.error();

  int position = 0;
  for (const auto& item : record.items) {
    ImportProgress step{++position, static_cast<int>(record.items.size())};
    for (const auto& s : item.statements) {
      Statement statement{0, item.number, s.role, s.participant_id, s.speaker, "en", s.text};
      if (auto r = RecordStatement(deps, actor, created->id, statement); !r) {
        report.not_recorded.push_back(s.paragraph_id + ": " + r.error().message);
      } else {
        ++report.statements;
        ++step.statements;
      }
    }
    for (const auto& m : item.mandates) {
      NewMandate mandate{created->id, item.number, m.subject, m.assignee, m.due_by, m.due_before_next_meeting_of};
      if (auto r = GiveMandate(deps, actor, mandate); !r) {
        report.not_recorded.push_back(m.paragraph_id + ": " + r.error().message);
      } else {
        ++report.mandates;
        ++step.mandates;
      }
    }
    if (on_progress) on_progress(step);
  }
  // Decisions with their symbols' numbers; those the minutes give no symbol are unnumbered.
  std::vector<std::pair<int, const RecordedDecision*>> decisions;
  for (const auto& item : record.items) {
    for (const auto& d : item.decisions) {
      if (!d.adopts_agenda) decisions.emplace_back(item.number, &d);
    }
  }
  for (const auto& [item_number, d] : decisions) {
    NewDecision decision;
    decision.meeting_id = created->id;
    decision.item_number = item_number;
    decision.title = d->title.empty() ? d->text : d->title;
    decision.text = d->text;
    decision.approved_documents = d->approved_documents;
    decision.recommended_to = d->recommended_to;
    decision.status_grants = d->status_grants;
    auto symbol = ParseDecisionSymbol(d->symbol);
    decision.numbered = symbol.has_value();
    if (symbol) decision.number = symbol->number;
    if (auto r = RecordDecision(deps, actor, decision); !r) {
      report.not_recorded.push_back(d->paragraph_id + ": " + r.error().message);
    } else {
      ++report.decisions;
    }
  }
  for (const auto& u : record.unclassified) report.not_recorded.push_back(u.paragraph_id + ": " + u.why);

  NewDocument minutes{MinutesSymbol(*created), DocumentKind::kMinutes, created->body,
                      AccessCategory::kMembersAndObservers, created->id, "imported",
                      {{in.content, TranslationStatus::kOriginal}}};
  auto document = CreateDocument(deps, actor, std::move(minutes));
  if (!document) return document.error();
  report.symbol = document->symbol;
  return report;
}

}  // namespace chancery::core
