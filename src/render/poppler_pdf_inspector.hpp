#pragma once
// core::PdfInspector over poppler-cpp: opens uploaded bytes as a PDF and counts their pages.
// The only file that includes poppler's headers.
#include "core/ports/pdf_inspector.hpp"

namespace chancery::render {

class PopplerPdfInspector : public core::PdfInspector {
 public:
  PopplerPdfInspector();
  core::Result<int> Pages(std::string_view bytes) const override;
};

}  // namespace chancery::render
