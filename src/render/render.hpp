#pragma once
// Rendering a document's content (one language version) into the formats chancery hands out:
// plain text in the seed's layout, PDF, DOCX and Akoma Ntoso 3.0 XML.
//
// Each function is pure: content and options in, the file's bytes out. Nothing is written to
// disk and no state is kept between calls. The content is checked first (core::ValidateContent);
// invalid content is kInvalidArgument. Failures inside a library (cairo, libzip) are kInternal;
// a missing font is kUnavailable (see RenderPdf).
//
// Thread safety: every function may be called from several threads at once. RenderPdf uses
// pango's default font map, which pango keeps per thread.
#include <string>

#include "core/model/document.hpp"
#include "core/result.hpp"

namespace chancery::render {

// What a rendered document shows besides its content. Every field may be empty.
struct RenderOptions {
  std::string symbol;        // "SOC/2021-I/Minutes": printed under the organisation; the AKN work URI
  std::string organisation;  // "Secretariat": the first line of the document; DOCX/AKN author
  std::string date_line;     // as printed: "Nur-Sultan, 23 June 2021"
  std::string date;          // ISO 8601 "2021-06-23": metadata dates (PDF, DOCX), FRBRdate (AKN)
  std::string header;        // running header on every page (PDF, DOCX); not in text or AKN
  core::DocumentKind kind = core::DocumentKind::kMinutes;  // the AKN doc's name ("minutes")
};

// The seed's plain-text layout (tests/data/seed-soc-2021-06-23.txt, without its ** and *
// emphasis): the organisation, symbol and date lines, then each paragraph followed by a blank
// line; "N. Title" for item headings, "- Comments" for subheadings and "- text" for list items,
// the items of one list on consecutive lines. The title is content.title unless the content has
// kTitle paragraphs of its own. Ends with one newline (empty content, empty text).
core::Result<std::string> RenderText(const core::DocumentContent& content, const RenderOptions& options);

// A4 PDF (cairo + pango): Noto Serif 12 pt, margins as GOST R 7.0.97 sets them for official
// papers (top and bottom 2 cm, left 3 cm, right 1.5 cm), justified text; the seed's minutes
// take 8 pages, as its covering note says. Titles bold and centred, item headings bold, subheadings italic, list items indented after a dash; headings
// are kept with the paragraph that follows, long paragraphs split between lines across pages
// (never leaving a single line behind or alone); "N / M" in every page's footer. Fonts are
// embedded (subset, with ToUnicode maps), so text extraction gives back the UTF-8 text. Title,
// author, subject (the symbol) and creator "chancery" go into the document information; with
// options.date set the output is byte-for-byte reproducible.
// kUnavailable if fontconfig has no "Noto Serif" (Debian: fonts-noto-core): pango would
// otherwise fall back to another font silently.
core::Result<std::string> RenderPdf(const core::DocumentContent& content, const RenderOptions& options);

// A PDF with its page count, for what has to cite it: a note's enclosure line ("as stated, on
// 8 p.") gives the number of pages of the rendered minutes.
struct PdfFile {
  std::string bytes;
  int pages = 0;
};
// RenderPdf's file and how many pages it has.
core::Result<PdfFile> RenderPdfFile(const core::DocumentContent& content, const RenderOptions& options);

// An OOXML WordprocessingML package (.docx): named styles Normal, Title, Heading1 (items),
// Heading2 (subheadings) and ListParagraph (a dash bullet), A4 with RenderPdf's 12 pt and margins, a footer with
// the PAGE / NUMPAGES fields, docProps/core.xml with the title. Reproducible: fixed zip times.
core::Result<std::string> RenderDocx(const core::DocumentContent& content, const RenderOptions& options);

// Akoma Ntoso 3.0 (OASIS LegalDocML) XML that validates against akomantoso30.xsd:
// <doc name="minutes"> with FRBR identification (language as ISO 639-2: eng, rus, kaz), the
// title in <preface>, and in <mainBody> one <hcontainer name="item" eId="item_N"> per agenda item
// (<num>, <heading>, <content>), subheadings as <tblock>, list items as <blockList>. Every
// paragraph's id becomes the eId of the element that holds it. kInvalidArgument unless
// options.date is an ISO date (FRBRdate requires one).
core::Result<std::string> RenderAkomaNtoso(const core::DocumentContent& content, const RenderOptions& options);

}  // namespace chancery::render
