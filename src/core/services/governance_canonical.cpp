#include "core/services/governance_canonical.hpp"

#include "core/services/canonical.hpp"

namespace chancery::core {
namespace {

std::string Text(std::int64_t n) { return std::to_string(n); }
std::string Text(Date d) { return d.ok() ? FormatDate(d) : std::string(kCanonicalNull); }
std::string Text(Instant t) { return FormatInstant(t); }
template <class T>
std::string Text(const std::optional<T>& v) {
  return v ? Text(*v) : std::string(kCanonicalNull);
}
std::string Text(bool b) { return b ? "1" : "0"; }

void PutList(std::string& out, std::string_view name, const std::vector<std::string>& values) {
  for (const auto& v : values) Put(out, name, v);
}

}  // namespace

std::string Canonical(const ChairmanshipTerm& t) {
  std::string out;
  Put(out, "participant_id", t.participant_id);
  Put(out, "from", Text(t.from));
  Put(out, "until", Text(t.until));
  Put(out, "basis", t.basis);
  Put(out, "recommended_by_silence_procedure", Text(t.recommended_by_silence_procedure));
  return out;
}

std::string Canonical(const Meeting& m) {
  std::string out;
  Put(out, "id", Text(m.id));
  Put(out, "code", MeetingCode(m.body, m.session));
  Put(out, "starts_on", Text(m.starts_on));
  Put(out, "ends_on", Text(m.ends_on));
  Put(out, "format", ToString(m.format));
  Put(out, "venue", m.venue);
  Put(out, "chair_participant_id", m.chair_participant_id);
  Put(out, "chair_person", m.chair_person);
  Put(out, "agenda_status", ToString(m.agenda_status));
  Put(out, "agenda_symbol", m.agenda_symbol);
  Put(out, "agenda_adopted_at", Text(m.agenda_adopted_at));
  if (m.reply_by) Put(out, "reply_by", Text(*m.reply_by));  // only when set: older forms unchanged
  for (const auto& i : m.agenda) {
    Put(out, "item.number", Text(static_cast<std::int64_t>(i.number)));
    Put(out, "item.title", i.title);
    Put(out, "item.closed", Text(i.closed_to_observers));
    Put(out, "item.aob", Text(i.any_other_business));
    PutList(out, "item.invited", i.invited_observers);
    PutList(out, "item.present", i.present);
  }
  for (const auto& a : m.amendments) {
    Put(out, "amendment.item", Text(static_cast<std::int64_t>(a.item_number)));
    Put(out, "amendment.proposed_by", a.proposed_by);
    Put(out, "amendment.previous_title", a.previous_title);
    Put(out, "amendment.title", a.title);
  }
  for (const auto& s : m.statements) {
    Put(out, "statement.seq", Text(static_cast<std::int64_t>(s.seq)));
    Put(out, "statement.item", Text(static_cast<std::int64_t>(s.item_number)));
    Put(out, "statement.role", ToString(s.role));
    Put(out, "statement.participant_id", s.participant_id);
    Put(out, "statement.speaker", s.speaker);
    Put(out, "statement.language", s.language);
    Put(out, "statement.text", s.text);
    Put(out, "statement.recorded_at", Text(s.recorded_at));
  }
  return out;
}

std::string Canonical(const Decision& d) {
  std::string out;
  Put(out, "id", Text(d.id));
  Put(out, "symbol", IsNumbered(d) ? Format(d.symbol) : std::string(kCanonicalNull));
  Put(out, "session", MeetingCode(d.symbol.body, {d.symbol.year, d.symbol.session}));
  Put(out, "meeting_id", Text(d.meeting_id));
  Put(out, "item_number", Text(static_cast<std::int64_t>(d.item_number)));
  Put(out, "title", d.title);
  Put(out, "text", d.text);
  Put(out, "mode", ToString(d.mode));
  Put(out, "adopted_at", Text(d.adopted_at));
  Put(out, "recorded_on", Text(d.recorded_on));
  Put(out, "silence_procedure_id", Text(d.silence_procedure_id));
  for (const auto& a : d.attachments) {
    Put(out, "attachment.participant_id", a.participant_id);
    Put(out, "attachment.kind", ToString(a.kind));
    Put(out, "attachment.text", a.text);
  }
  for (const auto& g : d.status_grants) {
    Put(out, "grant.participant_id", g.participant_id);
    Put(out, "grant.status", ToString(g.status));
    Put(out, "grant.from", Text(g.from));
  }
  PutList(out, "approved_document", d.approved_documents);
  Put(out, "recommended_to", d.recommended_to ? std::string(ToString(*d.recommended_to)) : std::string(kCanonicalNull));
  return out;
}

std::string Canonical(const SilenceRecord& r) {
  std::string out;
  Put(out, "id", Text(r.id));
  Put(out, "body", ToString(r.body));
  Put(out, "title", r.procedure.title);
  // Only when given, so that the canonical form of a procedure without them is unchanged.
  for (const auto& [lang, title] : r.procedure.titles) Put(out, "title." + lang, title);
  Put(out, "opened_at", Text(r.procedure.opened_at));
  Put(out, "expires_at", Text(r.procedure.expires_at));
  Put(out, "expiry_wording", r.procedure.expiry_wording);
  Put(out, "text", r.text);
  Put(out, "initiator", ToString(r.initiator));
  Put(out, "meeting_id", Text(r.meeting_id));
  PutList(out, "addressee", r.addressees);
  Put(out, "amendments_break_silence", Text(r.amendments_break_silence));
  for (const auto& x : r.responses) {
    Put(out, "response.seq", Text(static_cast<std::int64_t>(x.seq)));
    Put(out, "response.participant_id", x.response.participant_id);
    Put(out, "response.kind", ToString(x.response.kind));
    Put(out, "response.received_at", Text(x.response.received_at));
    Put(out, "response.text", x.text);
    Put(out, "response.reference", x.reference);
    Put(out, "response.registered_at", Text(x.registered_at));
    Put(out, "response.registered_by", Text(x.registered_by));
  }
  Put(out, "state", ToString(r.state));
  Put(out, "decided_at", Text(r.decided_at));
  Put(out, "concluded_at", Text(r.concluded_at));
  Put(out, "broken_by", r.broken_by ? Text(static_cast<std::int64_t>(*r.broken_by)) : std::string(kCanonicalNull));
  for (const auto& n : r.notices) {
    Put(out, "notice.participant_id", n.participant_id);
    Put(out, "notice.outcome", ToString(n.outcome));
    Put(out, "notice.generated_at", Text(n.generated_at));
  }
  Put(out, "decision_id", Text(r.decision_id));
  return out;
}

std::string Canonical(const Mandate& m) {
  std::string out;
  Put(out, "id", Text(m.id));
  Put(out, "meeting_id", Text(m.meeting_id));
  Put(out, "item_number", Text(static_cast<std::int64_t>(m.item_number)));
  Put(out, "subject", m.subject);
  Put(out, "given_by", ToString(m.given_by));
  Put(out, "given_on", Text(m.given_on));
  Put(out, "assignee", ToString(m.assignee));
  Put(out, "due_by", Text(m.due_by));
  Put(out, "due_before_next_meeting_of",
      m.due_before_next_meeting_of ? std::string(ToString(*m.due_before_next_meeting_of)) : std::string(kCanonicalNull));
  Put(out, "status", ToString(m.status));
  return out;
}

}  // namespace chancery::core
