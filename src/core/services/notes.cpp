#include "core/services/notes.hpp"

#include <algorithm>
#include <set>

#include "core/local_time.hpp"
#include "core/policy.hpp"
#include "core/services/audit_trail.hpp"
#include "core/services/canonical.hpp"
#include "core/services/note_composition.hpp"
#include "core/services/silence_procedures.hpp"

namespace chancery::core {
namespace {

ObjectRef NoteRef(const OutgoingNote& n) {
  return {ObjectKind::kNote, {}, false, std::nullopt, std::nullopt, n.status == NoteStatus::kDraft, n.addressees};
}

const ObjectRef kNotes{ObjectKind::kNote, {}};
const ObjectRef kIncoming{ObjectKind::kIncomingNote, {}};

Error NoteNotFound(std::int64_t id) { return Error::NotFound("note " + std::to_string(id) + " not found"); }
Error IncomingNotFound(std::int64_t id) {
  return Error::NotFound("incoming note " + std::to_string(id) + " not found");
}

std::string Canonical(const OutgoingNote& n) {
  std::string out;
  Put(out, "id", std::to_string(n.id));
  Put(out, "purpose", ToString(n.purpose));
  Put(out, "index", n.index);
  Put(out, "number", n.number ? Format(*n.number) + " " + std::to_string(n.number->year) : std::string(kCanonicalNull));
  Put(out, "date", n.date ? FormatDate(*n.date) : std::string(kCanonicalNull));
  Put(out, "imported", n.imported ? "true" : "false");
  Put(out, "scope", ToString(n.scope));
  for (const auto& a : n.addressees) Put(out, "addressee", a);
  Put(out, "subject", n.subject);
  for (const auto& l : n.languages) Put(out, "language", l);
  for (const auto& e : n.enclosures) {
    Put(out, "enclosure", e.description + " " + (e.document_id ? std::to_string(*e.document_id) : "-") + " " +
                              std::to_string(e.version.value_or(0)) + " " + std::to_string(e.pages));
    if (e.file_id) Put(out, "enclosure_file", std::to_string(*e.file_id));
    for (const auto& p : e.pages_by_lang) Put(out, "enclosure_pages", p.lang + " " + std::to_string(p.pages));
  }
  Put(out, "about", n.about ? std::string(ToString(n.about->kind)) + " " + std::to_string(n.about->id)
                            : std::string(kCanonicalNull));
  Put(out, "status", ToString(n.status));
  for (const auto& t : n.texts) {
    for (const auto& b : t.blocks) Put(out, "block", t.lang + " " + std::string(ToString(b.role)) + " " + b.text);
  }
  return out;
}

std::string Canonical(const IncomingNote& n) {
  std::string out;
  Put(out, "id", std::to_string(n.id));
  Put(out, "number", FormatIncomingNumber(n));
  Put(out, "received_at", FormatInstant(n.received_at));
  Put(out, "sender", n.sender);
  Put(out, "sender_number", n.sender_number);
  Put(out, "sender_date", n.sender_date ? FormatDate(*n.sender_date) : std::string(kCanonicalNull));
  Put(out, "subject", n.subject);
  Put(out, "deadline", n.deadline ? FormatDate(*n.deadline) : std::string(kCanonicalNull));
  Put(out, "assignee", n.assignee ? std::to_string(*n.assignee) : std::string(kCanonicalNull));
  Put(out, "acts_on", n.acts_on ? std::string(ToString(n.acts_on->kind)) + " " + std::to_string(n.acts_on->id)
                                : std::string(kCanonicalNull));
  Put(out, "objection", n.objection ? "true" : "false");
  Put(out, "effect", ToString(n.effect));
  Put(out, "reply", n.reply ? std::to_string(*n.reply) : std::string(kCanonicalNull));
  return out;
}

// kInvalidArgument unless what `link` names exists.
Result<void> CheckLink(Transaction& tx, const NoteLink& link, const std::string& field) {
  bool found = false;
  switch (link.kind) {
    case LinkKind::kMeeting: {
      auto m = tx.Meetings().Find(link.id);
      if (!m) return m.error();
      found = m->has_value();
      break;
    }
    case LinkKind::kSilenceProcedure: {
      auto s = tx.SilenceProcedures().Find(link.id);
      if (!s) return s.error();
      found = s->has_value();
      break;
    }
    case LinkKind::kCommentRound: {
      auto r = tx.CommentRounds().Find(link.id);
      if (!r) return r.error();
      found = r->has_value();
      break;
    }
    case LinkKind::kDocument: {
      auto d = tx.Documents().Find(link.id);
      if (!d) return d.error();
      found = d->has_value();
      break;
    }
  }
  if (!found) {
    return Error::InvalidArgument("there is no " + std::string(ToString(link.kind)) + " " + std::to_string(link.id),
                                  field);
  }
  return Ok();
}

Result<void> ValidateTexts(const std::vector<NoteText>& texts, const std::vector<std::string>& languages) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const std::string at = "texts[" + std::to_string(i) + "]";
    const auto& t = texts[i];
    if (std::find(languages.begin(), languages.end(), t.lang) == languages.end()) {
      return Error::InvalidArgument("the note is not issued in '" + t.lang + "'", at + ".lang");
    }
    if (!seen.insert(t.lang).second) return Error::InvalidArgument("a second text in " + t.lang, at + ".lang");
    if (t.blocks.empty()) return Error::InvalidArgument("a text needs at least one block", at + ".blocks");
    for (std::size_t j = 0; j < t.blocks.size(); ++j) {
      const auto& b = t.blocks[j];
      const std::string bat = at + ".blocks[" + std::to_string(j) + "]";
      if (b.text.empty()) return Error::InvalidArgument("a block needs text", bat + ".text");
    }
  }
  return Ok();
}

