// Note Verbale № 17-1/435 made again from the default templates and compared with the seed
// (tests/data/seed-soc-2021-06-23.txt), paragraph by paragraph, in English, Russian and Kazakh:
// the templates read by the codec, dates written by ICU, the enclosure's page count taken from
// the seed's minutes rendered to PDF, the text by RenderNoteText. Then the same note as PDF
// (pdftotext finds the Russian and Kazakh text) and as DOCX (LibreOffice converts it).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "codec/minutes_text.hpp"
#include "codec/note_template_json.hpp"
#include "core/model/body.hpp"
#include "core/model/note_values.hpp"
#include "platform/icu_format.hpp"
#include "render/note_render.hpp"
#include "render/render.hpp"

namespace chancery {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
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

// A paragraph as compared: without the seed's ** and * emphasis, its line breaks as spaces,
// whitespace collapsed.
std::string Normalise(const std::string& paragraph) {
  std::string out;
  for (std::size_t i = 0; i < paragraph.size(); ++i) {
    const char c = paragraph[i];
    if (c == '*') continue;
    if (c == '\n' || c == ' ' || c == '\t' || c == '\r') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<std::string> Paragraphs(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line, current;
  auto flush = [&] {
    if (!Normalise(current).empty()) out.push_back(Normalise(current));
    current.clear();
  };
  while (std::getline(in, line)) {
    if (Normalise(line).empty()) {
      flush();
    } else {
      current += line + "\n";
    }
  }
  flush();
  return out;
}

bool HasKazakhLetter(const std::string& text) {
  for (const char* letter : {"ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і", "Ә", "Ғ", "Қ", "Ң", "Ө", "Ұ", "Ү", "Һ", "І"}) {
    if (text.find(letter) != std::string::npos) return true;
  }
  return false;
}

// The seed's note, per language: everything before the minutes' "Secretariat" / "**MINUTES"
// lines. Each of the first two pages starts with the bilingual letterhead's English line; the
// Kazakh version starts at the first paragraph written with a letter Russian lacks.
std::map<std::string, std::vector<std::string>> SeedNote() {
  const std::string seed = ReadFile(CHANCERY_SEED);
  const std::string note = seed.substr(0, seed.find("Secretariat\n\n**MINUTES"));
  std::map<std::string, std::vector<std::string>> pages;
  std::string lang;
  for (const std::string& p : Paragraphs(note)) {
    if (p.starts_with("SECRETARIAT OF THE CONFERENCE")) lang = lang.empty() ? "en" : "ru";
    if (lang == "ru" && HasKazakhLetter(p)) lang = "kk";
    pages[lang].push_back(p);
  }
  return pages;
}

// What the service will take from the record for № 17-1/435.
core::NoteValues DemoValues(const std::string& lang, int pages) {
  core::NoteValues v;
  v.Set("number", "17-1/435");
  v.Set("pages", std::to_string(pages));
  v.Set("place", lang == "en" ? "Nur-Sultan" : lang == "ru" ? "Нур-Султан" : "Нұр-Сұлтан");
  v.SetDate("date", year{2021} / July / 12);
  v.SetDate("meeting_date", year{2021} / June / 23);
  v.SetDate("draft_date", year{2021} / June / 25);
  v.Set("body", core::NoteBodyForms(core::BodyOf(core::BodyCode::kSoc), lang));
  const auto addressees = codec::NoteAddresseesFromJsonText(ReadFile(fs::path(CHANCERY_NOTE_TEMPLATES) / "addressees.json"));
  EXPECT_TRUE(addressees);
  for (const auto& a : *addressees) {
    if (a.id == "member_states" && a.lang == lang) v.Set("addressee", a.forms);
  }
  return v;
}

// The enclosure's page count: the seed's minutes rendered as `chancery render minutes` does.
int MinutesPages() {
  const auto minutes = codec::ParseMinutesText(ReadFile(CHANCERY_SEED));
  EXPECT_TRUE(minutes);
  render::RenderOptions options;
  options.symbol = "SOC/2021-I/Minutes";
  options.organisation = "Secretariat";
  options.date_line = "12 July 2021";
  options.date = "2021-07-12";
  const auto pdf = render::RenderPdfFile(minutes->content, options);
  EXPECT_TRUE(pdf);
  return pdf ? pdf->pages : 0;
}

class SeedNoteTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    notes_.clear();  // the derived suite sets up again
    pages_ = MinutesPages();
    for (const char* lang : {"en", "ru", "kk"}) {
      const fs::path file = fs::path(CHANCERY_NOTE_TEMPLATES) / (std::string("forward_final_minutes.") + lang + ".json");
      const auto t = codec::NoteTemplateFromJsonText(ReadFile(file));
      ASSERT_TRUE(t) << file << ": " << t.error().message;
      const core::NoteValues values = DemoValues(lang, pages_);
      const auto note = core::ExpandNote(*t, values.Lookup(formatter_, lang));
      ASSERT_TRUE(note) << lang << ": " << note.error().field << ": " << note.error().message;
      notes_.push_back(*note);
    }
  }
  static inline platform::IcuDateFormatter formatter_;
  static inline int pages_ = 0;
  static inline std::vector<core::ExpandedNote> notes_;
};

TEST_F(SeedNoteTest, TheMinutesTakeEightPagesAsTheNoteSays) { EXPECT_EQ(pages_, 8); }

TEST_F(SeedNoteTest, EachLanguageMatchesTheSeedParagraphByParagraph) {
  ASSERT_EQ(notes_.size(), 3u);
  const auto seed = SeedNote();
  ASSERT_EQ(seed.size(), 3u);
  int identical = 0, total = 0;
  for (const core::ExpandedNote& note : notes_) {
    const auto text = render::RenderNoteText({note});
    ASSERT_TRUE(text) << text.error().message;
    std::vector<std::string> ours = Paragraphs(*text);
    // The seed's Kazakh page is a continuation page: it shows no letterhead and no number
    // (data/templates/notes/README.md). Ours carries the Russian page's header; compare the rest.
    if (note.lang == "kk") {
      const std::vector<std::string>& ru = seed.at("ru");
      ASSERT_GE(ours.size(), 3u);
      EXPECT_EQ(std::vector<std::string>(ours.begin(), ours.begin() + 3), std::vector<std::string>(ru.begin(), ru.begin() + 3));
      ours.erase(ours.begin(), ours.begin() + 3);
    }
    const std::vector<std::string>& theirs = seed.at(note.lang);
    EXPECT_EQ(ours.size(), theirs.size()) << note.lang;
    int same = 0;
    for (std::size_t i = 0; i < std::max(ours.size(), theirs.size()); ++i) {
      const std::string a = i < ours.size() ? ours[i] : "(none)";
      const std::string b = i < theirs.size() ? theirs[i] : "(none)";
      if (a == b) {
        ++same;
      } else {
        ADD_FAILURE() << note.lang << " paragraph " << i + 1 << "\n ours: " << a << "\n seed: " << b;
      }
    }
    std::printf("%s: %d of %zu paragraphs identical (%.1f%%)\n", note.lang.c_str(), same, theirs.size(),
                100.0 * same / static_cast<double>(theirs.size()));
    identical += same;
    total += static_cast<int>(theirs.size());
  }
  std::printf("Note Verbale № 17-1/435: %d of %d paragraphs identical (%.1f%%)\n", identical, total,
              100.0 * identical / total);
  EXPECT_EQ(identical, total);
}

class SeedNoteFilesTest : public SeedNoteTest {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "note_seed_test.XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override {
    if (std::getenv("RENDER_TEST_KEEP")) return std::printf("files kept in %s\n", dir_.c_str()), void();
    fs::remove_all(dir_);
  }
  fs::path dir_;
};

