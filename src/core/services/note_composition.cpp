#include "core/services/note_composition.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>

#include "core/local_time.hpp"
#include "core/model/body.hpp"
#include "core/services/documents.hpp"
#include "core/services/edited_note_templates.hpp"
#include "core/services/governance_settings.hpp"

namespace chancery::core {
namespace {

// What the note is about, read once: the meeting, the minutes, the silence procedure.
struct Record {
  std::optional<Meeting> meeting;
  std::optional<Document> minutes;
  std::optional<SilenceRecord> silence;
};

Result<Record> ReadRecord(Transaction& tx, const OutgoingNote& note) {
  Record r;
  if (!note.about) return r;
  const auto id = note.about->id;
  switch (note.about->kind) {
    case LinkKind::kMeeting: {
      auto m = tx.Meetings().Find(id);
      if (!m) return m.error();
      r.meeting = std::move(*m);
      break;
    }
    case LinkKind::kDocument: {
      auto d = tx.Documents().Find(id);
      if (!d) return d.error();
      r.minutes = std::move(*d);
      break;
    }
    case LinkKind::kSilenceProcedure: {
      auto s = tx.SilenceProcedures().Find(id);
      if (!s) return s.error();
      r.silence = std::move(*s);
      break;
    }
    case LinkKind::kCommentRound: {
      auto c = tx.CommentRounds().Find(id);
      if (!c) return c.error();
      if (*c) {
        auto d = tx.Documents().Find((*c)->document_id);
        if (!d) return d.error();
        r.minutes = std::move(*d);
      }
      break;
    }
  }
  // The minutes' meeting, and a meeting's minutes ("SOC/2021-I/Minutes"), for the purposes about minutes.
  if (r.minutes && r.minutes->meeting_id && !r.meeting) {
    auto m = tx.Meetings().Find(*r.minutes->meeting_id);
    if (!m) return m.error();
    r.meeting = std::move(*m);
  }
  if (r.meeting && !r.minutes &&
      (note.purpose == NotePurpose::kForwardFinalMinutes || note.purpose == NotePurpose::kCirculateDraftMinutes)) {
    auto d = tx.Documents().FindBySymbol(MeetingCode(r.meeting->body, r.meeting->session) + "/Minutes");
    if (!d) return d.error();
    r.minutes = std::move(*d);
  }
  return r;
}

// A deadline is an instant, often 24:00 local, which is the next day's 00:00: the day it
// closes is the local date of the instant just before.
Date LastDay(Instant deadline, const TimeZone& zone) { return LocalDate(deadline - std::chrono::seconds{1}, zone); }

Result<int> SumEnclosurePages(const Deps& deps, Transaction& tx, const OutgoingNote& note, std::string_view lang) {
  int pages = 0;
  for (std::size_t i = 0; i < note.enclosures.size(); ++i) {
    const auto& e = note.enclosures[i];
    if (!e.document_id) {
      pages += e.pages;  // typed, or an uploaded file's own count
      continue;
    }
    if (auto frozen = PagesIn(e, lang)) {
      pages += *frozen;
      continue;
    }
    auto rendering = ResolveEnclosure(deps, tx, e, lang, "enclosures[" + std::to_string(i) + "]");
    if (!rendering) return rendering.error();
    auto count = deps.renderer->PdfPages(rendering->content, rendering->heading);
    if (!count) return count.error();
    pages += *count;
  }
  return pages;
}

// Values every purpose takes and those the record gives for this one.
Result<NoteValues> Gather(const Deps& deps, Transaction& tx, const OutgoingNote& note, const Record& record,
                          std::string_view lang) {
  NoteValues v;
  if (!note.number || !note.date) return Error::FailedPrecondition("a note is composed once it is numbered and dated");
  v.Set("number", Format(*note.number));
  v.SetDate("date", *note.date);
  auto settings = LoadGovernanceSettings(tx);
  if (!settings) return settings.error();
  v.Set("place", PlaceOn(settings->note_places, *note.date, lang));
  if (deps.note_templates) {
    const std::string who = note.scope == AddresseeScope::kAllMemberStates ? "member_states"
                            : note.addressees.size() == 1           ? note.addressees.front()
                                                                    : std::string();
    if (!who.empty()) {
      auto words = deps.note_templates->Addressee(who, lang);
      if (!words) return words.error();
      if (*words) v.Set("addressee", **words);
    }
  }
  if (record.meeting) {
    const Meeting& m = *record.meeting;
    v.Set("body", NoteBodyForms(BodyOf(m.body), lang));
    v.SetDate("meeting_date", m.starts_on);
    if (!m.venue.empty()) v.Set("venue", m.venue);
    if (!m.agenda_symbol.empty()) v.Set("agenda_symbol", m.agenda_symbol);
    if (m.reply_by) v.SetDate("reply_date", *m.reply_by);
    auto decisions = tx.Decisions().List({std::nullopt, m.id});
    if (!decisions) return decisions.error();
    std::string symbols;
    for (const auto& d : *decisions) {
      if (d.symbol.number == 0) continue;  // recorded only in the minutes: no symbol to cite
      symbols += (symbols.empty() ? "" : ", ") + Format(d.symbol);
    }
    if (!symbols.empty()) v.Set("decision_symbols", symbols);
  } else if (record.minutes) {
    v.Set("body", NoteBodyForms(BodyOf(record.minutes->body), lang));
  }
  if (record.minutes && !record.minutes->versions.empty()) {
    auto rounds = tx.CommentRounds().ListForDocument(record.minutes->id);
    if (!rounds) return rounds.error();
    // The draft was circulated when its comment round opened; without a round, on version 1's date.
    if (!rounds->empty()) {
      v.SetDate("draft_date", LocalDate(rounds->front().opened_at, deps.zone));
      v.SetDate("deadline", LastDay(rounds->back().deadline, deps.zone));
    } else {
      v.SetDate("draft_date", LocalDate(record.minutes->versions.front().created_at, deps.zone));
    }
  }
  if (record.silence) {
    const SilenceRecord& sp = *record.silence;
    if (auto proposal = ProposalTitle(sp.procedure, lang)) v.Set("proposal", *proposal);
    const Instant expiry = sp.procedure.expires_at;
    v.SetDate("expiry_date", LastDay(expiry, deps.zone));
    // "18:00 (UTC+6)": the wall-clock time of the exact expiry (R6) and the zone's offset then.
    const auto offset = std::chrono::duration_cast<std::chrono::minutes>(deps.zone.OffsetAt(expiry));
    const auto local = std::chrono::floor<std::chrono::minutes>(expiry.time_since_epoch() + offset);
    // Midnight is written 24:00 of expiry_date (LastDay), the end of that day, as the rules say.
    auto minute_of_day = (local.count() % (24 * 60) + 24 * 60) % (24 * 60);
    if (minute_of_day == 0) minute_of_day = 24 * 60;
    auto two = [](long long n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
    std::string utc = "UTC" + std::string(offset.count() < 0 ? "-" : "+") + std::to_string(std::abs(offset.count()) / 60);
    if (offset.count() % 60 != 0) utc += ":" + two(std::abs(offset.count()) % 60);
    v.Set("expiry_time", two(minute_of_day / 60) + ":" + two(minute_of_day % 60) + " (" + utc + ")");
    // The note that launched the procedure, when chancery registered one.
    auto launched = tx.Notes().List({std::nullopt, NoteStatus::kRegistered, NoteLink{LinkKind::kSilenceProcedure, sp.id}});
    if (!launched) return launched.error();
    for (const auto& l : *launched) {
      if (l.purpose != NotePurpose::kLaunchSilenceProcedure || !l.number || !l.date) continue;
      v.Set("reference_number", Format(*l.number));
      v.SetDate("reference_date", *l.date);
      break;
    }
    if (sp.broken_by) {
      for (const auto& r : sp.responses) {
        if (r.seq != *sp.broken_by) continue;
        const Date day = LocalDate(r.response.received_at, deps.zone);
        v.SetDate("broken_date", day);
        auto registry = deps.participants->Get(tx);
        if (!registry) return registry.error();
        // The objector's name in the note's language only: an English name in a Russian note
        // would be a silent mistake, a missing one is an error naming {{objector}}.
        if (const Participant* p = FindById(**registry, r.response.participant_id)) {
          if (const NameVersion* name = NameOn(*p, lang, day); name && name->lang == lang) {
            v.Set("objector", name->short_name);
          }
        }
      }
    }
  }
  return v;
}

}  // namespace

Result<EnclosureRendering> ResolveEnclosure(const Deps& deps, Transaction& tx, const Enclosure& e, std::string_view lang,
                                            const std::string& at) {
  if (!e.document_id) return Error::Internal(at + " is not a document");
  if (!deps.renderer) return Error::Unavailable("no renderer to render the document of " + at);
  auto d = tx.Documents().Find(*e.document_id);
  if (!d) return d.error();
  if (!*d || (*d)->versions.empty()) return Error::FailedPrecondition("the document of " + at + " has no version", at);
  const int number = e.version.value_or(0) > 0 ? *e.version : (*d)->versions.back().number;
  const auto v = std::find_if((*d)->versions.begin(), (*d)->versions.end(),
                              [&](const DocumentVersion& x) { return x.number == number; });
  if (v == (*d)->versions.end()) return Error::FailedPrecondition("no version " + std::to_string(number), at);
  // The version in the note's language; one not yet translated is enclosed in its original.
  const LanguageVersion* text = FindLanguage(*v, lang);
  if (!text) text = FindLanguage(*v, (*d)->original_language);
  if (!text) return Error::FailedPrecondition("the enclosed version has no text in " + std::string(lang), at);
  std::string name = (*d)->symbol + "-v" + std::to_string(number) + "-" + text->content.lang;
  std::replace(name.begin(), name.end(), '/', '-');
  return EnclosureRendering{text->content, VersionHeading(deps, **d, *v, text->content.lang), number, std::move(name)};
}

Result<void> FreezeEnclosures(const Deps& deps, Transaction& tx, OutgoingNote& note) {
  for (std::size_t i = 0; i < note.enclosures.size(); ++i) {
    auto& e = note.enclosures[i];
    const std::string at = "enclosures[" + std::to_string(i) + "]";
    if (e.file_id) {
      auto f = tx.Files().Find(*e.file_id);
      if (!f) return f.error();
      if (!*f) return Error::FailedPrecondition("the file of " + at + " is missing", at);
      e.pages = (*f)->pages;
      continue;
    }
    // Without a renderer (core tests of other things) nothing can be counted, nor mailed later.
    if (!e.document_id || !deps.renderer) continue;
    e.pages_by_lang.clear();
    for (const auto& lang : note.languages) {
      auto rendering = ResolveEnclosure(deps, tx, e, lang, at);
      if (!rendering) return rendering.error();
      auto count = deps.renderer->PdfPages(rendering->content, rendering->heading);
      if (!count) return count.error();
      e.version = rendering->version;
      e.pages_by_lang.push_back({lang, *count});
    }
    if (!e.pages_by_lang.empty()) e.pages = e.pages_by_lang.front().pages;
  }
  return Ok();
}

Result<NoteLookup> NoteValuesLookup(const Deps& deps, Transaction& tx, const OutgoingNote& note, std::string_view lang) {
  auto record = ReadRecord(tx, note);
  if (!record) return record.error();
  auto values = Gather(deps, tx, note, *record, lang);
  if (!values) return values.error();
  // Values the record could give but does not, with what to do about it: clearer than "no such
  // value" for the two that are typed by hand.
  std::map<std::string, std::string, std::less<>> hints;
  if (record->silence && !ProposalTitle(record->silence->procedure, lang)) {
    hints["proposal"] = "the silence procedure has no title in " + std::string(lang) + " (its titles." +
                        std::string(lang) + ")";
  }
  if (record->meeting && !record->meeting->reply_by) {
    hints["reply_date"] = "the meeting has no reply date (its reply_by)";
  }
  // The lookup owns the values; {{pages}} renders the enclosures, so only when a text asks.
  auto owned = std::make_shared<NoteValues>(std::move(*values));
  auto base = owned->Lookup(deps.formatter, std::string(lang));
  auto pages = std::make_shared<std::optional<Result<int>>>();
  const Deps* d = &deps;
  Transaction* t = &tx;
  const OutgoingNote* n = &note;
  std::string language(lang);
  return NoteLookup([owned, base, pages, d, t, n, language, hints](std::string_view name,
                                                                   std::string_view form) -> Result<std::string> {
    if (auto hint = hints.find(name); hint != hints.end()) return Error::InvalidArgument(hint->second);
    if (name == "pages" && form.empty()) {
      if (!*pages) *pages = SumEnclosurePages(*d, *t, *n, language);
      if (!**pages) return (**pages).error();
      return std::to_string(***pages);
    }
    return base(name, form);
  });
}

Result<std::vector<NoteText>> ComposeNoteTexts(const Deps& deps, Transaction& tx, const OutgoingNote& note) {
  std::vector<NoteText> out;
  for (const auto& lang : note.languages) {
    auto lookup = NoteValuesLookup(deps, tx, note, lang);
    if (!lookup) return lookup.error();
    auto in_lang = [&](Error e) {
      e.message = lang + " text: " + e.message;
      return e;
    };
    const auto given = std::find_if(note.texts.begin(), note.texts.end(), [&](const NoteText& x) { return x.lang == lang; });
    if (given != note.texts.end()) {
      auto blocks = ExpandNoteBlocks(given->blocks, *lookup);
      if (!blocks) return in_lang(blocks.error());
      out.push_back({lang, std::move(*blocks)});
      continue;
    }
    if (note.purpose == NotePurpose::kOther) {
      return Error::FailedPrecondition("the note has no text in " + lang + " to register, and purpose other has no template",
                                       "texts");
    }
    if (!deps.note_templates) return Error::Unavailable("no note templates are configured");
    // The Secretariat's edited template of the purpose, if stored, else the default.
    const EditedNoteTemplates templates(tx.Templates(), *deps.note_templates);
    auto found = templates.Template(ToString(note.purpose), lang);
    if (!found) return found.error();
    if (!*found) {
      return Error::FailedPrecondition("the note has no text in " + lang + " and there is no " +
                                           std::string(ToString(note.purpose)) + " template in " + lang,
                                       "texts");
    }
    auto expanded = ExpandNote(**found, *lookup);
    if (!expanded) return in_lang(expanded.error());
    out.push_back({lang, std::move(expanded->blocks)});
  }
  return out;
}

}  // namespace chancery::core
