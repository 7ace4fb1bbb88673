#include "core/services/documents.hpp"

#include <algorithm>
#include <set>

#include "core/local_time.hpp"
#include "core/model/minutes.hpp"
#include "core/policy.hpp"
#include "core/services/audit_trail.hpp"
#include "core/services/canonical.hpp"
#include "core/services/search.hpp"
#include "core/services/visibility.hpp"

namespace chancery::core {
namespace {

ObjectRef DocumentRef(AccessCategory access) {
  return ObjectRef{ObjectKind::kDocument, {}, false, std::nullopt, access};
}

Error NotFound(std::string what) { return Error::NotFound("document " + what + " not found"); }

// What the audit log fingerprints: the registry entry and the latest version's text.
std::string Canonical(const Document& d) {
  std::string out;
  Put(out, "id", std::to_string(d.id));
  Put(out, "symbol", d.symbol);
  for (const auto& s : d.former_symbols) Put(out, "former_symbol", s);
  Put(out, "kind", ToString(d.kind));
  Put(out, "body", ToString(d.body));
  Put(out, "access", ToString(d.access));
  Put(out, "original_language", d.original_language);
  Put(out, "meeting_id", d.meeting_id ? std::to_string(*d.meeting_id) : std::string(kCanonicalNull));
  for (const auto& s : d.stages) {
    Put(out, "stage", std::string(ToString(s.body)) + " " + std::string(ToString(s.kind)) + " " + FormatDate(s.on));
  }
  for (const auto& v : d.versions) {
    Put(out, "version", std::to_string(v.number) + " " + std::string(ToString(v.status)) + " " + v.reason);
    for (const auto& l : v.languages) {
      Put(out, "language", l.content.lang + " " + std::string(ToString(l.status)) + " " + l.content.title);
      for (const auto& p : l.content.paragraphs) {
        Put(out, "paragraph", p.id + " " + std::string(ToString(p.style)) + " " + std::to_string(p.item_number) +
                                  (p.closed_to_observers ? " closed " : " open ") + p.text);
      }
    }
  }
  return out;
}

DocumentContent VisibleContent(const Actor& actor, DocumentContent content) {
  std::erase_if(content.paragraphs, [&](const Paragraph& p) {
    return p.closed_to_observers && Decide(actor, Action::kRead, {ObjectKind::kAgendaItem, {}, true}) != Verdict::kAllow;
  });
  return content;
}

// The document if the actor may know of it, else kNotFound (as if it did not exist).
Result<Document> Readable(const Actor& actor, Result<std::optional<Document>> found, const std::string& what) {
  if (!found) return found.error();
  if (!*found || Decide(actor, Action::kRead, DocumentRef((*found)->access)) != Verdict::kAllow) {
    return NotFound(what);
  }
  return VisibleDocument(actor, std::move(**found));
}

Result<void> CheckSymbol(const std::string& symbol, std::string_view field) {
  if (!IsDocumentSymbol(symbol)) {
    return Error::InvalidArgument("a symbol is 1 to 64 of A-Z a-z 0-9 / . -, like MM/2021/DRAFT/1", std::string(field));
  }
  return Ok();
}

DocumentVersion Stamp(const Deps& deps, const Actor& actor, int number, std::string reason,
                      std::vector<LanguageVersion> languages, VersionStatus status = VersionStatus::kDraft) {
  return DocumentVersion{number, deps.clock.Now(), actor.user_id, actor.username, std::move(reason),
                         std::move(languages), status};
}

// The record holds Russian where a statement was recorded in it; the meeting itself keeps no
// working language.
bool HasRussian(const Meeting& meeting) {
  return std::any_of(meeting.statements.begin(), meeting.statements.end(),
                     [](const Statement& s) { return s.language == "ru"; });
}

}  // namespace

Document VisibleDocument(const Actor& actor, Document d) {
  for (auto& v : d.versions) {
    for (auto& l : v.languages) l.content = VisibleContent(actor, std::move(l.content));
  }
  return d;
}

Result<void> ValidateLanguages(const std::vector<LanguageVersion>& languages, std::string_view original_language) {
  if (languages.empty()) return Error::InvalidArgument("a version has at least one language", "languages");
  std::set<std::string> seen;
  int originals = 0;
  for (std::size_t i = 0; i < languages.size(); ++i) {
    const std::string at = "languages[" + std::to_string(i) + "]";
    const auto& l = languages[i];
    if (auto r = ValidateContent(l.content); !r) return Error::InvalidArgument(r.error().message, at + "." + r.error().field);
    if (!seen.insert(l.content.lang).second) {
      return Error::InvalidArgument("each language once: " + l.content.lang, at + ".lang");
    }
    if (l.status == TranslationStatus::kOriginal) {
      ++originals;
      if (l.content.lang != original_language) {
        return Error::InvalidArgument("the original is in " + std::string(original_language), at + ".status");
      }
    }
  }
  if (originals != 1) return Error::InvalidArgument("exactly one language version is the original", "languages");
  return Ok();
}

Result<Document> CreateDocument(Deps& deps, const Actor& actor, NewDocument in) {
  if (auto denied = Check(actor, Action::kCreate, {ObjectKind::kDocument, {}}, "documents")) return *denied;
  if (Decide(actor, Action::kRead, DocumentRef(in.access)) != Verdict::kAllow) {
    return Error::PermissionDenied("not allowed to create a document you could not read");
  }
  if (auto r = CheckSymbol(in.symbol, "symbol"); !r) return r.error();
  std::string original;
  for (const auto& l : in.languages) {
    if (l.status == TranslationStatus::kOriginal) original = l.content.lang;
  }
  if (auto r = ValidateLanguages(in.languages, original); !r) return r.error();
  auto tx = deps.store.Begin(TxMode::kWrite);
  if (!tx) return tx.error();
  if (in.meeting_id) {
    auto meeting = (*tx)->Meetings().Find(*in.meeting_id);
    if (!meeting) return meeting.error();
    if (!*meeting) return Error::InvalidArgument("unknown meeting", "meeting_id");
  }
  Document d;
  d.symbol = std::move(in.symbol);
  d.kind = in.kind;
  d.body = in.body;
  d.access = in.access;
  d.original_language = original;
  d.meeting_id = in.meeting_id;
  d.versions.push_back(Stamp(deps, actor, 1, std::move(in.reason), std::move(in.languages)));
  auto id = (*tx)->Documents().Insert(d);
  if (!id) {
    if (id.error().code == ErrorCode::kAlreadyExists) {
      return Error::AlreadyExists("a document already has the symbol " + d.symbol, "symbol");
    }
    return id.error();
  }
  d.id = *id;
  if (auto r = IndexVersion(**tx, d, d.versions.front(), deps.zone); !r) return r.error();
  if (auto r = Record(deps, **tx, actor, {"document.create", "document", std::to_string(d.id), std::nullopt, Canonical(d)});
      !r) {
    return r.error();
  }
  if (auto r = (*tx)->Commit(); !r) return r.error();
  return VisibleDocument(actor, std::move(d));
}

Result<std::vector<Document>> ListDocuments(Deps& deps, const Actor& actor, const DocumentFilter& filter) {
  if (auto denied = Check(actor, Action::kList, {ObjectKind::kDocument, {}}, "documents")) return *denied;
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  auto all = (*tx)->Documents().List(filter);
  if (!all) return all.error();
  std::vector<Document> out;
  for (auto& d : *all) {
    if (Decide(actor, Action::kRead, DocumentRef(d.access)) == Verdict::kAllow) {
      out.push_back(VisibleDocument(actor, std::move(d)));
    }
  }
  return out;
}

Result<Document> GetDocument(Deps& deps, const Actor& actor, std::int64_t id) {
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  return Readable(actor, (*tx)->Documents().Find(id), std::to_string(id));
}

Result<Document> GetDocumentBySymbol(Deps& deps, const Actor& actor, std::string_view symbol) {
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  return Readable(actor, (*tx)->Documents().FindBySymbol(symbol), std::string(symbol));
}

Result<DocumentVersion> AddDocumentVersion(Deps& deps, const Actor& actor, std::int64_t id, NewVersion in) {
  auto tx = deps.store.Begin(TxMode::kWrite);
  if (!tx) return tx.error();
  auto d = Readable(actor, (*tx)->Documents().Find(id), std::to_string(id));
  if (!d) return d.error();
  if (auto denied = Check(actor, Action::kUpdate, DocumentRef(d->access), "document")) return *denied;
  if (in.reason.empty()) return Error::InvalidArgument("a new version says why it was made", "reason");
  if (auto r = ValidateLanguages(in.languages, d->original_language); !r) return r.error();
  if (auto r = CheckNextVersionStatus(*d, in.status); !r) return r.error();
  const std::string before = Canonical(*d);
  DocumentVersion v =
      Stamp(deps, actor, d->versions.back().number + 1, std::move(in.reason), std::move(in.languages), in.status);
  if (auto r = (*tx)->Documents().AddVersion(id, v); !r) return r.error();
  if (auto r = IndexVersion(**tx, *d, v, deps.zone); !r) return r.error();
  d->versions.push_back(v);
  if (auto r = Record(deps, **tx, actor, {"document.version", "document", std::to_string(id), before, Canonical(*d)});
      !r) {
    return r.error();
  }
  if (auto r = (*tx)->Commit(); !r) return r.error();
  for (auto& l : v.languages) l.content = VisibleContent(actor, std::move(l.content));
  return v;
}

Result<DocumentVersion> GetDocumentVersion(Deps& deps, const Actor& actor, std::int64_t id, int number,
                                           std::optional<std::string> lang) {
  auto d = GetDocument(deps, actor, id);
  if (!d) return d.error();
  for (auto& v : d->versions) {
    if (v.number != number) continue;
    if (lang) {
      if (!IsSupportedLanguage(*lang)) return Error::InvalidArgument("lang must be en, ru or kk", "lang");
      std::erase_if(v.languages, [&](const LanguageVersion& l) { return l.content.lang != *lang; });
      if (v.languages.empty()) return Error::NotFound("version " + std::to_string(number) + " has no " + *lang + " text");
    }
    return std::move(v);
  }
  return Error::NotFound("document " + std::to_string(id) + " has no version " + std::to_string(number));
}

Result<std::vector<ParagraphDiff>> DiffDocumentVersions(Deps& deps, const Actor& actor, std::int64_t id, int from,
                                                        int to, std::string_view lang) {
  auto a = GetDocumentVersion(deps, actor, id, from, std::string(lang));
  if (!a) return a.error();
  auto b = GetDocumentVersion(deps, actor, id, to, std::string(lang));
  if (!b) return b.error();
  return DiffContent(a->languages[0].content, b->languages[0].content);
}

Result<Document> AddDocumentStage(Deps& deps, const Actor& actor, std::int64_t id, DocumentStage stage,
                                  std::optional<std::string> new_symbol) {
  auto tx = deps.store.Begin(TxMode::kWrite);
  if (!tx) return tx.error();
  auto found = (*tx)->Documents().Find(id);
  if (!found) return found.error();
  auto d = Readable(actor, found, std::to_string(id));
  if (!d) return d.error();
  if (auto denied = Check(actor, Action::kUpdate, DocumentRef(d->access), "document")) return *denied;
  Document stored = std::move(**found);  // unfiltered: what is written back
  if (!stage.on.ok()) return Error::InvalidArgument("a stage has its date", "on");
  if (stage.meeting_id) {
    auto meeting = (*tx)->Meetings().Find(*stage.meeting_id);
    if (!meeting) return meeting.error();
    if (!*meeting) return Error::InvalidArgument("unknown meeting", "meeting_id");
    if ((*meeting)->body != stage.body) {
      return Error::InvalidArgument("the meeting is of the " + std::string(ToString((*meeting)->body)), "meeting_id");
    }
  }
  if (stage.decision_id) {
    auto decision = (*tx)->Decisions().Find(*stage.decision_id);
    if (!decision) return decision.error();
    if (!*decision) return Error::InvalidArgument("unknown decision", "decision_id");
    if (stage.meeting_id && (*decision)->meeting_id != *stage.meeting_id) {
      return Error::InvalidArgument("the decision was recorded at another meeting", "decision_id");
    }
  }
  if (stage.kind == StageKind::kRecommended && !stage.recommended_to) {
    return Error::InvalidArgument("a recommendation names the body it goes to", "recommended_to");
  }
  const std::string before = Canonical(stored);
  if (new_symbol && *new_symbol != stored.symbol) {
    if (auto r = CheckSymbol(*new_symbol, "symbol"); !r) return r.error();
    stored.former_symbols.push_back(stored.symbol);
    stored.symbol = std::move(*new_symbol);
  }
  stored.stages.push_back(stage);
  if (auto r = (*tx)->Documents().Update(stored); !r) {
    if (r.error().code == ErrorCode::kAlreadyExists) {
      return Error::AlreadyExists("a document already has the symbol " + stored.symbol, "symbol");
    }
    return r.error();
  }
  if (auto r = Record(deps, **tx, actor, {"document.stage", "document", std::to_string(id), before, Canonical(stored)});
      !r) {
    return r.error();
  }
  if (auto r = (*tx)->Commit(); !r) return r.error();
  return VisibleDocument(actor, std::move(stored));
}

RenderHeading VersionHeading(const Deps& deps, const Document& d, const DocumentVersion& v, std::string_view lang) {
  const Date day = LocalDate(v.created_at, deps.zone);
  // A corrigendum is issued under the document's symbol with its own: "SOC/2021-I/Minutes/Corr.1".
  const std::string label = VersionLabel(d, v.number);
  const std::string symbol = label.empty() ? d.symbol : d.symbol + "/" + label;
  return RenderHeading{symbol, d.kind, "Secretariat", day, deps.formatter.LongDate(day, lang)};
}

Result<RenderedFile> RenderDocumentVersion(Deps& deps, const Actor& actor, std::int64_t id, int number,
                                           std::string_view lang, RenderFormat format) {
  if (!deps.renderer) return Error::Unavailable("this server renders no documents");
  auto d = GetDocument(deps, actor, id);  // filtered: an observer's PDF holds no closed item
  if (!d) return d.error();
  auto v = GetDocumentVersion(deps, actor, id, number, std::string(lang));
  if (!v) return v.error();
  const RenderHeading heading = VersionHeading(deps, *d, *v, lang);
  auto bytes = deps.renderer->Render(v->languages[0].content, format, heading);
  if (!bytes) return bytes.error();
  std::string name = d->symbol;
  for (auto& c : name) {
    if (c == '/') c = '-';
  }
  name += "-v" + std::to_string(number) + "-" + std::string(lang) + "." + std::string(ToString(format));
  return RenderedFile{std::move(*bytes), std::string(MediaType(format)), std::move(name)};
}

Result<Document> DraftMeetingMinutes(Deps& deps, const Actor& actor, std::int64_t meeting_id) {
  if (auto denied = Check(actor, Action::kCreate, {ObjectKind::kDocument, {}}, "documents")) return *denied;
  std::optional<NewDocument> minutes;
  {
    // Read the whole record in one snapshot; CreateDocument writes in a transaction of its own.
    auto tx = deps.store.Begin(TxMode::kRead);
    if (!tx) return tx.error();
    auto meeting = (*tx)->Meetings().Find(meeting_id);
    if (!meeting) return meeting.error();
    if (!*meeting) return Error::NotFound("meeting " + std::to_string(meeting_id) + " not found");
    auto decisions = (*tx)->Decisions().List({std::nullopt, meeting_id});
    if (!decisions) return decisions.error();
    MandateFilter given;
    given.meeting_id = meeting_id;
    auto mandates = (*tx)->Mandates().List(given);
    if (!mandates) return mandates.error();
    auto registry = deps.participants->Get(**tx);
    if (!registry) return registry.error();
    auto in = [&](std::string lang) {
      return MinutesSource{**meeting, *decisions, *mandates, **registry,
                           [&deps, lang](Date day) { return deps.formatter.LongDate(day, lang); }, lang};
    };
    // English is the original, as the seed's minutes are. Where the record holds Russian, a
    // Russian version is drafted beside it, in progress: its own wording is Russian, but the
    // record's English (titles, statements, decisions, mandates' subjects) stays English in
    // it, so it is the Secretariat's starting point for the translation, not a translation
    // anyone has checked.
    std::vector<LanguageVersion> languages{{DraftMinutes(in("en")), TranslationStatus::kOriginal}};
    if (HasRussian(**meeting)) languages.push_back({DraftMinutes(in("ru")), TranslationStatus::kInProgress});
    minutes = NewDocument{MinutesSymbol(**meeting), DocumentKind::kMinutes, (*meeting)->body,
                          AccessCategory::kMembersAndObservers, meeting_id, "draft minutes", std::move(languages)};
  }
  return CreateDocument(deps, actor, std::move(*minutes));
}

}  // namespace chancery::core
