#include "render/poppler_pdf_inspector.hpp"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>

#include <climits>
#include <memory>
#include <mutex>
#include <string>

namespace chancery::render {
namespace {

// Poppler reports what it could not parse on stderr; an upload that is not a PDF is the
// client's mistake, answered with a 422, not a line in the server's log.
void Quiet(const std::string&, void*) {}

}  // namespace

PopplerPdfInspector::PopplerPdfInspector() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(Quiet, nullptr); });
}

core::Result<int> PopplerPdfInspector::Pages(std::string_view bytes) const {
  // A PDF begins with "%PDF-" (ISO 32000-1, 7.5.2); poppler would also try other things.
  if (bytes.substr(0, 5) != "%PDF-") return core::Error::InvalidArgument("the file is not a PDF: it does not begin with %PDF-");
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) return core::Error::InvalidArgument("the file is too large to read");
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) return core::Error::InvalidArgument("the PDF is damaged: it cannot be opened");
  // Locked (a password to open) or encrypted at all (a password to print or copy): what is
  // enclosed with a note must open, print and be archived without one.
  if (doc->is_locked() || doc->is_encrypted()) {
    return core::Error::InvalidArgument("the PDF is encrypted: upload it without a password or restrictions");
  }
  const int pages = doc->pages();
  if (pages < 1) return core::Error::InvalidArgument("the PDF has no page");
  return pages;
}

}  // namespace chancery::render
