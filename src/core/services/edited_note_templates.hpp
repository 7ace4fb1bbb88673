#pragma once
// The note templates port (core/ports/note_templates.hpp) as registration sees it: a template
// the Secretariat edited and stored (NoteTemplateRepository) takes the place of the default of
// its purpose and language; where none is stored, the defaults answer. Read in the caller's
// transaction, so a note is composed from the wording that stood when it was registered.
#include "core/ports/note_templates.hpp"
#include "core/ports/store.hpp"

namespace chancery::core {

class EditedNoteTemplates : public NoteTemplates {
 public:
  // Both must outlive this object.
  EditedNoteTemplates(NoteTemplateRepository& edited, const NoteTemplates& defaults)
      : edited_(edited), defaults_(defaults) {}
  Result<std::optional<NoteTemplate>> Template(std::string_view purpose, std::string_view lang) const override;
  // The addressees' words are not edited yet: the defaults'.
  Result<std::optional<WordForms>> Addressee(std::string_view id, std::string_view lang) const override {
    return defaults_.Addressee(id, lang);
  }

 private:
  NoteTemplateRepository& edited_;
  const NoteTemplates& defaults_;
};

}  // namespace chancery::core
