#include "render/document_renderer.hpp"

#include "render/note_render.hpp"
#include "render/render.hpp"

namespace chancery::render {

namespace {

RenderOptions OptionsOf(const core::RenderHeading& heading) {
  RenderOptions options;
  options.symbol = heading.symbol;
  options.organisation = heading.organisation;
  options.date_line = heading.date_line;
  options.date = heading.date.ok() ? core::FormatDate(heading.date) : "";
  options.kind = heading.kind;
  return options;
}

}  // namespace

core::Result<std::string> DocumentRenderer::Render(const core::DocumentContent& content, core::RenderFormat format,
                                                   const core::RenderHeading& heading) const {
  const RenderOptions options = OptionsOf(heading);
  switch (format) {
    case core::RenderFormat::kText: return RenderText(content, options);
    case core::RenderFormat::kPdf: return RenderPdf(content, options);
    case core::RenderFormat::kDocx: return RenderDocx(content, options);
    case core::RenderFormat::kAkomaNtoso: return RenderAkomaNtoso(content, options);
  }
  return core::Error::InvalidArgument("unknown format");
}

core::Result<int> DocumentRenderer::PdfPages(const core::DocumentContent& content,
                                             const core::RenderHeading& heading) const {
  auto pdf = RenderPdfFile(content, OptionsOf(heading));
  if (!pdf) return pdf.error();
  return pdf->pages;
}

core::Result<std::string> DocumentRenderer::RenderNote(const std::vector<core::ExpandedNote>& versions,
                                                       core::RenderFormat format, core::Date date) const {
  const NoteRenderOptions options{"Secretariat", date.ok() ? core::FormatDate(date) : ""};
  switch (format) {
    case core::RenderFormat::kText: return RenderNoteText(versions);
    case core::RenderFormat::kPdf: {
      auto pdf = RenderNotePdf(versions, options);
      if (!pdf) return pdf.error();
      return std::move(pdf->bytes);
    }
    case core::RenderFormat::kDocx: return RenderNoteDocx(versions, options);
    case core::RenderFormat::kAkomaNtoso: break;
  }
  return core::Error::InvalidArgument("a note renders as txt, pdf or docx", "format");
}

}  // namespace chancery::render
