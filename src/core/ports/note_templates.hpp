#pragma once
// Where the wording of notes verbales comes from: the template of each purpose in each language
// and the addressees' words (core/model/note_template.hpp, note_values.hpp). Adapter: src/app
// over the defaults built into the binary (data/templates/notes); at registration
// core::EditedNoteTemplates puts the Secretariat's stored edits in front of them.
#include <optional>
#include <string_view>

#include "core/model/note_template.hpp"
#include "core/model/note_values.hpp"
#include "core/result.hpp"

namespace chancery::core {

class NoteTemplates {
 public:
  virtual ~NoteTemplates() = default;
  // The template for `purpose` ("forward_final_minutes") in `lang`; nullopt if there is none.
  virtual Result<std::optional<NoteTemplate>> Template(std::string_view purpose, std::string_view lang) const = 0;
  // The words of addressee `id` ("member_states", or a participant id) in `lang`; nullopt if none.
  virtual Result<std::optional<WordForms>> Addressee(std::string_view id, std::string_view lang) const = 0;
};

}  // namespace chancery::core
