// The renderers' output checked by the real tools that read it: pdftotext, pdfinfo and pdffonts
// (poppler-utils), xmllint with the Akoma Ntoso schema, and LibreOffice for DOCX. A missing tool
// fails the test: CI installs them all (scripts/install-deps.sh).
#include "render/render.hpp"

#include <gtest/gtest.h>
#include <pugixml.hpp>
#include <sys/wait.h>
#include <zip.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace chancery::render {
namespace {

namespace fs = std::filesystem;
using core::DocumentContent;
using core::Paragraph;
using core::ParagraphStyle;

// ---- fixtures ---------------------------------------------------------------------------------

const char kEnglish[] =
    "The meeting of the Senior Officials Committee (SOC) was held in Nur-Sultan in an online format on "
    "23 June 2021. H.E. Mr. Shakhrat Nuryshev, First Deputy Minister of Foreign Affairs of the Republic of "
    "Kazakhstan, chaired the meeting.";
const char kRussian[] =
    "Секретариат Совещания по взаимодействию и мерам доверия в Азии (СВМДА) свидетельствует свое уважение "
    "государствам-членам СВМДА и имеет честь препроводить протокол заседания Комитета старших должностных лиц "
    "(КСДЛ) 23 июня 2021 года.";
// Every letter of the Kazakh alphabet that Russian lacks: ә ғ қ ң ө ұ ү һ і.
const char kKazakh[] =
    "Азиядағы өзара іс-қимыл және сенім шаралары кеңесінің Хатшылығы Нұр-Сұлтан шаһарында мүше "
    "мемлекеттерге өзінің зор құрметін білдіреді.";
const char kKazakhListItem[] = "Қытай мен Иордания эпидемиологиялық қауіпсіздік басым бағытында";

std::string LongStatement() {
  std::string text;
  for (int i = 1; i <= 70; ++i) {
    text += "Sentence " + std::to_string(i) +
            " of the long statement recalls that the Member States cooperate on confidence building "
            "measures in all five dimensions of CICA. ";
  }
  return text + "End of the long statement.";
}

// Minutes in English, Russian and Kazakh, about four pages long, with every paragraph style, a
// paragraph longer than a page, and a list.
DocumentContent TrilingualMinutes() {
  DocumentContent c;
  c.lang = "en";
  c.title = "MINUTES OF THE SENIOR OFFICIALS COMMITTEE MEETING on 23 June 2021";
  auto add = [&](std::string id, ParagraphStyle style, std::string text, int item = 0) {
    c.paragraphs.push_back({std::move(id), style, std::move(text), item, false});
  };
  add("title", ParagraphStyle::kTitle, c.title);
  add("p1", ParagraphStyle::kText, kEnglish);
  add("p2", ParagraphStyle::kText, kRussian);
  add("item-1", ParagraphStyle::kItemHeading, "Opening of the meeting", 1);
  add("item-1-p1", ParagraphStyle::kSubheading, "Statement by the Chairperson", 1);
  add("item-1-p2", ParagraphStyle::kText, kKazakh, 1);
  add("item-2", ParagraphStyle::kItemHeading, "2. Күн тәртібін қабылдау", 2);  // the number in the text too
  add("item-2-p1", ParagraphStyle::kText, "The SOC adopted its agenda with an amendment in the title of agenda item 4.", 2);
  add("item-2-p2", ParagraphStyle::kListItem, kKazakhListItem, 2);
  add("item-2-p3", ParagraphStyle::kListItem, "Китай в приоритетной области «Развитие транспортных коридоров»", 2);
  add("item-2-p4", ParagraphStyle::kListItem, "Bangladesh in the priority area «Natural disaster management».", 2);
  add("item-3", ParagraphStyle::kItemHeading, "Thematic discussion", 3);
  add("item-3-p1", ParagraphStyle::kSubheading, "Comments", 3);
  add("item-3-p2", ParagraphStyle::kText, LongStatement(), 3);
  for (int item = 4; item <= 9; ++item) {
    const std::string n = std::to_string(item);
    add("item-" + n, ParagraphStyle::kItemHeading, "Consideration of draft document number " + n, item);
    add("item-" + n + "-p1", ParagraphStyle::kSubheading, "Comments", item);
    add("item-" + n + "-p2", ParagraphStyle::kText, std::string(kEnglish) + " " + kRussian + " " + kKazakh, item);
    add("item-" + n + "-p3", ParagraphStyle::kSubheading, "Decisions", item);
    add("item-" + n + "-p4", ParagraphStyle::kText, "The Senior Officials Committee took note of item " + n + ".", item);
  }
  return c;
}

RenderOptions Options() {
  RenderOptions o;
  o.symbol = "SOC/2021-I/Minutes";
  o.organisation = "Secretariat";
  o.date_line = "Nur-Sultan, 23 June 2021";
  o.date = "2021-06-23";
  o.header = "CICA Senior Officials Committee";
  return o;
}

// ---- helpers ----------------------------------------------------------------------------------

struct CommandResult {
  int exit_code;
  std::string output;  // stdout and stderr
};

CommandResult RunCommand(const std::string& command) {
  CommandResult result{-1, {}};
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) result.output.append(buffer, n);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

bool HaveProgram(const std::string& name) { return RunCommand("command -v " + name).exit_code == 0; }

// Text as extraction gives it back can break lines anywhere and drops the hyphen at a line
// break ("іс-" / "қимыл"): compare without whitespace and hyphens.
std::string Squeeze(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '\n' && c != '\t' && c != '\f' && c != '\r' && c != '-') out += c;
  }
  return out;
}

