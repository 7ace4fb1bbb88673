// The poppler inspector on real PDFs: our own three-page note, the same bytes damaged, the
// same file encrypted by qpdf (Debian qpdf), and bytes that are no PDF at all.
#include "render/poppler_pdf_inspector.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "render/note_render.hpp"

namespace chancery::render {
namespace {

namespace fs = std::filesystem;
using core::ErrorCode;
using core::NoteBlockRole;

std::string ThreePages() {
  std::vector<core::ExpandedNote> versions;
  for (const char* lang : {"en", "ru", "kk"}) {
    versions.push_back({"other", lang, "", {{NoteBlockRole::kNumber, "№ 1-1/1"}, {NoteBlockRole::kText, "Text."}}});
  }
  NoteRenderOptions options;
  options.date = "2021-07-12";
  auto pdf = RenderNotePdf(versions, options);
  EXPECT_TRUE(pdf) << pdf.error().message;
  return pdf ? pdf->bytes : std::string();
}

TEST(PopplerPdfInspector, CountsThePagesOfAPdf) {
  PopplerPdfInspector inspector;
  auto pages = inspector.Pages(ThreePages());
  ASSERT_TRUE(pages) << pages.error().message;
  EXPECT_EQ(*pages, 3);
}

TEST(PopplerPdfInspector, RefusesWhatIsNoPdfOrIsDamaged) {
  PopplerPdfInspector inspector;
  auto text = inspector.Pages("Note Verbale № 17-1/435\n");
  ASSERT_FALSE(text);
  EXPECT_EQ(text.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(text.error().message, "the file is not a PDF: it does not begin with %PDF-");
  // A header and nothing a reader could rebuild a page from.
  auto damaged = inspector.Pages("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nstream\x01\x02\x03");
  ASSERT_FALSE(damaged);
  EXPECT_EQ(damaged.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(damaged.error().message, "the PDF is damaged: it cannot be opened");
}

TEST(PopplerPdfInspector, RefusesAnEncryptedPdfWithOrWithoutAnOpeningPassword) {
  const fs::path dir = fs::temp_directory_path() / ("poppler_inspector_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "plain.pdf", std::ios::binary) << ThreePages();
  PopplerPdfInspector inspector;
  // "secret": a password to open; "": anyone opens it, printing and copying are restricted.
  for (const std::string user : {"secret", ""}) {
    const fs::path out = dir / ("locked-" + std::to_string(user.size()) + ".pdf");
    const std::string command = "qpdf --encrypt '" + user + "' owner 256 --print=none -- '" + (dir / "plain.pdf").string() +
                                "' '" + out.string() + "'";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    std::ifstream in(out, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto pages = inspector.Pages(bytes);
    ASSERT_FALSE(pages) << "user password '" << user << "'";
    EXPECT_EQ(pages.error().message, "the PDF is encrypted: upload it without a password or restrictions");
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace chancery::render
