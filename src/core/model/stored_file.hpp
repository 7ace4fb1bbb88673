#pragma once
// A file an officer uploaded to enclose with a note (issue 5: "enclosures: documents or
// uploaded files, each with its page count"). Only PDFs: a note's enclosure line states pages,
// and a PDF is what the addressees receive. The bytes are kept as uploaded and never changed;
// the page count is read once, when the file is accepted.
#include <cstdint>
#include <string>

#include "core/time.hpp"

namespace chancery::core {

inline constexpr char kPdfMediaType[] = "application/pdf";

struct StoredFile {
  std::int64_t id = 0;
  std::string media_type = kPdfMediaType;
  std::int64_t size = 0;  // bytes
  int pages = 0;
  std::string sha256;  // of the bytes, hex: lets anyone check that what they hold is what was uploaded
  Instant uploaded_at{};
  std::int64_t uploaded_by = 0;  // user id
};

}  // namespace chancery::core