// The value of one "Field:   value" line of pdfinfo's output.
std::string InfoField(const std::string& pdfinfo_output, const std::string& field) {
  const std::string lines = "\n" + pdfinfo_output;
  const auto at = lines.find("\n" + field + ":");
  if (at == std::string::npos) return {};
  const auto begin = lines.find_first_not_of(' ', at + field.size() + 2);
  return lines.substr(begin, lines.find('\n', begin) - begin);
}

int PageCount(const std::string& pdfinfo_output) { return std::atoi(InfoField(pdfinfo_output, "Pages").c_str()); }

class RenderFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "render_test.XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  // RENDER_TEST_KEEP=1 keeps the files for a look (the folder is printed).
  void TearDown() override {
    if (std::getenv("RENDER_TEST_KEEP")) {
      std::printf("files kept in %s\n", dir_.c_str());
      return;
    }
    fs::remove_all(dir_);
  }

  std::string Write(const std::string& name, const std::string& bytes) {
    const fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
  }

  // pdftotext's text of the whole file (page 0) or of one page.
  std::string PdfText(const std::string& pdf, int page = 0, const std::string& extra = "") {
    const std::string range = page > 0 ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : "";
    const CommandResult r = RunCommand("pdftotext -enc UTF-8" + range + extra + " '" + pdf + "' -");
    EXPECT_EQ(r.exit_code, 0) << r.output;
    return r.output;
  }

  // The text between the 2 cm margins of an A4 page, without the running header and footer, so
  // that a paragraph split across pages reads on.
  std::string PdfBodyText(const std::string& pdf) { return PdfText(pdf, 0, " -x 0 -y 50 -W 596 -H 742"); }

  fs::path dir_;
};

void ExpectHasText(const std::string& haystack, const std::string& needle) {
  EXPECT_NE(Squeeze(haystack).find(Squeeze(needle)), std::string::npos) << "missing: " << needle;
}

// ---- text -------------------------------------------------------------------------------------

