#include "codec/governance_json.hpp"

#include <cstdint>
#include <limits>

#include "codec/json_fields.hpp"
#include "codec/json_reader.hpp"

namespace chancery::codec {
using namespace fields;  // NOLINT: the shared helpers of json_fields.hpp
using core::Error;


// --- writers -------------------------------------------------------------------------------

void WriteJson(JsonWriter& out, const core::Body& body) {
  out.BeginObject();
  out.Key("code").String(core::ToString(body.code));
  out.Key("level").String(core::ToString(body.level));
  out.Key("reports_to");
  body.reports_to ? out.String(core::ToString(*body.reports_to)) : out.Null();
  out.Key("takes_decisions").Bool(body.takes_decisions);
  out.Key("names").BeginObject();
  out.Key("en").String(body.name_en).Key("ru").String(body.name_ru).Key("kk").String(body.name_kk);
  out.EndObject();
  out.EndObject();
}

void WriteJson(JsonWriter& out, const core::ChairmanshipTerm& term) {
  out.BeginObject();
  out.Key("participant_id").String(term.participant_id);
  out.Key("from").String(core::FormatDate(term.from));
  out.Key("until");
  OptionalDate(out, term.until);
  out.Key("basis").String(term.basis);
  out.Key("recommended_by_silence_procedure");
  if (term.recommended_by_silence_procedure) {
    out.Int(*term.recommended_by_silence_procedure);
  } else {
    out.Null();
  }
  out.EndObject();
}

void WriteJson(JsonWriter& out, const core::Meeting& m) {
  out.BeginObject();
  out.Key("id").Int(m.id);
  out.Key("code").String(core::MeetingCode(m.body, m.session));
  out.Key("body").String(core::ToString(m.body));
  out.Key("session").String(core::Format(m.session));
  out.Key("starts_on").String(core::FormatDate(m.starts_on));
  out.Key("ends_on").String(core::FormatDate(m.ends_on));
  out.Key("format").String(core::ToString(m.format));
  out.Key("venue").String(m.venue);
  out.Key("chair_participant_id");
  StringOrNull(out, m.chair_participant_id);
  out.Key("chair_person").String(m.chair_person);
  out.Key("agenda_status").String(core::ToString(m.agenda_status));
  out.Key("agenda_symbol");
  StringOrNull(out, m.agenda_symbol);
  out.Key("agenda_adopted_at");
  OptionalInstant(out, m.agenda_adopted_at);
  out.Key("reply_by");
  if (m.reply_by) {
    out.String(core::FormatDate(*m.reply_by));
  } else {
    out.Null();
  }
  out.Key("items").BeginArray();
  for (const auto& item : m.agenda) {
    out.BeginObject();
    out.Key("number").Int(item.number);
    out.Key("title").String(item.title);
    out.Key("closed_to_observers").Bool(item.closed_to_observers);
    out.Key("invited_observers");
    Strings(out, item.invited_observers);
    out.Key("any_other_business").Bool(item.any_other_business);
    out.Key("present");
    Strings(out, item.present);
    out.EndObject();
  }
  out.EndArray();
  out.Key("amendments").BeginArray();
  for (const auto& a : m.amendments) {
    out.BeginObject();
    out.Key("item_number").Int(a.item_number);
    out.Key("proposed_by").String(a.proposed_by);
    out.Key("previous_title").String(a.previous_title);
    out.Key("title").String(a.title);
    out.EndObject();
  }
  out.EndArray();
  out.EndObject();
}

void WriteJson(JsonWriter& out, const core::Statement& s) {
  out.BeginObject();
  out.Key("seq").Int(s.seq);
  out.Key("item_number").Int(s.item_number);
  out.Key("role").String(core::ToString(s.role));
  out.Key("participant_id");
  StringOrNull(out, s.participant_id);
  out.Key("speaker").String(s.speaker);
  out.Key("language").String(s.language);
  out.Key("text").String(s.text);
  out.Key("recorded_at").String(core::FormatInstant(s.recorded_at));
  out.EndObject();
}

void WriteJson(JsonWriter& out, const core::Decision& d) {
  out.BeginObject();
  out.Key("id").Int(d.id);
  // Decisions recorded only in the minutes take no number, so they have no symbol (R24).
  out.Key("symbol");
  core::IsNumbered(d) ? out.String(core::Format(d.symbol)) : out.Null();
  out.Key("meeting_id").Int(d.meeting_id);
  out.Key("meeting_code").String(core::MeetingCode(d.symbol.body, {d.symbol.year, d.symbol.session}));
  out.Key("item_number").Int(d.item_number);
  out.Key("title").String(d.title);
  out.Key("text").String(d.text);
  out.Key("adoption").BeginObject();
  out.Key("mode").String(core::ToString(d.mode));
  out.Key("adopted_at").String(core::FormatInstant(d.adopted_at));
  out.Key("recorded_on").String(core::FormatDate(d.recorded_on));
  out.EndObject();
  out.Key("silence_procedure_id");
  OptionalInt(out, d.silence_procedure_id);
  out.Key("attachments").BeginArray();
  for (const auto& a : d.attachments) {
    out.BeginObject();
    out.Key("participant_id").String(a.participant_id);
    out.Key("kind").String(core::ToString(a.kind));
    out.Key("text").String(a.text);
    out.EndObject();
  }
  out.EndArray();
  out.Key("status_grants").BeginArray();
  for (const auto& g : d.status_grants) {
    out.BeginObject();
    out.Key("participant_id").String(g.participant_id);
    out.Key("status").String(core::ToString(g.status));
    out.Key("from");
    g.from.ok() ? out.String(core::FormatDate(g.from)) : out.Null();
    out.EndObject();
  }
  out.EndArray();
  out.Key("approved_documents");
  Strings(out, d.approved_documents);
  out.Key("recommended_to");
  d.recommended_to ? out.String(core::ToString(*d.recommended_to)) : out.Null();
  out.EndObject();
}

void WriteJson(JsonWriter& out, const core::SilenceView& view) {
  const auto& r = view.record;
  const auto& outcome = view.outcome;
  const bool concluded = r.state != core::SilenceState::kRunning;
  // Once concluded, the record's outcome; while running, the rules' evaluation as of now.
  const core::SilenceState state = concluded ? r.state : outcome.state;
  const std::optional<core::Instant> decided_at = concluded ? r.decided_at : outcome.decided_at;
  std::optional<std::int64_t> broken_by;
  if (concluded && r.broken_by) {
    broken_by = *r.broken_by;
  } else if (!concluded && outcome.broken_by && *outcome.broken_by < r.responses.size()) {
    broken_by = r.responses[*outcome.broken_by].seq;
  }

  out.BeginObject();
  out.Key("id").Int(r.id);
  out.Key("body").String(core::ToString(r.body));
  out.Key("title").String(r.procedure.title);
  out.Key("titles").BeginObject();
  for (const auto& [lang, title] : r.procedure.titles) out.Key(lang).String(title);
  out.EndObject();
  out.Key("text").String(r.text);
  out.Key("initiator").String(core::ToString(r.initiator));
  out.Key("meeting_id");
  OptionalInt(out, r.meeting_id);
  out.Key("opened_at").String(core::FormatInstant(r.procedure.opened_at));
  out.Key("expires_at").String(core::FormatInstant(r.procedure.expires_at));
  out.Key("expiry_wording").String(r.procedure.expiry_wording);
  out.Key("expires_on_weekend").Bool(view.expires_on_weekend);
  out.Key("expires_on_holiday").Bool(view.expires_on_holiday);
  out.Key("addressees");
  Strings(out, r.addressees);
  out.Key("amendments_break_silence").Bool(r.amendments_break_silence);
  out.Key("state").String(core::ToString(state));
  out.Key("decided_at");
  OptionalInstant(out, decided_at);
  out.Key("concluded_at");
  OptionalInstant(out, r.concluded_at);
  out.Key("broken_by");
  OptionalInt(out, broken_by);
  out.Key("decision_id");
  OptionalInt(out, r.decision_id);
  out.Key("responses").BeginArray();
  for (std::size_t i = 0; i < r.responses.size(); ++i) {
    const auto& response = r.responses[i];
    out.BeginObject();
    out.Key("seq").Int(response.seq);
    out.Key("participant_id").String(response.response.participant_id);
    out.Key("kind").String(core::ToString(response.response.kind));
    out.Key("text").String(response.text);
    out.Key("reference").String(response.reference);
    out.Key("received_at").String(core::FormatInstant(response.response.received_at));
    out.Key("effect");
    i < outcome.effects.size() ? out.String(core::ToString(outcome.effects[i])) : out.Null();
    out.EndObject();
  }
  out.EndArray();
  out.Key("notices").BeginArray();
  for (const auto& n : r.notices) {
    out.BeginObject();
    out.Key("participant_id").String(n.participant_id);
    out.Key("outcome").String(core::ToString(n.outcome));
    out.Key("generated_at").String(core::FormatInstant(n.generated_at));
    out.EndObject();
  }
  out.EndArray();
  out.EndObject();
}

void WriteJson(JsonWriter& out, const core::Mandate& m, core::Date today) {
  out.BeginObject();
  out.Key("id").Int(m.id);
  out.Key("meeting_id");
  OptionalInt(out, m.meeting_id);
  out.Key("item_number");
  m.meeting_id ? out.Int(m.item_number) : out.Null();
  out.Key("subject").String(m.subject);
  out.Key("given_by").String(core::ToString(m.given_by));
  out.Key("given_on").String(core::FormatDate(m.given_on));
  out.Key("assignee").String(core::ToString(m.assignee));
  out.Key("due_by");
  OptionalDate(out, m.due_by);
  out.Key("due_before_next_meeting_of");
  m.due_before_next_meeting_of ? out.String(core::ToString(*m.due_before_next_meeting_of)) : out.Null();
  out.Key("status").String(core::ToString(m.status));
  out.Key("overdue").Bool(core::IsOverdue(m, today));
  out.EndObject();
}

// --- readers -------------------------------------------------------------------------------

core::Result<core::AgendaItem> AgendaItemFromJson(const boost::json::object& o, std::size_t index, std::string path) {
  ObjectReader r(o, std::move(path));
  if (auto k = r.OnlyKnown({"number", "title", "closed_to_observers", "invited_observers", "any_other_business"}); !k) {
    return k.error();
  }
  core::AgendaItem item;
  auto number = OptionalInteger(o, r, "number", 1, kMaxItem);
  if (!number) return number.error();
  item.number = static_cast<int>(number->value_or(static_cast<std::int64_t>(index) + 1));
  auto title = r.String("title");
  if (!title) return title.error();
  item.title = std::move(*title);
  auto closed = BoolOr(o, r, "closed_to_observers", true);
  if (!closed) return closed.error();
  item.closed_to_observers = *closed;
  auto invited = StringList(o, r, "invited_observers", false);
  if (!invited) return invited.error();
  item.invited_observers = std::move(*invited);
  auto aob = BoolOr(o, r, "any_other_business", false);
  if (!aob) return aob.error();
  item.any_other_business = *aob;
  return item;
}

namespace {

core::Result<std::vector<core::AgendaItem>> AgendaItems(const boost::json::object& o, const ObjectReader& r,
                                                        bool required) {
  return ObjectList<core::AgendaItem>(o, r, "items", required, AgendaItemFromJson);
}

core::Result<core::PositionTaken> PositionFromJson(const boost::json::object& o, std::size_t, std::string path) {
  ObjectReader r(o, std::move(path));
  if (auto k = r.OnlyKnown({"participant_id", "kind", "text"}); !k) return k.error();
  core::PositionTaken position;
  auto participant = r.String("participant_id");
  if (!participant) return participant.error();
  position.participant_id = std::move(*participant);
  auto kind = Choice<core::FloorPositionKind>(
      r, "kind", [](std::string_view t) { return core::ParseFloorPositionKind(t); },
      "objection, interpretative_statement, reservation");
  if (!kind) return kind.error();
  position.kind = *kind;
  auto text = r.StringOr("text", "");
  if (!text) return text.error();
  position.text = std::move(*text);
  return position;
}

core::Result<core::StatusGrant> StatusGrantFromJson(const boost::json::object& o, std::size_t, std::string path) {
  ObjectReader r(o, std::move(path));
  if (auto k = r.OnlyKnown({"participant_id", "status", "from"}); !k) return k.error();
  core::StatusGrant grant;
  auto participant = r.String("participant_id");
  if (!participant) return participant.error();
  grant.participant_id = std::move(*participant);
  auto status = Choice<core::ParticipantStatus>(
      r, "status", [](std::string_view t) { return core::ParseParticipantStatus(t); },
      "member, observer_state, observer_organisation, partner, none");
  if (!status) return status.error();
  grant.status = *status;
  auto from = r.OptionalDate("from");
  if (!from) return from.error();
  grant.from = from->value_or(core::Date{});  // unset (not ok()): the meeting's first day
  return grant;
}

}  // namespace

core::Result<core::NewMeeting> NewMeetingFromJson(const boost::json::object& o) {
  ObjectReader r(o);
  if (auto k = r.OnlyKnown({"body", "session", "starts_on", "ends_on", "format", "venue", "chair_participant_id",
                            "chair_person", "agenda_symbol", "reply_by", "items"});
      !k) {
    return k.error();
  }
  core::NewMeeting m;
  auto body = Body(r, "body");
  if (!body) return body.error();
  m.body = *body;
  auto session = r.OptionalString("session");
  if (!session) return session.error();
  if (*session) {
    m.session = core::ParseSessionCode(**session);
    if (!m.session) return Error::InvalidArgument("must be a session code like 2021-I", r.Path("session"));
  }
  auto starts = r.Date("starts_on");
  if (!starts) return starts.error();
  m.starts_on = *starts;
  auto ends = r.OptionalDate("ends_on");
  if (!ends) return ends.error();
  m.ends_on = *ends;
  auto format = Choice<core::MeetingFormat>(
      r, "format", [](std::string_view t) { return core::ParseMeetingFormat(t); }, "in_person, online, hybrid",
      core::MeetingFormat::kInPerson);
  if (!format) return format.error();
  m.format = *format;
  auto venue = r.StringOr("venue", "");
  if (!venue) return venue.error();
  m.venue = std::move(*venue);
  auto chair = r.OptionalString("chair_participant_id");
  if (!chair) return chair.error();
  m.chair_participant_id = std::move(*chair);
  auto chair_person = r.StringOr("chair_person", "");
  if (!chair_person) return chair_person.error();
  m.chair_person = std::move(*chair_person);
  auto symbol = r.StringOr("agenda_symbol", "");
  if (!symbol) return symbol.error();
  m.agenda_symbol = std::move(*symbol);
  auto reply_by = r.OptionalDate("reply_by");
  if (!reply_by) return reply_by.error();
  m.reply_by = *reply_by;
  auto items = AgendaItems(o, r, false);
  if (!items) return items.error();
  m.agenda = std::move(*items);
  return m;
}

core::Result<DraftAgenda> DraftAgendaFromJson(const boost::json::object& o) {
  ObjectReader r(o);
  if (auto k = r.OnlyKnown({"items", "agenda_symbol"}); !k) return k.error();
  DraftAgenda agenda;
  auto items = AgendaItems(o, r, true);
  if (!items) return items.error();
  agenda.items = std::move(*items);
  auto symbol = r.OptionalString("agenda_symbol");
  if (!symbol) return symbol.error();
  agenda.agenda_symbol = std::move(*symbol);
  return agenda;
}

core::Result<core::AgendaAmendment> AmendmentFromJson(const boost::json::object& o) {
  ObjectReader r(o);
  if (auto k = r.OnlyKnown({"item_number", "proposed_by", "title"}); !k) return k.error();
  core::AgendaAmendment a;
  auto number = Integer(o, r, "item_number", 1, kMaxItem);
  if (!number) return number.error();
  a.item_number = static_cast<int>(*number);
  auto proposed_by = r.String("proposed_by");
  if (!proposed_by) return proposed_by.error();
  a.proposed_by = std::move(*proposed_by);
  auto title = r.String("title");
  if (!title) return title.error();
  a.title = std::move(*title);
  return a;
}

core::Result<std::vector<std::string>> ParticipantIdsFromJson(const boost::json::object& o, std::string_view key) {
  ObjectReader r(o);
  if (auto k = r.OnlyKnown({key}); !k) return k.error();
  return StringList(o, r, key, true);
}

core::Result<core::Statement> StatementFromJson(const boost::json::object& o) {
  ObjectReader r(o);
  if (auto k = r.OnlyKnown({"role", "participant_id", "speaker", "language", "text"}); !k) return k.error();
  core::Statement s;
  auto role = Choice<core::SpeakerRole>(
      r, "role", [](std::string_view t) { return core::ParseSpeakerRole(t); }, "participant, chair, secretariat, guest");
  if (!role) return role.error();
  s.role = *role;
  auto participant = r.StringOr("participant_id", "");
  if (!participant) return participant.error();
  s.participant_id = std::move(*participant);
  if (s.role == core::SpeakerRole::kParticipant && s.participant_id.empty()) {
    return Error::InvalidArgument("is required when role is participant", r.Path("participant_id"));
  }
  auto speaker = r.StringOr("speaker", "");
  if (!speaker) return speaker.error();
  s.speaker = std::move(*speaker);
  auto language = r.StringOr("language", "en");
  if (!language) return language.error();
  if (!core::IsSupportedLanguage(*language)) return Error::InvalidArgument("must be en, ru or kk", r.Path("language"));
  s.language = std::move(*language);
  auto text = r.String("text");
  if (!text) return text.error();
  s.text = std::move(*text);
  return s;
}

core::Result<core::NewDecision> NewDecisionFromJson(const boost::json::object& o) {
  ObjectReader r(o);
  if (auto k = r.OnlyKnown({"title", "text", "positions", "status_grants", "approved_documents", "silence_procedure_id",
                            "numbered", "recommended_to"});
      !k) {
    return k.error();
  }
  core::NewDecision d;
  auto title = r.String("title");
  if (!title) return title.error();
  d.title = std::move(*title);
  auto text = r.String("text");
  if (!text) return text.error();
  d.text = std::move(*text);
  auto positions = ObjectList<core::PositionTaken>(o, r, "positions", false, PositionFromJson);
  if (!positions) return positions.error();
  d.positions = std::move(*positions);
  auto grants = ObjectList<core::StatusGrant>(o, r, "status_grants", false, StatusGrantFromJson);
  if (!grants) return grants.error();
  d.status_grants = std::move(*grants);
  auto documents = StringList(o, r, "approved_documents", false);
  if (!documents) return documents.error();
  d.approved_documents = std::move(*documents);
  auto procedure = OptionalInteger(o, r, "silence_procedure_id", 1, kMaxId);
  if (!procedure) return procedure.error();
  d.silence_procedure_id = *procedure;
  auto numbered = BoolOr(o, r, "numbered", true);
  if (!numbered) return numbered.error();
  d.numbered = *numbered;
  if (Present(o, "recommended_to")) {
    auto to = Body(r, "recommended_to");
    if (!to) return to.error();
    d.recommended_to = *to;
  }
  return d;
}

core::Result<core::NewSilenceProcedure> NewSilenceProcedureFromJson(const boost::json::object& o) {
  ObjectReader r(o);
  if (auto k = r.OnlyKnown({"body", "title", "titles", "text", "expires_at", "expires_on", "expiry_wording",
                            "initiator", "meeting_id"});
      !k) {
    return k.error();
  }
  core::NewSilenceProcedure p;
  auto body = Body(r, "body", core::BodyCode::kSoc);
  if (!body) return body.error();
  p.body = *body;
  auto title = r.String("title");
  if (!title) return title.error();
  p.title = std::move(*title);
  // {"ru": "…", "kk": "…"}: the proposal's title in the other languages of its notes.
  if (const auto* titles = o.if_contains("titles")) {
    if (!titles->is_object()) return Error::InvalidArgument("must be an object of titles by language", r.Path("titles"));
    for (const auto& member : titles->as_object()) {
      const std::string field = r.Path("titles") + "." + std::string(member.key());
      if (!member.value().is_string()) return Error::InvalidArgument("must be a string", field);
      p.titles.emplace(std::string(member.key()), std::string(member.value().as_string()));
    }
  }
  auto text = r.String("text");
  if (!text) return text.error();
  p.text = std::move(*text);
  auto at = OptionalInstant(r, "expires_at");
  if (!at) return at.error();
  p.expires_at = *at;
  auto on = r.OptionalDate("expires_on");
  if (!on) return on.error();
  p.expires_on = *on;
  if (p.expires_at && p.expires_on) {
    return Error::InvalidArgument("give either expires_at or expires_on, not both", r.Path("expires_on"));
  }
  if (!p.expires_at && !p.expires_on) {
    return Error::InvalidArgument("is required (or expires_on, a date)", r.Path("expires_at"));
  }
  auto wording = r.StringOr("expiry_wording", "");
  if (!wording) return wording.error();
  p.expiry_wording = std::move(*wording);
  auto initiator = Choice<core::SilenceInitiator>(
      r, "initiator", [](std::string_view t) { return core::ParseSilenceInitiator(t); }, "chairmanship, meeting",
      core::SilenceInitiator::kChairmanship);
  if (!initiator) return initiator.error();
  p.initiator = *initiator;
  auto meeting = OptionalInteger(o, r, "meeting_id", 1, kMaxId);
  if (!meeting) return meeting.error();
  p.meeting_id = *meeting;
  return p;
}

core::Result<core::NewResponse> NewResponseFromJson(const boost::json::object& o) {
  ObjectReader r(o);
  if (auto k = r.OnlyKnown({"participant_id", "kind", "text", "reference"}); !k) return k.error();
  core::NewResponse response;
  auto participant = r.String("participant_id");
  if (!participant) return participant.error();
  response.participant_id = std::move(*participant);
  auto kind = Choice<core::ResponseKind>(
      r, "kind", [](std::string_view t) { return core::ParseResponseKind(t); }, "objection, amendment, comment");
  if (!kind) return kind.error();
  response.kind = *kind;
  auto text = r.StringOr("text", "");
  if (!text) return text.error();
  response.text = std::move(*text);
  auto reference = r.StringOr("reference", "");
  if (!reference) return reference.error();
  response.reference = std::move(*reference);
  return response;
}

core::Result<core::NewMandate> NewMandateFromJson(const boost::json::object& o) {
  ObjectReader r(o);
  if (auto k = r.OnlyKnown({"subject", "assignee", "due_by", "due_before_next_meeting_of"}); !k) return k.error();
  core::NewMandate m;
  auto subject = r.String("subject");
  if (!subject) return subject.error();
  m.subject = std::move(*subject);
  auto assignee = Body(r, "assignee");
  if (!assignee) return assignee.error();
  m.assignee = *assignee;
  auto due_by = r.OptionalDate("due_by");
  if (!due_by) return due_by.error();
  m.due_by = *due_by;
  if (Present(o, "due_before_next_meeting_of")) {
    auto next_of = Body(r, "due_before_next_meeting_of");
    if (!next_of) return next_of.error();
    m.due_before_next_meeting_of = *next_of;
  }
  if (m.due_by && m.due_before_next_meeting_of) {
    return Error::InvalidArgument("give either due_by or due_before_next_meeting_of, not both",
                                  r.Path("due_before_next_meeting_of"));
  }
  if (!m.due_by && !m.due_before_next_meeting_of) {
    return Error::InvalidArgument("is required (or due_before_next_meeting_of, a body)", r.Path("due_by"));
  }
  return m;
}

core::Result<core::MandateStatus> MandateStatusFromJson(const boost::json::object& o) {
  ObjectReader r(o);
  if (auto k = r.OnlyKnown({"status"}); !k) return k.error();
  return Choice<core::MandateStatus>(
      r, "status", [](std::string_view t) { return core::ParseMandateStatus(t); }, "open, fulfilled, withdrawn");
}

core::Result<core::ChairmanshipTerm> ChairmanshipTermFromJson(const boost::json::object& o) {
  ObjectReader r(o);
  if (auto k = r.OnlyKnown({"participant_id", "from", "until", "basis", "recommended_by_silence_procedure"}); !k) {
    return k.error();
  }
  core::ChairmanshipTerm term;
  auto participant = r.String("participant_id");
  if (!participant) return participant.error();
  term.participant_id = std::move(*participant);
  auto from = r.Date("from");
  if (!from) return from.error();
  term.from = *from;
  auto until = r.OptionalDate("until");
  if (!until) return until.error();
  term.until = *until;
  auto basis = r.String("basis");
  if (!basis) return basis.error();
  term.basis = std::move(*basis);
  if (const auto* id = o.if_contains("recommended_by_silence_procedure"); id && !id->is_null()) {
    if (!id->is_int64() || id->as_int64() < 1) {
      return core::Error::InvalidArgument("must be a silence procedure's id", r.Path("recommended_by_silence_procedure"));
    }
    term.recommended_by_silence_procedure = id->as_int64();
  }
  return term;
}

}  // namespace chancery::codec
