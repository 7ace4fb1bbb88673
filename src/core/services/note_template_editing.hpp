#pragma once
// The Secretariat edits the wording of notes verbales (issue 5: "templates are data that the
// Secretariat can edit"): for each purpose that has a built-in template and each language, the
// template in force is the edited one if stored, else the default. Putting one stores it after
// the checks every default passes; deleting it brings the default back. Registered notes keep
// the text they were issued with (OutgoingNote::texts); only notes registered later change.
// Secretariat only (core::Decide, kNoteTemplate), every change audited.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/note_template.hpp"
#include "core/model/user.hpp"
#include "core/services/deps.hpp"

namespace chancery::core {

struct NoteTemplateView {
  NoteTemplate note;    // the template in force
  bool edited = false;  // false: the built-in default
  std::string edited_by;
  std::optional<Instant> edited_at;
};

// Every purpose with a default, in each of kLanguages it has one, by purpose then language.
Result<std::vector<NoteTemplateView>> ListNoteTemplates(Deps& deps, const Actor& actor);
// kNotFound for a purpose or language without a default.
Result<NoteTemplateView> GetNoteTemplate(Deps& deps, const Actor& actor, std::string_view purpose,
                                         std::string_view lang);
// Stores `note` for its purpose and language. kNotFound as GetNoteTemplate; kInvalidArgument
// naming the field when ValidateNoteTemplate refuses it, or when it asks for a value its
// purpose does not have ({{reply_date}} in a silence note): what a note of that purpose could
// never be composed with is refused now, not at registration.
Result<NoteTemplateView> PutNoteTemplate(Deps& deps, const Actor& actor, NoteTemplate note);
// Removes the edited template, if any; the default is in force again and is returned.
Result<NoteTemplateView> ResetNoteTemplate(Deps& deps, const Actor& actor, std::string_view purpose,
                                           std::string_view lang);

// The placeholder names notes of `purpose` can be given: those its default templates use, in
// any language, and those every note has (number, date, place, addressee). Empty when the
// purpose has no default.
Result<std::vector<std::string>> NoteTemplateValueNames(const NoteTemplates& defaults, std::string_view purpose);

}  // namespace chancery::core