TEST(RenderText, SeedLayoutExactly) {
  DocumentContent c;
  c.lang = "en";
  c.title = "MINUTES OF THE MEETING";
  c.paragraphs = {
      {"p1", ParagraphStyle::kText, "The meeting was held online.", 0, false},
      {"i1", ParagraphStyle::kItemHeading, "Opening of the meeting", 1, false},
      {"i1-p1", ParagraphStyle::kSubheading, "Comments", 1, false},
      {"i1-p2", ParagraphStyle::kText, "The Chairperson opened the meeting.", 1, false},
      {"i2", ParagraphStyle::kItemHeading, "2. Decisions", 2, false},
      {"i2-p1", ParagraphStyle::kListItem, "China and Jordan,", 2, false},
      {"i2-p2", ParagraphStyle::kListItem, "Bangladesh.", 2, false},
      {"i2-p3", ParagraphStyle::kText, "Қазақстан төрағалық етті.", 2, false},
  };
  RenderOptions o;
  o.organisation = "Secretariat";
  const auto text = RenderText(c, o);
  ASSERT_TRUE(text) << text.error().message;
  EXPECT_EQ(*text,
            "Secretariat\n"
            "\n"
            "MINUTES OF THE MEETING\n"
            "\n"
            "The meeting was held online.\n"
            "\n"
            "1. Opening of the meeting\n"
            "\n"
            "- Comments\n"
            "\n"
            "The Chairperson opened the meeting.\n"
            "\n"
            "2. Decisions\n"
            "\n"
            "- China and Jordan,\n"
            "- Bangladesh.\n"
            "\n"
            "Қазақстан төрағалық етті.\n");
}

TEST(RenderText, TitleParagraphsReplaceTheTitleAndOptionsComeFirst) {
  DocumentContent c;
  c.lang = "ru";
  c.title = "not printed";
  c.paragraphs = {{"t", ParagraphStyle::kTitle, "ПРОТОКОЛ", 0, false}, {"p", ParagraphStyle::kText, "Текст.", 0, false}};
  RenderOptions o;
  o.symbol = "SOC/2021-I/Minutes";
  o.date_line = "23 июня 2021 г.";
  EXPECT_EQ(*RenderText(c, o), "SOC/2021-I/Minutes\n23 июня 2021 г.\n\nПРОТОКОЛ\n\nТекст.\n");
}

TEST(Render, InvalidContentIsRefusedByEveryFormat) {
  DocumentContent c = TrilingualMinutes();
  c.paragraphs[2].id = c.paragraphs[1].id;  // duplicate id
  const RenderOptions o = Options();
  for (const auto& result : {RenderText(c, o), RenderPdf(c, o), RenderDocx(c, o), RenderAkomaNtoso(c, o)}) {
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, core::ErrorCode::kInvalidArgument);
    EXPECT_EQ(result.error().field, "paragraphs[2].id");
  }
}

// ---- PDF --------------------------------------------------------------------------------------

