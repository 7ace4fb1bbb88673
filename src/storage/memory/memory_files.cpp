// Uploaded files in memory, held to what migration 11 enforces in SQLite: the size is the
// content's, files are never changed.
#include <string>

#include "storage/memory/memory_repositories.hpp"

namespace chancery::storage {

using core::Error;
using core::Result;

Result<std::int64_t> MemoryFiles::Insert(const core::StoredFile& file, std::string_view content) {
  // Mirrors CHECK (size = length(content)).
  if (file.size != static_cast<std::int64_t>(content.size())) {
    return Error::InvalidArgument("the file's size is not its content's");
  }
  auto state = view_.Write();
  if (!state) return state.error();
  MemoryState& s = **state;
  const std::int64_t id = ++s.last_file_id;
  core::StoredFile stored = file;
  stored.id = id;
  s.files.emplace(id, MemoryState::FileRow{std::move(stored), std::make_shared<const std::string>(content)});
  return id;
}

Result<std::optional<core::StoredFile>> MemoryFiles::Find(std::int64_t id) {
  auto state = view_.Read();
  if (!state) return state.error();
  auto it = (*state)->files.find(id);
  if (it == (*state)->files.end()) return std::optional<core::StoredFile>();
  return std::optional<core::StoredFile>(it->second.file);
}

Result<std::optional<std::string>> MemoryFiles::Content(std::int64_t id) {
  auto state = view_.Read();
  if (!state) return state.error();
  auto it = (*state)->files.find(id);
  if (it == (*state)->files.end()) return std::optional<std::string>();
  return std::optional<std::string>(*it->second.content);
}

Result<std::vector<std::int64_t>> MemoryFiles::EnclosedBy(std::int64_t id) {
  auto state = view_.Read();
  if (!state) return state.error();
  std::vector<std::int64_t> out;
  for (const auto& [note_id, note] : (*state)->outgoing_notes) {
    for (const auto& e : note.enclosures) {
      if (e.file_id == id) {
        out.push_back(note_id);
        break;
      }
    }
  }
  return out;
}

}  // namespace chancery::storage
