#pragma once
// The text of a Note Verbale as data the Secretariat can edit: one template per purpose and
// language, an ordered list of blocks, each with a role that tells the renderers how to lay it
// out, and a text with placeholders — {{name}} or {{name:form}} — that the service fills from
// the record (domain brief §4, R18–R20). Fixed wording (the organisation's name, the courtesy
// formulas) is in the template; what changes from note to note (number, dates, pages, place,
// body, addressee) is a placeholder. data/templates/notes/README.md lists them per purpose.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"

namespace chancery::core {

// How a block is laid out (render/note_render.hpp). The order of the blocks is the template's:
// the seed's English page puts the enclosure line between the opening and the closing
// paragraph, the Russian and Kazakh pages put it before the text.
enum class NoteBlockRole {
  kLetterhead,  // the Secretariat's name, bold and centred at the top: one block per language
  kNumber,      // "№ {{number}}"
  kText,        // a paragraph of the body: the opening and closing courtesy formulas
  kEnclosure,   // "Enclosure:" / "as stated, on {{pages}} p.", in italics
  kPlaceDate,   // "{{place}}, {{date}}"
  kAddressee,   // the addressee block at the foot, bold
};
std::string_view ToString(NoteBlockRole role);  // "letterhead", "number", "text", "enclosure", "place_date", "addressee"
std::optional<NoteBlockRole> ParseNoteBlockRole(std::string_view text);

struct NoteBlock {
  NoteBlockRole role = NoteBlockRole::kText;
  std::string text;  // a line feed is a line break inside the block ("Enclosure:\nas stated, …")
  bool operator==(const NoteBlock&) const = default;
};

struct NoteTemplate {
  std::string purpose;  // "forward_final_minutes": lower case letters, digits and '_'
  std::string lang;     // one of kLanguages
  std::string title;    // the file's title (PDF and DOCX metadata), e.g. "Note Verbale № {{number}}"; may be empty
  std::vector<NoteBlock> blocks;
  bool operator==(const NoteTemplate&) const = default;
};

// A template with every placeholder replaced: what the renderers take.
// A template the Secretariat edited and stored: it takes the place of the built-in default of
// its purpose and language (core/services/note_template_editing.hpp) until it is deleted.
struct EditedNoteTemplate {
  NoteTemplate note;
  std::string edited_by;  // the username
  Instant edited_at{};
  bool operator==(const EditedNoteTemplate&) const = default;
};

struct ExpandedNote {
  std::string purpose;
  std::string lang;
  std::string title;
  std::vector<NoteBlock> blocks;
  bool operator==(const ExpandedNote&) const = default;
};

struct Placeholder {
  std::string name;  // "meeting_date"
  std::string form;  // "attributive"; empty for {{name}}
  bool operator==(const Placeholder&) const = default;
};

// kInvalidArgument naming the field ("purpose", "lang", "blocks[3].text", "title") when: the
// purpose is not a lower-case identifier; the language is not one of kLanguages; there are
// no blocks; a block's text is empty; braces do not form placeholders ("{{number", "}}",
// "{x}", "{{Number}}"); or the note lacks what every note verbale has (R18–R19): exactly one
// number block, exactly one place_date block, at least one text and one addressee block.
Result<void> ValidateNoteTemplate(const NoteTemplate& note);

// The placeholders of the title and the blocks, each (name, form) once, in order of first
// appearance. kInvalidArgument as ValidateNoteTemplate for malformed braces.
Result<std::vector<Placeholder>> Placeholders(const NoteTemplate& note);

// The value of {{name}} (form "") or {{name:form}}; an error for a name or form it does not
// know (kInvalidArgument, a message naming what is unknown).
using NoteLookup = std::function<Result<std::string>(std::string_view name, std::string_view form)>;

// The template validated, then each placeholder replaced by lookup(name, form). A lookup
// error comes back with its code, the message prefixed with the placeholder ("{{pages}}: …")
// and the field of the block ("blocks[4].text"). Values are inserted as they are: a value
// containing "{{" is not expanded again.
Result<ExpandedNote> ExpandNote(const NoteTemplate& note, const NoteLookup& lookup);

// The blocks of a text written for one note (given when it is drafted), each placeholder
// replaced as ExpandNote does, without the checks of a whole note verbale: the drafter answers
// for its shape. Malformed braces and lookup errors as ExpandNote.
Result<std::vector<NoteBlock>> ExpandNoteBlocks(const std::vector<NoteBlock>& blocks, const NoteLookup& lookup);

}  // namespace chancery::core