TEST_F(RenderFilesTest, PdfTextPagesNumbersAndMetadata) {
  ASSERT_TRUE(HaveProgram("pdftotext") && HaveProgram("pdfinfo") && HaveProgram("pdffonts"))
      << "poppler-utils is required (scripts/install-deps.sh)";
  const DocumentContent c = TrilingualMinutes();
  const auto pdf = RenderPdf(c, Options());
  ASSERT_TRUE(pdf) << pdf.error().message;
  ASSERT_TRUE(pdf->starts_with("%PDF-"));
  const std::string path = Write("minutes.pdf", *pdf);

  const CommandResult info = RunCommand("pdfinfo '" + path + "'");
  ASSERT_EQ(info.exit_code, 0) << info.output;
  const int pages = PageCount(info.output);
  EXPECT_GE(pages, 3) << info.output;
  EXPECT_EQ(InfoField(info.output, "Title"), c.title);
  EXPECT_EQ(InfoField(info.output, "Creator"), "chancery");
  EXPECT_EQ(InfoField(info.output, "Author"), "Secretariat");
  EXPECT_EQ(InfoField(info.output, "Subject"), "SOC/2021-I/Minutes");
  EXPECT_EQ(InfoField(info.output, "Page size"), "595.28 x 841.89 pts (A4)");

  const std::string text = PdfText(path);
  for (const char* needle : {kEnglish, kRussian, kKazakh, kKazakhListItem}) ExpectHasText(text, needle);
  for (const char* letter : {"ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і"}) {
    EXPECT_NE(text.find(letter), std::string::npos) << letter;
  }
  ExpectHasText(text, "1. Opening of the meeting");
  ExpectHasText(text, "2. Күн тәртібін қабылдау");  // not "2. 2. …"
  EXPECT_EQ(text.find("2. 2."), std::string::npos);
  ExpectHasText(text, "– Bangladesh in the priority area");
  ExpectHasText(text, "SOC/2021-I/Minutes");

  // Every sentence of the long paragraph is there, in order, and it runs over a page break.
  std::string sentences;
  for (int i = 1; i <= 70; ++i) {
    sentences += "Sentence " + std::to_string(i) +
                 " of the long statement recalls that the Member States cooperate on confidence building "
                 "measures in all five dimensions of CICA. ";
  }
  const std::string body = PdfBodyText(path);
  ExpectHasText(body, sentences);
  EXPECT_EQ(body.find("CICA Senior Officials Committee"), std::string::npos) << "the header is outside the body";
  int start_page = 0, end_page = 0;
  for (int page = 1; page <= pages; ++page) {
    const std::string page_text = Squeeze(PdfText(path, page));
    if (page_text.find(Squeeze("Sentence 1 of the long statement")) != std::string::npos) start_page = page;
    if (page_text.find(Squeeze("End of the long statement.")) != std::string::npos) end_page = page;
    // "N / M" in the footer and the running header on every page.
    const std::string number = std::to_string(page) + " / " + std::to_string(pages);
    EXPECT_NE(page_text.find(Squeeze(number)), std::string::npos) << "page " << page;
    EXPECT_NE(page_text.find(Squeeze("CICA Senior Officials Committee")), std::string::npos) << "page " << page;
  }
  EXPECT_GT(start_page, 0);
  EXPECT_GT(end_page, start_page);

  // Fonts embedded: every row of pdffonts says "yes" under emb, and they are Noto Serif.
  const CommandResult fonts = RunCommand("pdffonts '" + path + "'");
  ASSERT_EQ(fonts.exit_code, 0) << fonts.output;
  EXPECT_NE(fonts.output.find("NotoSerif-Regular"), std::string::npos) << fonts.output;
  EXPECT_NE(fonts.output.find("NotoSerif-Bold"), std::string::npos) << fonts.output;
  EXPECT_NE(fonts.output.find("NotoSerif-Italic"), std::string::npos) << fonts.output;
  int rows = 0;
  std::size_t at = fonts.output.find("----\n");
  for (std::size_t line = at + 5; at != std::string::npos && line < fonts.output.size();) {
    const std::size_t end = fonts.output.find('\n', line);
    const std::string row = fonts.output.substr(line, end - line);
    if (!row.empty()) {
      ++rows;
      EXPECT_NE(row.find(" yes "), std::string::npos) << row;
    }
    if (end == std::string::npos) break;
    line = end + 1;
  }
  EXPECT_GE(rows, 3);
}

TEST(RenderPdf, SameInputSameBytes) {
  const auto a = RenderPdf(TrilingualMinutes(), Options());
  const auto b = RenderPdf(TrilingualMinutes(), Options());
  ASSERT_TRUE(a && b);
  EXPECT_TRUE(*a == *b);
}

TEST(RenderPdf, ThreadsRenderAtOnce) {
  const std::string expected = *RenderPdf(TrilingualMinutes(), Options());
  std::vector<std::string> outputs(4);
  std::vector<std::thread> threads;
  for (auto& out : outputs) {
    threads.emplace_back([&out] { out = RenderPdf(TrilingualMinutes(), Options()).value(); });
  }
  for (auto& t : threads) t.join();
  for (const auto& out : outputs) EXPECT_TRUE(out == expected);
}

