#include "core/ports/renderer.hpp"

namespace chancery::core {

std::string_view ToString(RenderFormat format) {
  switch (format) {
    case RenderFormat::kText: return "txt";
    case RenderFormat::kPdf: return "pdf";
    case RenderFormat::kDocx: return "docx";
    case RenderFormat::kAkomaNtoso: return "akn";
  }
  return "txt";
}

std::optional<RenderFormat> ParseRenderFormat(std::string_view text) {
  for (auto f : {RenderFormat::kText, RenderFormat::kPdf, RenderFormat::kDocx, RenderFormat::kAkomaNtoso}) {
    if (ToString(f) == text) return f;
  }
  return std::nullopt;
}

std::string_view MediaType(RenderFormat format) {
  switch (format) {
    case RenderFormat::kText: return "text/plain; charset=utf-8";
    case RenderFormat::kPdf: return "application/pdf";
    case RenderFormat::kDocx: return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    case RenderFormat::kAkomaNtoso: return "application/akn+xml";
  }
  return "application/octet-stream";
}

}  // namespace chancery::core