TEST_F(SeedNoteFilesTest, PdfCarriesTheThreeLanguagesOnThreePages) {
  const auto pdf = render::RenderNotePdf(notes_, {"Secretariat", "2021-07-12"});
  ASSERT_TRUE(pdf) << pdf.error().message;
  EXPECT_EQ(pdf->pages, 3);
  const fs::path path = dir_ / "note.pdf";
  std::ofstream(path, std::ios::binary) << pdf->bytes;
  const std::string info = Shell("pdfinfo '" + path.string() + "'");
  EXPECT_NE(info.find("Pages:           3"), std::string::npos) << info;
  EXPECT_NE(info.find("Note Verbale № 17-1/435"), std::string::npos) << info;
  // Each language on its page; text extraction joins a paragraph's lines with line feeds.
  const std::map<int, std::vector<std::string>> expected = {
      {1, {"presents its compliments to the CICA Member States", "as stated, on 8 p.", "Nur-Sultan, 12 July 2021"}},
      {2, {"свидетельствует свое уважение государствам-членам СВМДА", "на 8 л.", "город Нур-Султан, 12 июля 2021 г."}},
      {3, {"Азиядағы өзара іс-қимыл және сенім шаралары кеңесінің (АӨСШК) Хатшылығы", "2021 жылғы 23 маусымдағы",
           "аталған 8 п.", "Нұр-Сұлтан қаласы, 2021 жылғы 12 шілде", "№ 17-1/435"}},
  };
  for (const auto& [page, needles] : expected) {
    std::string text = Shell("pdftotext -enc UTF-8 -f " + std::to_string(page) + " -l " + std::to_string(page) + " '" +
                           path.string() + "' -");
    for (char& c : text) {
      if (c == '\n') c = ' ';
    }
    for (const std::string& needle : needles) {
      EXPECT_NE(text.find(needle), std::string::npos) << "page " << page << " lacks: " << needle << "\n" << text;
    }
  }
}

TEST_F(SeedNoteFilesTest, LibreOfficeConvertsTheDocx) {
  const auto docx = render::RenderNoteDocx(notes_, {"Secretariat", "2021-07-12"});
  ASSERT_TRUE(docx) << docx.error().message;
  const fs::path path = dir_ / "note.docx";
  std::ofstream(path, std::ios::binary) << *docx;
  const std::string convert = Shell("timeout 180 libreoffice -env:UserInstallation=file://" + (dir_ / "profile").string() +
                                  " --headless --convert-to pdf --outdir '" + dir_.string() + "' '" + path.string() + "'");
  const fs::path pdf = dir_ / "note.pdf";
  ASSERT_TRUE(fs::exists(pdf)) << convert;
  EXPECT_NE(Shell("pdfinfo '" + pdf.string() + "'").find("Pages:           3"), std::string::npos);
  std::string text = Shell("pdftotext -enc UTF-8 '" + pdf.string() + "' -");
  for (char& c : text) {
    if (c == '\n') c = ' ';
  }
  for (const char* needle : {"has the honour to forward the minutes", "имеет честь препроводить протокол",
                             "хаттамасын жолдауды өзіне мәртебе санайды", "№ 17-1/435", "АӨСШК мүше мемлекеттеріне"}) {
    EXPECT_NE(text.find(needle), std::string::npos) << "missing: " << needle << "\n" << text;
  }
}

}  // namespace
}  // namespace chancery