TEST_F(RenderFilesTest, PdfOfAShortDocumentIsOnePage) {
  DocumentContent c;
  c.lang = "kk";
  c.title = "ХАТТАМА";
  c.paragraphs = {{"p1", ParagraphStyle::kText, kKazakh, 0, false}};
  const auto pdf = RenderPdf(c, RenderOptions{});
  ASSERT_TRUE(pdf) << pdf.error().message;
  const std::string path = Write("short.pdf", *pdf);
  EXPECT_EQ(PageCount(RunCommand("pdfinfo '" + path + "'").output), 1);
  const std::string text = PdfText(path);
  ExpectHasText(text, "ХАТТАМА");
  ExpectHasText(text, kKazakh);
  EXPECT_NE(Squeeze(text).find("1/1"), std::string::npos) << text;
}

// ---- DOCX -------------------------------------------------------------------------------------

// The zip's entries in order, and the text of one of them.
struct Package {
  std::vector<std::string> names;
  std::string Read(const std::string& name) const { return parts.count(name) ? parts.at(name) : std::string(); }
  std::map<std::string, std::string> parts;
};

Package Unzip(const std::string& bytes) {
  Package package;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) : nullptr;
  if (archive == nullptr) {
    ADD_FAILURE() << "not a zip: " << zip_error_strerror(&error);
    if (source) zip_source_free(source);
    return package;
  }
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    const std::string name = zip_get_name(archive, static_cast<zip_uint64_t>(i), 0);
    zip_stat_t stat;
    zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &stat);
    std::string data(static_cast<std::size_t>(stat.size), '\0');
    zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    EXPECT_EQ(zip_fread(file, data.data(), stat.size), static_cast<zip_int64_t>(stat.size)) << name;
    zip_fclose(file);
    package.names.push_back(name);
    package.parts[name] = data;
  }
  zip_discard(archive);
  return package;
}

std::multiset<std::string> ParagraphStyles(const std::string& document_xml) {
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_string(document_xml.c_str()));
  std::multiset<std::string> styles;
  for (const auto& node : doc.select_nodes("//w:p/w:pPr/w:pStyle")) styles.insert(node.node().attribute("w:val").value());
  return styles;
}

TEST(RenderDocx, PackageHasTheParts) {
  const DocumentContent c = TrilingualMinutes();
  const auto docx = RenderDocx(c, Options());
  ASSERT_TRUE(docx) << docx.error().message;
  const Package package = Unzip(*docx);
  ASSERT_FALSE(package.names.empty());
  EXPECT_EQ(package.names.front(), "[Content_Types].xml");
  for (const char* part : {"_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml",
                           "word/numbering.xml", "word/footer1.xml", "word/header1.xml", "docProps/core.xml",
                           "docProps/app.xml"}) {
    EXPECT_NE(std::find(package.names.begin(), package.names.end(), part), package.names.end()) << part;
  }
  // Every part is well-formed XML.
  for (const auto& [name, data] : package.parts) {
    pugi::xml_document doc;
    EXPECT_TRUE(doc.load_string(data.c_str())) << name;
  }

  const auto styles = ParagraphStyles(package.Read("word/document.xml"));
  EXPECT_EQ(styles.count("Title"), 1u);
  EXPECT_EQ(styles.count("Heading1"), 9u);
  EXPECT_EQ(styles.count("Heading2"), 14u);
  EXPECT_EQ(styles.count("ListParagraph"), 3u);
  for (const char* id : {"Normal", "Title", "Heading1", "Heading2", "ListParagraph"}) {
    EXPECT_NE(package.Read("word/styles.xml").find(std::string("w:styleId=\"") + id + "\""), std::string::npos) << id;
  }
  EXPECT_NE(package.Read("word/document.xml").find("<w:pgSz w:w=\"11906\" w:h=\"16838\""), std::string::npos);
  EXPECT_NE(package.Read("word/footer1.xml").find(" PAGE "), std::string::npos);
  EXPECT_NE(package.Read("docProps/core.xml").find("<dc:title>" + c.title + "</dc:title>"), std::string::npos);

  // Reproducible, and no header part without a header.
  EXPECT_TRUE(*RenderDocx(c, Options()) == *docx);
  RenderOptions no_header = Options();
  no_header.header.clear();
  const Package plain = Unzip(*RenderDocx(c, no_header));
  EXPECT_EQ(std::find(plain.names.begin(), plain.names.end(), "word/header1.xml"), plain.names.end());
  EXPECT_EQ(plain.Read("[Content_Types].xml").find("header"), std::string::npos);
}

