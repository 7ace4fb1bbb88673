#pragma once
// Reading what an uploaded PDF is. Adapter: src/render/poppler_pdf_inspector (poppler-cpp).
// Core decides what is accepted; the adapter only opens the bytes.
#include <string_view>

#include "core/result.hpp"

namespace chancery::core {

class PdfInspector {
 public:
  virtual ~PdfInspector() = default;
  // The number of pages. kInvalidArgument, saying why, when the bytes are not a PDF, are
  // damaged, are encrypted (the addressees could not open it) or have no page.
  virtual Result<int> Pages(std::string_view bytes) const = 0;
};

}  // namespace chancery::core
