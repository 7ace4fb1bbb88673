#pragma once
// Rendering a Note Verbale: one or more language versions of an expanded note
// (core::ExpandNote, core/model/note_template.hpp) as plain text, PDF or DOCX. Each language
// version starts a new page, as in the seed (English, Russian, Kazakh one after the other).
// Pure functions like those of render.hpp: the same input gives the same bytes.
//
// kInvalidArgument when there is no version, a version has no blocks or a block is empty
// (field "versions[1].blocks[3].text"); cairo and libzip failures are kInternal; a missing
// "Noto Serif" is kUnavailable.
#include <string>
#include <vector>

#include "core/model/note_template.hpp"
#include "core/result.hpp"
#include "render/render.hpp"

namespace chancery::render {

struct NoteRenderOptions {
  std::string author;  // "Secretariat": PDF and DOCX author
  std::string date;    // ISO 8601 date of the note: metadata dates and reproducible bytes
};

// The seed's plain layout: each block's text, its line breaks kept, followed by a blank line;
// versions separated by three blank lines, as the seed separates its pages. No emphasis
// markers. Ends with one newline.
core::Result<std::string> RenderNoteText(const std::vector<core::ExpandedNote>& versions);

// A4, on the Secretariat's bilingual letterhead: the letterhead blocks bold and centred over
// a rule, then Noto Serif 12 pt, margins 2 cm (top, bottom), 3 cm (left) and 1.5 cm (right),
// the usual ones for Russian and Kazakh official papers (GOST R 7.0.97); text justified with
// a 1.25 cm first-line indent; the enclosure in italics; the addressee bold. "N / M" at the
// foot only of a version longer than one page, counted within that version. The title of the
// first version is the file's title. `pages` counts every page of the file.
core::Result<PdfFile> RenderNotePdf(const std::vector<core::ExpandedNote>& versions, const NoteRenderOptions& options);

// An OOXML package (.docx) with the same layout in named styles (Letterhead, NoteNumber,
// Normal, Enclosure, PlaceDate, Addressee), each version after a page break, each paragraph
// in its version's language (w:lang).
core::Result<std::string> RenderNoteDocx(const std::vector<core::ExpandedNote>& versions,
                                         const NoteRenderOptions& options);

}  // namespace chancery::render