TEST_F(RenderFilesTest, LibreOfficeConvertsTheDocx) {
  ASSERT_TRUE(HaveProgram("libreoffice"))
      << "LibreOffice is required for this test (Debian: libreoffice-writer-nogui; scripts/install-deps.sh)";
  ASSERT_TRUE(HaveProgram("pdftotext") && HaveProgram("pdfinfo"));
  const DocumentContent c = TrilingualMinutes();
  const auto docx = RenderDocx(c, Options());
  ASSERT_TRUE(docx) << docx.error().message;
  const std::string path = Write("minutes.docx", *docx);
  // A profile of its own, so that parallel conversions do not meet.
  const CommandResult convert =
      RunCommand("timeout 180 libreoffice -env:UserInstallation=file://" + (dir_ / "profile").string() +
          " --headless --convert-to pdf --outdir '" + dir_.string() + "' '" + path + "'");
  ASSERT_EQ(convert.exit_code, 0) << convert.output;
  const std::string pdf = (dir_ / "minutes.pdf").string();
  ASSERT_TRUE(fs::exists(pdf)) << convert.output;

  const int pages = PageCount(RunCommand("pdfinfo '" + pdf + "'").output);
  EXPECT_GE(pages, 3);
  const std::string text = PdfText(pdf);
  for (const char* needle : {kEnglish, kRussian, kKazakh, kKazakhListItem, "1. Opening of the meeting",
                             "End of the long statement.", "CICA Senior Officials Committee"}) {
    ExpectHasText(text, needle);
  }
  // The footer's PAGE / NUMPAGES fields.
  EXPECT_NE(Squeeze(PdfText(pdf, 1)).find("1/" + std::to_string(pages)), std::string::npos);
}

// ---- Akoma Ntoso ------------------------------------------------------------------------------

class AkomaNtosoTest : public RenderFilesTest {
 protected:
  CommandResult Validate(const std::string& xml) {
    const std::string path = Write("doc.xml", xml);
    return RunCommand("xmllint --noout --schema '" CHANCERY_AKN_SCHEMA "' '" + path + "'");
  }
};

TEST_F(AkomaNtosoTest, ValidatesAgainstTheSchema) {
  ASSERT_TRUE(HaveProgram("xmllint")) << "xmllint is required (Debian: libxml2-utils)";
  const DocumentContent c = TrilingualMinutes();
  const auto xml = RenderAkomaNtoso(c, Options());
  ASSERT_TRUE(xml) << xml.error().message;
  const CommandResult check = Validate(*xml);
  EXPECT_EQ(check.exit_code, 0) << check.output;

  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(xml->c_str()));
  const pugi::xml_node akn_doc = doc.child("akomaNtoso").child("doc");
  EXPECT_STREQ(akn_doc.attribute("name").value(), "minutes");
  EXPECT_STREQ(doc.select_node("//FRBRlanguage").node().attribute("language").value(), "eng");
  EXPECT_STREQ(doc.select_node("//FRBRWork/FRBRuri").node().attribute("value").value(),
               "/akn/kz/doc/minutes/2021-06-23/soc-2021-i-minutes");
  EXPECT_STREQ(doc.select_node("//preface//docTitle").node().text().get(), c.title.c_str());

  const auto items = doc.select_nodes("//mainBody/hcontainer[@name='item']");
  ASSERT_EQ(items.size(), 9u);
  const pugi::xml_node second = items[1].node();
  EXPECT_STREQ(second.attribute("eId").value(), "item_2");
  EXPECT_STREQ(second.child("num").text().get(), "2.");
  EXPECT_STREQ(second.child("heading").text().get(), "Күн тәртібін қабылдау");
  EXPECT_STREQ(second.child("heading").attribute("eId").value(), "item-2");
  EXPECT_EQ(second.select_nodes(".//blockList/item").size(), 3u);
  // Every paragraph id is an eId.
  for (const Paragraph& p : c.paragraphs) {
    EXPECT_TRUE(doc.select_node(("//*[@eId='" + p.id + "']").c_str())) << p.id;
  }
  EXPECT_NE(xml->find(kKazakh), std::string::npos);
}

