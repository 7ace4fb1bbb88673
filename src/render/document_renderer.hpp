#pragma once
// The renderer port (core/ports/renderer.hpp) over this library's four functions.
#include "core/ports/renderer.hpp"

namespace chancery::render {

class DocumentRenderer : public core::DocumentRenderer {
 public:
  core::Result<std::string> Render(const core::DocumentContent& content, core::RenderFormat format,
                                   const core::RenderHeading& heading) const override;
  core::Result<int> PdfPages(const core::DocumentContent& content, const core::RenderHeading& heading) const override;
  core::Result<std::string> RenderNote(const std::vector<core::ExpandedNote>& versions, core::RenderFormat format,
                                       core::Date date) const override;
};

}  // namespace chancery::render
