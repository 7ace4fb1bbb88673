#pragma once
// The default Note Verbale templates and addressees (data/templates/notes), built into the
// binary like the demo datasets, so that a fresh installation has them without files beside
// it. They are JSON texts for codec/note_template_json.hpp; the Secretariat's edited copies,
// once stored, take their place.
#include <compare>
#include <map>
#include <string>

namespace chancery::app {

struct NoteTemplateKey {
  std::string purpose;  // "forward_final_minutes"
  std::string lang;     // "en", "ru", "kk"
  auto operator<=>(const NoteTemplateKey&) const = default;
};

// data/templates/notes/<purpose>.<lang>.json, by purpose and language.
const std::map<NoteTemplateKey, std::string>& DefaultNoteTemplates();
// data/templates/notes/addressees.json.
const std::string& DefaultNoteAddressees();

}  // namespace chancery::app
