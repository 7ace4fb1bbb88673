#include "core/services/note_template_editing.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "core/model/note_verbale.hpp"
#include "core/model/participant.hpp"
#include "core/policy.hpp"
#include "core/services/audit_trail.hpp"
#include "core/services/canonical.hpp"

namespace chancery::core {
namespace {

const ObjectRef kTemplates{ObjectKind::kNoteTemplate, {}};

// The purposes with templates; "other" is free text and has none.
constexpr NotePurpose kTemplatePurposes[] = {
    NotePurpose::kForwardFinalMinutes, NotePurpose::kCirculateDraftMinutes, NotePurpose::kLaunchSilenceProcedure,
    NotePurpose::kSilenceOutcome,      NotePurpose::kSilenceBroken,         NotePurpose::kInviteToMeeting,
    NotePurpose::kCirculateMeetingDocuments};

// Values every note has, whatever its purpose (note_composition.cpp, Gather).
constexpr std::string_view kCommonValues[] = {"number", "date", "place", "addressee", "pages"};

std::string Id(std::string_view purpose, std::string_view lang) {
  return std::string(purpose) + "." + std::string(lang);
}

std::string Canonical(const NoteTemplate& t) {
  std::string out;
  Put(out, "purpose", t.purpose);
  Put(out, "lang", t.lang);
  Put(out, "title", t.title);
  for (const auto& b : t.blocks) {
    Put(out, "block.role", ToString(b.role));
    Put(out, "block.text", b.text);
  }
  return out;
}

const NoteTemplates& Defaults(const Deps& deps) { return *deps.note_templates; }

Result<NoteTemplate> DefaultOf(const Deps& deps, std::string_view purpose, std::string_view lang) {
  if (!deps.note_templates) return Error::Unavailable("no note templates are configured");
  auto found = Defaults(deps).Template(purpose, lang);
  if (!found) return found.error();
  if (!*found) return Error::NotFound("no note template " + Id(purpose, lang));
  return std::move(**found);
}

NoteTemplateView View(NoteTemplate fallback, const std::optional<EditedNoteTemplate>& edited) {
  if (!edited) return {std::move(fallback), false, {}, std::nullopt};
  return {edited->note, true, edited->edited_by, edited->edited_at};
}

}  // namespace

Result<std::vector<std::string>> NoteTemplateValueNames(const NoteTemplates& defaults, std::string_view purpose) {
  std::set<std::string> names;
  bool any = false;
  for (std::string_view lang : kLanguages) {
    auto t = defaults.Template(purpose, lang);
    if (!t) return t.error();
    if (!*t) continue;
    any = true;
    auto placeholders = Placeholders(**t);
    if (!placeholders) return placeholders.error();
    for (const auto& p : *placeholders) names.insert(p.name);
  }
  if (!any) return std::vector<std::string>();
  for (std::string_view common : kCommonValues) names.insert(std::string(common));
  return std::vector<std::string>(names.begin(), names.end());
}

Result<std::vector<NoteTemplateView>> ListNoteTemplates(Deps& deps, const Actor& actor) {
  if (auto denied = Check(actor, Action::kList, kTemplates, "note templates")) return *denied;
  if (!deps.note_templates) return Error::Unavailable("no note templates are configured");
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  std::vector<NoteTemplateView> out;
  for (NotePurpose purpose : kTemplatePurposes) {
    for (std::string_view lang : kLanguages) {
      auto fallback = Defaults(deps).Template(ToString(purpose), lang);
      if (!fallback) return fallback.error();
      if (!*fallback) continue;
      auto edited = (*tx)->Templates().Find(ToString(purpose), lang);
      if (!edited) return edited.error();
      out.push_back(View(std::move(**fallback), *edited));
    }
  }
  return out;
}

Result<NoteTemplateView> GetNoteTemplate(Deps& deps, const Actor& actor, std::string_view purpose,
                                         std::string_view lang) {
  if (auto denied = Check(actor, Action::kRead, kTemplates, "note template")) return *denied;
  auto fallback = DefaultOf(deps, purpose, lang);
  if (!fallback) return fallback.error();
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  auto edited = (*tx)->Templates().Find(purpose, lang);
  if (!edited) return edited.error();
  return View(std::move(*fallback), *edited);
}

Result<NoteTemplateView> PutNoteTemplate(Deps& deps, const Actor& actor, NoteTemplate note) {
  if (auto denied = Check(actor, Action::kUpdate, kTemplates, "note template")) return *denied;
  auto fallback = DefaultOf(deps, note.purpose, note.lang);
  if (!fallback) return fallback.error();
  if (auto valid = ValidateNoteTemplate(note); !valid) return valid.error();
  auto known = NoteTemplateValueNames(Defaults(deps), note.purpose);
  if (!known) return known.error();
  // The first unknown value, in the order the note asks for them, named with its field.
  auto placeholders = Placeholders(note);
  if (!placeholders) return placeholders.error();
  for (const auto& p : *placeholders) {
    if (std::find(known->begin(), known->end(), p.name) != known->end()) continue;
    std::string names;
    for (const auto& k : *known) names += (names.empty() ? "" : ", ") + k;
    std::string field = "title";
    for (std::size_t i = 0; i < note.blocks.size(); ++i) {
      if (note.blocks[i].text.find("{{" + p.name) != std::string::npos) {
        field = "blocks[" + std::to_string(i) + "].text";
        break;
      }
    }
    return Error::InvalidArgument("{{" + p.name + "}} is not a value of " + note.purpose + " notes (they have " +
                                      names + ")",
                                  field);
  }
  auto tx = deps.store.Begin(TxMode::kWrite);
  if (!tx) return tx.error();
  auto before = (*tx)->Templates().Find(note.purpose, note.lang);
  if (!before) return before.error();
  EditedNoteTemplate edited{std::move(note), actor.username, deps.clock.Now()};
  if (auto r = (*tx)->Templates().Put(edited); !r) return r.error();
  const std::string id = Id(edited.note.purpose, edited.note.lang);
  if (auto r = Record(deps, **tx, actor,
                      {"note_template.edit", "note_template", id, Canonical(*before ? (*before)->note : *fallback),
                       Canonical(edited.note)});
      !r) {
    return r.error();
  }
  if (auto r = (*tx)->Commit(); !r) return r.error();
  return View(std::move(*fallback), edited);
}

Result<NoteTemplateView> ResetNoteTemplate(Deps& deps, const Actor& actor, std::string_view purpose,
                                           std::string_view lang) {
  if (auto denied = Check(actor, Action::kDelete, kTemplates, "note template")) return *denied;
  auto fallback = DefaultOf(deps, purpose, lang);
  if (!fallback) return fallback.error();
  auto tx = deps.store.Begin(TxMode::kWrite);
  if (!tx) return tx.error();
  auto before = (*tx)->Templates().Find(purpose, lang);
  if (!before) return before.error();
  if (!*before) return View(std::move(*fallback), std::nullopt);  // nothing to undo, nothing to record
  auto gone = (*tx)->Templates().Delete(purpose, lang);
  if (!gone) return gone.error();
  if (auto r = Record(deps, **tx, actor,
                      {"note_template.reset", "note_template", Id(purpose, lang), Canonical((*before)->note),
                       Canonical(*fallback)});
      !r) {
    return r.error();
  }
  if (auto r = (*tx)->Commit(); !r) return r.error();
  return View(std::move(*fallback), std::nullopt);
}

}  // namespace chancery::core
