#pragma once
// The note templates port (core/ports/note_templates.hpp) over the defaults built into the
// binary (default_note_templates.hpp). The Secretariat's edited templates, stored in the
// database, take their place at registration (core/services/edited_note_templates.hpp).
#include <map>
#include <string>
#include <utility>

#include "app/default_note_templates.hpp"
#include "core/ports/note_templates.hpp"

namespace chancery::app {

class EmbeddedNoteTemplates : public core::NoteTemplates {
 public:
  // Reads every built-in text once; a malformed one is an error at start-up, not at registration.
  static core::Result<EmbeddedNoteTemplates> Load();
  core::Result<std::optional<core::NoteTemplate>> Template(std::string_view purpose,
                                                          std::string_view lang) const override;
  core::Result<std::optional<core::WordForms>> Addressee(std::string_view id, std::string_view lang) const override;

 private:
  std::map<NoteTemplateKey, core::NoteTemplate> templates_;
  std::map<std::pair<std::string, std::string>, core::WordForms> addressees_;
};

}  // namespace chancery::app