Result<void> Validate(Transaction& tx, const std::vector<Participant>& registry, const NewNote& in) {
  if (!IsFileIndex(in.index)) {
    return Error::InvalidArgument("the file index is 1-16 letters, digits, '-' or '.' (\"17-1\")", "index");
  }
  if (in.subject.empty()) return Error::InvalidArgument("a note needs a subject", "subject");
  switch (in.scope) {
    case AddresseeScope::kAllMemberStates:
      if (!in.addressees.empty()) {
        return Error::InvalidArgument("a note to all Member States lists no addressees", "addressees");
      }
      break;
    case AddresseeScope::kList:
      if (in.addressees.empty()) return Error::InvalidArgument("a list of addressees needs one", "addressees");
      break;
    case AddresseeScope::kOne:
      if (in.addressees.size() != 1) return Error::InvalidArgument("exactly one addressee", "addressees");
      break;
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < in.addressees.size(); ++i) {
    const std::string at = "addressees[" + std::to_string(i) + "]";
    if (!FindById(registry, in.addressees[i])) return Error::InvalidArgument("unknown participant " + in.addressees[i], at);
    if (!seen.insert(in.addressees[i]).second) return Error::InvalidArgument(in.addressees[i] + " twice", at);
  }
  if (in.languages.empty()) return Error::InvalidArgument("a note is issued in at least one language", "languages");
  std::set<std::string> langs;
  for (std::size_t i = 0; i < in.languages.size(); ++i) {
    const std::string at = "languages[" + std::to_string(i) + "]";
    if (!IsSupportedLanguage(in.languages[i])) return Error::InvalidArgument("must be en, ru or kk", at);
    if (!langs.insert(in.languages[i]).second) return Error::InvalidArgument(in.languages[i] + " twice", at);
  }
  for (std::size_t i = 0; i < in.enclosures.size(); ++i) {
    const std::string at = "enclosures[" + std::to_string(i) + "]";
    const auto& e = in.enclosures[i];
    if (e.pages < 0) return Error::InvalidArgument("pages cannot be negative", at + ".pages");
    if (e.document_id && e.file_id) {
      return Error::InvalidArgument("an enclosure is a document or an uploaded file, not both", at + ".file_id");
    }
    if (e.file_id) {
      auto f = tx.Files().Find(*e.file_id);
      if (!f) return f.error();
      if (!*f) return Error::InvalidArgument("there is no file " + std::to_string(*e.file_id), at + ".file_id");
      if (e.pages != 0 && e.pages != (*f)->pages) {
        return Error::InvalidArgument("file " + std::to_string(*e.file_id) + " has " + std::to_string((*f)->pages) +
                                          " pages: an uploaded file's count is its own, not a typed number",
                                      at + ".pages");
      }
    } else if (e.document_id) {
      auto d = tx.Documents().Find(*e.document_id);
      if (!d) return d.error();
      if (!*d) return Error::InvalidArgument("there is no document " + std::to_string(*e.document_id), at + ".document_id");
      if (e.version && (*e.version < 0 || *e.version > (*d)->versions.back().number)) {
        return Error::InvalidArgument("the document has no version " + std::to_string(*e.version), at + ".version");
      }
    } else if (e.description.empty()) {
      return Error::InvalidArgument("an enclosure is a document or a described attachment", at + ".description");
    }
  }
  if (in.about) {
    if (auto r = CheckLink(tx, *in.about, "about"); !r) return r;
  }
  return ValidateTexts(in.texts, in.languages);
}

