// The registers of Notes Verbales in memory, holding notes to what migration 8 enforces in
// SQLite: a number (year, serial) is one note's per register, and a note has one text per language.
#include <algorithm>
#include <string>
#include <utility>

#include "storage/memory/memory_repositories.hpp"

namespace chancery::storage {
namespace {

using core::Error;
using core::Result;

bool SameLink(const core::NoteLink& a, const core::NoteLink& b) { return a.kind == b.kind && a.id == b.id; }

// Mirrors UNIQUE (year, serial) on outgoing_notes: another note than `self_id` with this
// number. Drafts have no number and never conflict.
Result<void> CheckNumberFree(const MemoryState& state, const core::OutgoingNote& note, std::int64_t self_id) {
  if (!note.number) return core::Ok();
  for (const auto& [id, other] : state.outgoing_notes) {
    if (id != self_id && other.number && other.number->year == note.number->year &&
        other.number->serial == note.number->serial) {
      return Error::AlreadyExists("note number " + core::Format(*note.number) + " of " +
                                  std::to_string(note.number->year) + " is already taken");
    }
  }
  return core::Ok();
}

// Mirrors UNIQUE (note_id, lang) on outgoing_note_texts.
Result<void> CheckTextLanguages(const core::OutgoingNote& note, std::int64_t id) {
  for (std::size_t i = 0; i < note.texts.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (note.texts[i].lang == note.texts[j].lang) {
        return Error::AlreadyExists("note " + std::to_string(id) + " has two texts in '" + note.texts[i].lang + "'");
      }
    }
  }
  return core::Ok();
}

// Mirrors UNIQUE (year, serial) on incoming_notes.
Result<void> CheckIncomingNumberFree(const MemoryState& state, const core::IncomingNote& note, std::int64_t self_id) {
  for (const auto& [id, other] : state.incoming_notes) {
    if (id != self_id && other.year == note.year && other.serial == note.serial) {
      return Error::AlreadyExists("incoming note " + core::FormatIncomingNumber(note) + " is already registered");
    }
  }
  return core::Ok();
}

template <class T>
std::optional<T> Lookup(const std::map<std::int64_t, T>& map, std::int64_t id) {
  auto it = map.find(id);
  if (it == map.end()) return std::nullopt;
  return it->second;
}

}  // namespace

// --- outgoing ---

Result<std::optional<core::OutgoingNote>> MemoryNotes::Find(std::int64_t id) {
  auto state = view_.Read();
  if (!state) return state.error();
  return Lookup((*state)->outgoing_notes, id);
}

Result<std::optional<core::OutgoingNote>> MemoryNotes::FindByNumber(int year, int serial) {
  auto state = view_.Read();
  if (!state) return state.error();
  for (const auto& [id, note] : (*state)->outgoing_notes) {
    if (note.number && note.number->year == year && note.number->serial == serial) {
      return std::optional<core::OutgoingNote>(note);
    }
  }
  return std::optional<core::OutgoingNote>();
}

Result<std::vector<core::OutgoingNote>> MemoryNotes::List(const core::NoteFilter& filter) {
  auto state = view_.Read();
  if (!state) return state.error();
  std::vector<core::OutgoingNote> out;
  for (const auto& [id, note] : (*state)->outgoing_notes) {
    if (filter.year && !(note.number && note.number->year == *filter.year)) continue;
    if (filter.status && note.status != *filter.status) continue;
    if (filter.about && !(note.about && SameLink(*note.about, *filter.about))) continue;
    out.push_back(note);
  }
  return out;
}

Result<std::int64_t> MemoryNotes::Insert(const core::OutgoingNote& note) {
  auto state = view_.Write();
  if (!state) return state.error();
  MemoryState& s = **state;
  const std::int64_t id = s.last_outgoing_note_id + 1;
  if (auto r = CheckNumberFree(s, note, 0); !r) return r.error();
  if (auto r = CheckTextLanguages(note, id); !r) return r.error();
  core::OutgoingNote stored = note;
  stored.id = id;
  s.outgoing_notes.emplace(id, std::move(stored));
  s.last_outgoing_note_id = id;
  return id;
}

Result<void> MemoryNotes::Update(const core::OutgoingNote& note) {
  auto state = view_.Write();
  if (!state) return state.error();
  MemoryState& s = **state;
  auto it = s.outgoing_notes.find(note.id);
  if (it == s.outgoing_notes.end()) return Error::NotFound("no outgoing note with id " + std::to_string(note.id));
  if (auto r = CheckNumberFree(s, note, note.id); !r) return r;
  if (auto r = CheckTextLanguages(note, note.id); !r) return r;
  it->second = note;
  return core::Ok();
}

Result<int> MemoryNotes::NextSerial(int year) {
  auto state = view_.Read();
  if (!state) return state.error();
  int highest = 0;
  for (const auto& [id, note] : (*state)->outgoing_notes) {
    if (note.number && note.number->year == year) highest = std::max(highest, note.number->serial);
  }
  return highest + 1;
}

// --- incoming ---

Result<std::optional<core::IncomingNote>> MemoryNotes::FindIncoming(std::int64_t id) {
  auto state = view_.Read();
  if (!state) return state.error();
  return Lookup((*state)->incoming_notes, id);
}

Result<std::vector<core::IncomingNote>> MemoryNotes::ListIncoming(std::optional<int> year) {
  auto state = view_.Read();
  if (!state) return state.error();
  std::vector<core::IncomingNote> out;
  for (const auto& [id, note] : (*state)->incoming_notes) {
    if (!year || note.year == *year) out.push_back(note);
  }
  return out;
}

Result<std::int64_t> MemoryNotes::InsertIncoming(const core::IncomingNote& note) {
  auto state = view_.Write();
  if (!state) return state.error();
  MemoryState& s = **state;
  if (auto r = CheckIncomingNumberFree(s, note, 0); !r) return r.error();
  core::IncomingNote stored = note;
  stored.id = ++s.last_incoming_note_id;
  s.incoming_notes.emplace(stored.id, std::move(stored));
  return s.last_incoming_note_id;
}

Result<void> MemoryNotes::UpdateIncoming(const core::IncomingNote& note) {
  auto state = view_.Write();
  if (!state) return state.error();
  MemoryState& s = **state;
  auto it = s.incoming_notes.find(note.id);
  if (it == s.incoming_notes.end()) return Error::NotFound("no incoming note with id " + std::to_string(note.id));
  if (auto r = CheckIncomingNumberFree(s, note, note.id); !r) return r;
  it->second = note;
  return core::Ok();
}

Result<int> MemoryNotes::NextIncomingSerial(int year) {
  auto state = view_.Read();
  if (!state) return state.error();
  int highest = 0;
  for (const auto& [id, note] : (*state)->incoming_notes) {
    if (note.year == year) highest = std::max(highest, note.serial);
  }
  return highest + 1;
}

}  // namespace chancery::storage
