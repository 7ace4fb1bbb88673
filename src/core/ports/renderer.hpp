#pragma once
// Rendering a document's text into a file format. Adapter: src/render (cairo/pango, libzip,
// pugixml). Core decides what goes in (only what the reader may read); the adapter only lays
// it out.
#include <optional>
#include <string>
#include <string_view>

#include <vector>

#include "core/model/document.hpp"
#include "core/model/note_template.hpp"
#include "core/result.hpp"

namespace chancery::core {

enum class RenderFormat { kText, kPdf, kDocx, kAkomaNtoso };
std::string_view ToString(RenderFormat format);  // "txt", "pdf", "docx", "akn"
std::optional<RenderFormat> ParseRenderFormat(std::string_view text);
std::string_view MediaType(RenderFormat format);

// What the rendered file shows besides the text.
struct RenderHeading {
  std::string symbol;        // "SOC/2021-I/Minutes"
  DocumentKind kind = DocumentKind::kMinutes;
  std::string organisation;  // "Secretariat"
  Date date;                 // of the version
  std::string date_line;     // as printed in the document's language: "23 June 2021"
};

class DocumentRenderer {
 public:
  virtual ~DocumentRenderer() = default;
  virtual Result<std::string> Render(const DocumentContent& content, RenderFormat format,
                                     const RenderHeading& heading) const = 0;
  // The pages of the PDF that Render(content, kPdf, heading) gives: a note's enclosure line
  // states the page count of what it encloses.
  virtual Result<int> PdfPages(const DocumentContent& content, const RenderHeading& heading) const = 0;
  // A note's language versions as one file (text, PDF or DOCX; each version on its own page),
  // `date` its date for the file's metadata.
  virtual Result<std::string> RenderNote(const std::vector<ExpandedNote>& versions, RenderFormat format,
                                         Date date) const = 0;
};

}  // namespace chancery::core