// The note as `actor` may know it: kNotFound when the policy hides it.
Result<OutgoingNote> Visible(const Actor& actor, Result<std::optional<OutgoingNote>> found, std::int64_t id) {
  if (!found) return found.error();
  if (!*found) return NoteNotFound(id);
  if (auto denied = Check(actor, Action::kRead, NoteRef(**found), "note " + std::to_string(id))) {
    return Error::NotFound("note " + std::to_string(id) + " not found");
  }
  return std::move(**found);
}

int YearOf(Date day) { return static_cast<int>(day.year()); }

}  // namespace

Result<OutgoingNote> CreateNote(Deps& deps, const Actor& actor, NewNote in) {
  if (auto denied = Check(actor, Action::kCreate, kNotes, "notes")) return *denied;
  auto tx = deps.store.Begin(TxMode::kWrite);
  if (!tx) return tx.error();
  auto registry = deps.participants->Get(**tx);
  if (!registry) return registry.error();
  if (auto r = Validate(**tx, **registry, in); !r) return r.error();
  OutgoingNote n;
  n.purpose = in.purpose;
  n.index = std::move(in.index);
  n.scope = in.scope;
  n.addressees = std::move(in.addressees);
  n.subject = std::move(in.subject);
  n.languages = std::move(in.languages);
  n.enclosures = std::move(in.enclosures);
  for (auto& e : n.enclosures) {
    if (!e.file_id) continue;
    auto f = (*tx)->Files().Find(*e.file_id);  // found: Validate checked it
    if (!f) return f.error();
    if (*f) e.pages = (*f)->pages;
  }
  n.about = in.about;
  n.texts = std::move(in.texts);
  n.created_at = deps.clock.Now();
  n.created_by = actor.user_id;
  auto id = (*tx)->Notes().Insert(n);
  if (!id) return id.error();
  n.id = *id;
  if (auto r = Record(deps, **tx, actor, {"note.create", "note", std::to_string(n.id), std::nullopt, Canonical(n)}); !r) {
    return r.error();
  }
  if (auto r = (*tx)->Commit(); !r) return r.error();
  return n;
}

Result<OutgoingNote> GetNote(Deps& deps, const Actor& actor, std::int64_t id) {
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  return Visible(actor, (*tx)->Notes().Find(id), id);
}

Result<OutgoingNote> GetNoteByNumber(Deps& deps, const Actor& actor, int year, int serial) {
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  auto found = (*tx)->Notes().FindByNumber(year, serial);
  if (!found) return found.error();
  const std::string what = "note " + std::to_string(serial) + " of " + std::to_string(year);
  if (!*found || Check(actor, Action::kRead, NoteRef(**found), what)) return Error::NotFound(what + " not found");
  return std::move(**found);
}

Result<std::vector<OutgoingNote>> ListNotes(Deps& deps, const Actor& actor, const NoteFilter& filter) {
  if (auto denied = Check(actor, Action::kList, kNotes, "notes")) return *denied;
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  auto all = (*tx)->Notes().List(filter);
  if (!all) return all.error();
  std::erase_if(*all, [&](const OutgoingNote& n) { return Decide(actor, Action::kRead, NoteRef(n)) != Verdict::kAllow; });
  return all;
}

