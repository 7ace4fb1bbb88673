// The note renderers on hand-made notes: the text layout exactly, the PDF's page count against
// pdfinfo's, page numbers only on a note longer than a page, and the refusal of empty input.
// The seed's own note, end to end, is tests/notes/note_seed_test.cpp.
#include "render/note_render.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace chancery::render {
namespace {

namespace fs = std::filesystem;
using core::NoteBlockRole;

core::ExpandedNote Note(const std::string& lang, const std::string& text) {
  return {"forward_final_minutes",
          lang,
          "Note Verbale № 1-1/1",
          {{NoteBlockRole::kLetterhead, "SECRETARIAT\nOF THE CONFERENCE"},
           {NoteBlockRole::kNumber, "№ 1-1/1"},
           {NoteBlockRole::kText, text},
           {NoteBlockRole::kEnclosure, "Enclosure:\nas stated, on 8 p."},
           {NoteBlockRole::kPlaceDate, "Nur-Sultan, 12 July 2021"},
           {NoteBlockRole::kAddressee, "MEMBER STATES"}}};
}

std::string Shell(const std::string& command) {
  std::string out;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return out;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  pclose(pipe);
  return out;
}

std::string WriteTemp(const std::string& name, const std::string& bytes) {
  const fs::path path = fs::temp_directory_path() / ("note_render_test_" + std::to_string(::getpid()) + "_" + name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}

int PdfinfoPages(const std::string& path) {
  const std::string info = Shell("pdfinfo '" + path + "'");
  const auto at = info.find("Pages:");
  return at == std::string::npos ? -1 : std::atoi(info.c_str() + at + 6);
}

TEST(RenderNoteText, BlocksThenABlankLineVersionsApartByThree) {
  const auto text = RenderNoteText({Note("en", "The Secretariat presents."), Note("kk", "Хатшылық.")});
  ASSERT_TRUE(text) << text.error().message;
  EXPECT_EQ(*text,
            "SECRETARIAT\nOF THE CONFERENCE\n\n№ 1-1/1\n\nThe Secretariat presents.\n\nEnclosure:\nas stated, on 8 p.\n\n"
            "Nur-Sultan, 12 July 2021\n\nMEMBER STATES\n\n\n\n"
            "SECRETARIAT\nOF THE CONFERENCE\n\n№ 1-1/1\n\nХатшылық.\n\nEnclosure:\nas stated, on 8 p.\n\n"
            "Nur-Sultan, 12 July 2021\n\nMEMBER STATES\n");
}

TEST(RenderNote, EmptyInputIsRefusedByEveryFormat) {
  std::vector<core::ExpandedNote> versions = {Note("en", "x"), Note("ru", "y")};
  versions[1].blocks[4].text.clear();
  const auto text = RenderNoteText(versions);
  const auto pdf = RenderNotePdf(versions, {});
  const auto docx = RenderNoteDocx(versions, {});
  for (const core::Error& e : {text.error(), pdf.error(), docx.error()}) {
    EXPECT_EQ(e.code, core::ErrorCode::kInvalidArgument);
    EXPECT_EQ(e.field, "versions[1].blocks[4].text");
  }
  EXPECT_EQ(RenderNoteText({}).error().field, "versions");
}

TEST(RenderNotePdf, OnePageEachAndNoPageNumberOnAOnePageNote) {
  const auto pdf = RenderNotePdf({Note("en", "The Secretariat presents its compliments."),
                                  Note("ru", "Секретариат свидетельствует свое уважение.")},
                                 {"Secretariat", "2021-07-12"});
  ASSERT_TRUE(pdf) << pdf.error().message;
  EXPECT_EQ(pdf->pages, 2);
  const std::string path = WriteTemp("short.pdf", pdf->bytes);
  EXPECT_EQ(PdfinfoPages(path), 2);
  const std::string text = Shell("pdftotext -enc UTF-8 '" + path + "' -");
  EXPECT_NE(text.find("Секретариат свидетельствует свое уважение."), std::string::npos) << text;
  EXPECT_EQ(text.find("1 / 1"), std::string::npos) << text;
  EXPECT_NE(Shell("pdfinfo '" + path + "'").find("Note Verbale № 1-1/1"), std::string::npos);
  // Reproducible with a date.
  EXPECT_TRUE(RenderNotePdf({Note("en", "The Secretariat presents its compliments."),
                             Note("ru", "Секретариат свидетельствует свое уважение.")},
                            {"Secretariat", "2021-07-12"})
                  ->bytes == pdf->bytes);
  fs::remove(path);
}

TEST(RenderNotePdf, ALongNoteIsNumberedWithinItsVersion) {
  std::string long_text;
  for (int i = 0; i < 60; ++i) long_text += "Азиядағы өзара іс-қимыл және сенім шаралары кеңесінің Хатшылығы. ";
  const auto pdf = RenderNotePdf({Note("kk", long_text), Note("en", "Short.")}, {});
  ASSERT_TRUE(pdf) << pdf.error().message;
  const std::string path = WriteTemp("long.pdf", pdf->bytes);
  EXPECT_EQ(PdfinfoPages(path), pdf->pages);
  ASSERT_EQ(pdf->pages, 3);  // the Kazakh version on two pages, the English on one
  // Extraction may space "N / M" its own way: compare without spaces.
  auto page = [&](int n) {
    std::string text = Shell("pdftotext -f " + std::to_string(n) + " -l " + std::to_string(n) + " '" + path + "' -");
    std::erase(text, ' ');
    return text;
  };
  EXPECT_NE(page(1).find("1/2"), std::string::npos) << page(1);
  EXPECT_NE(page(2).find("2/2"), std::string::npos) << page(2);
  const std::string last = page(3);  // the one-page English version: only the number's '/'
  EXPECT_EQ(std::count(last.begin(), last.end(), '/'), 1) << last;
  fs::remove(path);
}

TEST(RenderPdfFile, CountsThePagesPdfinfoCounts) {
  core::DocumentContent c;
  c.lang = "en";
  c.title = "MINUTES";
  for (int i = 0; i < 40; ++i) {
    std::string text;
    for (int k = 0; k < 6; ++k) text += "The Chairperson opened the meeting and thanked the Member States. ";
    c.paragraphs.push_back({"p" + std::to_string(i), core::ParagraphStyle::kText, text, 0, false});
  }
  const auto pdf = RenderPdfFile(c, {});
  ASSERT_TRUE(pdf) << pdf.error().message;
  const std::string path = WriteTemp("doc.pdf", pdf->bytes);
  EXPECT_EQ(PdfinfoPages(path), pdf->pages);
  EXPECT_GE(pdf->pages, 2);
  EXPECT_TRUE(*RenderPdf(c, {}) == pdf->bytes);
  fs::remove(path);
}

}  // namespace
}  // namespace chancery::render
