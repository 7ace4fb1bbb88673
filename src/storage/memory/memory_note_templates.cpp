// The Secretariat's edited note templates in memory, held to what migration 12 enforces in
// SQLite: one per purpose and language.
#include <utility>

#include "storage/memory/memory_repositories.hpp"

namespace chancery::storage {

using core::Result;

Result<std::optional<core::EditedNoteTemplate>> MemoryNoteTemplates::Find(std::string_view purpose,
                                                                          std::string_view lang) {
  auto state = view_.Read();
  if (!state) return state.error();
  auto it = (*state)->note_templates.find({std::string(purpose), std::string(lang)});
  if (it == (*state)->note_templates.end()) return std::optional<core::EditedNoteTemplate>();
  return std::optional<core::EditedNoteTemplate>(it->second);
}

Result<std::vector<core::EditedNoteTemplate>> MemoryNoteTemplates::List() {
  auto state = view_.Read();
  if (!state) return state.error();
  std::vector<core::EditedNoteTemplate> out;
  for (const auto& [key, t] : (*state)->note_templates) out.push_back(t);
  return out;
}

Result<void> MemoryNoteTemplates::Put(const core::EditedNoteTemplate& edited) {
  auto state = view_.Write();
  if (!state) return state.error();
  (*state)->note_templates[{edited.note.purpose, edited.note.lang}] = edited;
  return core::Ok();
}

Result<bool> MemoryNoteTemplates::Delete(std::string_view purpose, std::string_view lang) {
  auto state = view_.Write();
  if (!state) return state.error();
  return (*state)->note_templates.erase({std::string(purpose), std::string(lang)}) > 0;
}

}  // namespace chancery::storage