TEST_F(AkomaNtosoTest, LanguageIsIso639Part2) {
  DocumentContent c = TrilingualMinutes();
  for (const auto& [lang, code] : {std::pair{"ru", "rus"}, std::pair{"kk", "kaz"}}) {
    c.lang = lang;
    const auto xml = RenderAkomaNtoso(c, Options());
    ASSERT_TRUE(xml);
    EXPECT_NE(xml->find(std::string("<FRBRlanguage language=\"") + code + "\""), std::string::npos) << lang;
    EXPECT_NE(xml->find(std::string("/") + code + "@"), std::string::npos) << lang;
    EXPECT_EQ(Validate(*xml).exit_code, 0) << lang;
  }
}

TEST_F(AkomaNtosoTest, EdgeShapesStayValid) {
  // No title, a subheading with nothing under it, a list outside any item, and no date line.
  DocumentContent c;
  c.lang = "kk";
  c.paragraphs = {
      {"a", ParagraphStyle::kListItem, "бірінші", 0, false},
      {"b", ParagraphStyle::kItemHeading, "Ашылуы", 1, false},
      {"c", ParagraphStyle::kSubheading, "Пікірлер", 1, false},
      {"d", ParagraphStyle::kItemHeading, "Басқа мәселелер", 2, false},
  };
  RenderOptions o;
  o.date = "2021-06-23";
  const auto xml = RenderAkomaNtoso(c, o);
  ASSERT_TRUE(xml);
  const CommandResult check = Validate(*xml);
  EXPECT_EQ(check.exit_code, 0) << check.output << *xml;

  c.paragraphs.clear();  // nothing at all
  const auto empty = RenderAkomaNtoso(c, o);
  ASSERT_TRUE(empty);
  EXPECT_EQ(Validate(*empty).exit_code, 0) << *empty;
}

TEST_F(AkomaNtosoTest, SchemaCheckCanFail) {
  const auto xml = RenderAkomaNtoso(TrilingualMinutes(), Options());
  ASSERT_TRUE(xml);
  // The schema makes <num> optional: an item without one is still valid …
  std::string no_num = *xml;
  const auto num = no_num.find("<num>");
  no_num.erase(num, no_num.find("</num>", num) + 6 - num);
  EXPECT_EQ(Validate(no_num).exit_code, 0);
  // … but an unknown element, a missing FRBRlanguage or a cut-off file are not.
  std::string unknown = *xml;
  unknown.replace(unknown.find("<num>"), 5, "<number>");
  unknown.replace(unknown.find("</num>"), 6, "</number>");
  EXPECT_NE(Validate(unknown).exit_code, 0);
  std::string no_language = *xml;
  const auto language = no_language.find("<FRBRlanguage");
  no_language.erase(language, no_language.find("/>", language) + 2 - language);
  EXPECT_NE(Validate(no_language).exit_code, 0);
  std::string not_xml = xml->substr(0, xml->size() / 2);
  EXPECT_NE(Validate(not_xml).exit_code, 0);
}

TEST(RenderAkomaNtoso, NeedsAnIsoDate) {
  RenderOptions o = Options();
  o.date = "23 June 2021";
  const auto xml = RenderAkomaNtoso(TrilingualMinutes(), o);
  ASSERT_FALSE(xml);
  EXPECT_EQ(xml.error().code, core::ErrorCode::kInvalidArgument);
  EXPECT_EQ(xml.error().field, "date");
}

}  // namespace
}  // namespace chancery::render
