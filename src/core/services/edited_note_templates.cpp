#include "core/services/edited_note_templates.hpp"

namespace chancery::core {

Result<std::optional<NoteTemplate>> EditedNoteTemplates::Template(std::string_view purpose,
                                                                std::string_view lang) const {
  auto stored = edited_.Find(purpose, lang);
  if (!stored) return stored.error();
  if (*stored) return std::optional<NoteTemplate>((*stored)->note);
  return defaults_.Template(purpose, lang);
}

}  // namespace chancery::core
