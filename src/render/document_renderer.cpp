#include "render/document_renderer.hpp"

#include "render/render.hpp"

namespace chancery::render {

core::Result<std::string> DocumentRenderer::Render(const core::DocumentContent& content, core::RenderFormat format,
                                                   const core::RenderHeading& heading) const {
  RenderOptions options;
  options.symbol = heading.symbol;
  options.organisation = heading.organisation;
  options.date_line = heading.date_line;
  options.date = heading.date.ok() ? core::FormatDate(heading.date) : "";
  options.kind = heading.kind;
  switch (format) {
    case core::RenderFormat::kText: return RenderText(content, options);
    case core::RenderFormat::kPdf: return RenderPdf(content, options);
    case core::RenderFormat::kDocx: return RenderDocx(content, options);
    case core::RenderFormat::kAkomaNtoso: return RenderAkomaNtoso(content, options);
  }
  return core::Error::InvalidArgument("unknown format");
}

}  // namespace chancery::render
