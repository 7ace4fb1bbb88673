#include "app/embedded_note_templates.hpp"

#include "codec/note_template_json.hpp"

namespace chancery::app {

core::Result<EmbeddedNoteTemplates> EmbeddedNoteTemplates::Load() {
  EmbeddedNoteTemplates out;
  for (const auto& [key, json] : DefaultNoteTemplates()) {
    auto t = codec::NoteTemplateFromJsonText(json);
    if (!t) return core::Error::Internal("built-in note template " + key.purpose + "." + key.lang + ": " + t.error().message);
    out.templates_.emplace(key, std::move(*t));
  }
  auto addressees = codec::NoteAddresseesFromJsonText(DefaultNoteAddressees());
  if (!addressees) return core::Error::Internal("built-in note addressees: " + addressees.error().message);
  for (auto& a : *addressees) out.addressees_[{a.id, a.lang}] = std::move(a.forms);
  return out;
}

core::Result<std::optional<core::NoteTemplate>> EmbeddedNoteTemplates::Template(std::string_view purpose,
                                                                              std::string_view lang) const {
  auto found = templates_.find({std::string(purpose), std::string(lang)});
  if (found == templates_.end()) return std::optional<core::NoteTemplate>{};
  return std::optional<core::NoteTemplate>{found->second};
}

core::Result<std::optional<core::WordForms>> EmbeddedNoteTemplates::Addressee(std::string_view id,
                                                                            std::string_view lang) const {
  auto found = addressees_.find({std::string(id), std::string(lang)});
  if (found == addressees_.end()) return std::optional<core::WordForms>{};
  return std::optional<core::WordForms>{found->second};
}

}  // namespace chancery::app