Result<OutgoingNote> RegisterNote(Deps& deps, const Actor& actor, std::int64_t id, std::optional<ImportedNumber> imported) {
  auto tx = deps.store.Begin(TxMode::kWrite);
  if (!tx) return tx.error();
  auto n = Visible(actor, (*tx)->Notes().Find(id), id);
  if (!n) return n.error();
  if (auto denied = Check(actor, Action::kUpdate, NoteRef(*n), "note")) return *denied;
  if (n->status != NoteStatus::kDraft) {
    return Error::FailedPrecondition("note " + Format(*n->number) + " is already registered");
  }
  const std::string before = Canonical(*n);
  const Date day = imported ? imported->date : Today(deps);
  if (imported) {
    if (!IsFileIndex(imported->number.index) || imported->number.serial < 1) {
      return Error::InvalidArgument("an imported number is an index and a serial: \"17-1/435\"", "number");
    }
    n->number = NoteNumber{imported->number.index, imported->number.serial, YearOf(day)};
    n->index = imported->number.index;
    n->imported = true;
  } else {
    auto serial = (*tx)->Notes().NextSerial(YearOf(day));
    if (!serial) return serial.error();
    n->number = NoteNumber{n->index, *serial, YearOf(day)};
  }
  n->date = day;
  n->registered_at = deps.clock.Now();
  n->status = NoteStatus::kRegistered;
  if (n->scope == AddresseeScope::kAllMemberStates) {
    auto registry = deps.participants->Get(**tx);
    if (!registry) return registry.error();
    n->addressees.clear();
    for (const auto& p : **registry) {
      if (IsMemberStateOn(p, day)) n->addressees.push_back(p.id);
    }
  }
  // What each document enclosure is (its version, its pages in each language) is frozen
  // first: the wording states those pages, and dispatch mails those renderings.
  if (auto r = FreezeEnclosures(deps, **tx, *n); !r) return r.error();
  // The wording is composed now, when number, date and place are known, and frozen.
  auto texts = ComposeNoteTexts(deps, **tx, *n);
  if (!texts) return texts.error();
  n->texts = std::move(*texts);
  if (auto r = (*tx)->Notes().Update(*n); !r) {
    if (r.error().code == ErrorCode::kAlreadyExists) {
      return Error::AlreadyExists("note " + Format(*n->number) + " of " + std::to_string(n->number->year) +
                                      " is already registered",
                                  "number");
    }
    return r.error();
  }
  if (auto r = Record(deps, **tx, actor, {"note.register", "note", std::to_string(id), before, Canonical(*n)}); !r) {
    return r.error();
  }
  if (auto r = (*tx)->Commit(); !r) return r.error();
  return n;
}

Result<std::vector<ExpandedNote>> NoteVersionsToRender(const Deps& deps, const OutgoingNote& n, std::string_view lang) {
  if (n.status == NoteStatus::kDraft || !n.number) {
    return Error::FailedPrecondition("note " + std::to_string(n.id) + " is a draft: it is rendered once registered");
  }
  const std::string number = Format(*n.number);
  std::vector<ExpandedNote> versions;
  for (const auto& t : n.texts) {
    if (lang != "all" && t.lang != lang) continue;
    std::string title;
    if (deps.note_templates) {
      auto found = deps.note_templates->Template(ToString(n.purpose), t.lang);
      if (!found) return found.error();
      if (*found) {
        // Only the number: a title is a label ("Note Verbale № 17-1/435"), not wording to compose.
        title = (*found)->title;
        const std::string placeholder = "{{number}}";
        if (auto at = title.find(placeholder); at != std::string::npos) title.replace(at, placeholder.size(), number);
        if (title.find("{{") != std::string::npos) title.clear();
      }
    }
    versions.push_back({std::string(ToString(n.purpose)), t.lang, std::move(title), t.blocks});
  }
  if (versions.empty()) return Error::NotFound("note " + number + " is not issued in " + std::string(lang));
  return versions;
}

Result<RenderedFile> RenderNote(Deps& deps, const Actor& actor, std::int64_t id, std::string_view lang,
                                RenderFormat format) {
  if (!deps.renderer) return Error::Unavailable("this server renders no notes");
  if (format == RenderFormat::kAkomaNtoso) return Error::InvalidArgument("a note renders as txt, pdf or docx", "format");
  if (lang != "all" && !IsSupportedLanguage(lang)) return Error::InvalidArgument("must be en, ru, kk or all", "lang");
  auto n = GetNote(deps, actor, id);
  if (!n) return n.error();
  auto versions = NoteVersionsToRender(deps, *n, lang);
  if (!versions) return versions.error();
  auto bytes = deps.renderer->RenderNote(*versions, format, *n->date);
  if (!bytes) return bytes.error();
  std::string name = "NV-" + n->number->index + "-" + std::to_string(n->number->serial) + "-" +
                     std::to_string(n->number->year) + "-" + std::string(lang) + "." + std::string(ToString(format));
  return RenderedFile{std::move(*bytes), std::string(MediaType(format)), std::move(name)};
}

Result<IncomingNote> RegisterIncomingNote(Deps& deps, const Actor& actor, NewIncomingNote in) {
  if (auto denied = Check(actor, Action::kCreate, kIncoming, "incoming notes")) return *denied;
  auto tx = deps.store.Begin(TxMode::kWrite);
  if (!tx) return tx.error();
  auto registry = deps.participants->Get(**tx);
  if (!registry) return registry.error();
  if (!FindById(**registry, in.sender)) return Error::InvalidArgument("unknown participant " + in.sender, "sender");
  if (in.subject.empty()) return Error::InvalidArgument("an incoming note needs a subject", "subject");
  if (in.assignee) {
    auto user = (*tx)->Users().Find(*in.assignee);
    if (!user) return user.error();
    if (!*user) return Error::InvalidArgument("there is no user " + std::to_string(*in.assignee), "assignee");
  }
  if (in.acts_on) {
    if (auto r = CheckLink(**tx, *in.acts_on, "acts_on"); !r) return r.error();
    if (in.acts_on->kind != LinkKind::kSilenceProcedure && in.acts_on->kind != LinkKind::kCommentRound) {
      return Error::InvalidArgument("an incoming note acts on a silence procedure or a comment round", "acts_on");
    }
  }
  if (in.objection && (!in.acts_on || in.acts_on->kind != LinkKind::kSilenceProcedure)) {
    return Error::InvalidArgument("an objection is to a silence procedure", "objection");
  }
  IncomingNote n;
  n.received_at = deps.clock.Now();
  n.year = YearOf(LocalDate(n.received_at, deps.zone));
  auto serial = (*tx)->Notes().NextIncomingSerial(n.year);
  if (!serial) return serial.error();
  n.serial = *serial;
  n.sender = std::move(in.sender);
  n.sender_number = std::move(in.sender_number);
  n.sender_date = in.sender_date;
  n.subject = std::move(in.subject);
  n.deadline = in.deadline;
  n.assignee = in.assignee;
  n.acts_on = in.acts_on;
  n.objection = in.objection;
  n.registered_by = actor.user_id;
  if (n.objection) {
    // The note is the objection: registered with the procedure in this transaction, so that
    // neither is kept without the other.
    std::string reference = n.sender_number;
    if (n.sender_date) reference += (reference.empty() ? "" : " of ") + FormatDate(*n.sender_date);
    auto response = RegisterResponseIn(deps, **tx, actor, n.acts_on->id,
                                       {n.sender, ResponseKind::kObjection, n.subject, reference});
    if (!response) return response.error();
    n.effect = response->effect == ResponseEffect::kBreaksSilence ? IncomingEffect::kObjectionBreaksSilence
                                                                    : IncomingEffect::kKeptWithoutEffect;
    n.effect_reason = response->reason;
  } else if (n.acts_on) {
    n.effect = IncomingEffect::kLinked;
  }
  auto id = (*tx)->Notes().InsertIncoming(n);
  if (!id) return id.error();
  n.id = *id;
  if (auto r = Record(deps, **tx, actor, {"note.incoming", "incoming_note", std::to_string(n.id), std::nullopt,
                                          Canonical(n)});
      !r) {
    return r.error();
  }
  if (auto r = (*tx)->Commit(); !r) return r.error();
  return n;
}

Result<IncomingNote> GetIncomingNote(Deps& deps, const Actor& actor, std::int64_t id) {
  if (auto denied = Check(actor, Action::kRead, kIncoming, "incoming note " + std::to_string(id))) {
    return IncomingNotFound(id);
  }
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  auto found = (*tx)->Notes().FindIncoming(id);
  if (!found) return found.error();
  if (!*found) return IncomingNotFound(id);
  return std::move(**found);
}

Result<std::vector<IncomingNote>> ListIncomingNotes(Deps& deps, const Actor& actor, std::optional<int> year) {
  if (auto denied = Check(actor, Action::kList, kIncoming, "incoming notes")) return *denied;
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  return (*tx)->Notes().ListIncoming(year);
}

Result<IncomingNote> SetIncomingReply(Deps& deps, const Actor& actor, std::int64_t id, std::int64_t reply) {
  if (auto denied = Check(actor, Action::kUpdate, kIncoming, "incoming note " + std::to_string(id))) {
    return IncomingNotFound(id);
  }
  auto tx = deps.store.Begin(TxMode::kWrite);
  if (!tx) return tx.error();
  auto found = (*tx)->Notes().FindIncoming(id);
  if (!found) return found.error();
  if (!*found) return IncomingNotFound(id);
  IncomingNote n = std::move(**found);
  auto answer = (*tx)->Notes().Find(reply);
  if (!answer) return answer.error();
  if (!*answer) return Error::InvalidArgument("there is no note " + std::to_string(reply), "reply");
  if ((*answer)->status == NoteStatus::kDraft) {
    return Error::FailedPrecondition("a reply is a registered note; note " + std::to_string(reply) + " is a draft",
                                     "reply");
  }
  const std::string before = Canonical(n);
  n.reply = reply;
  if (auto r = (*tx)->Notes().UpdateIncoming(n); !r) return r.error();
  if (auto r = Record(deps, **tx, actor, {"note.reply", "incoming_note", std::to_string(id), before, Canonical(n)}); !r) {
    return r.error();
  }
  if (auto r = (*tx)->Commit(); !r) return r.error();
  return n;
}

}  // namespace chancery::core
