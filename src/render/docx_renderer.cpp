// RenderDocx: the parts of a WordprocessingML package written with pugixml, zipped in memory
// with libzip. The package is the smallest one Word and LibreOffice open without complaint,
// plus styles, a dash bullet (numbering.xml) and a footer with the page number.
#include <pugixml.hpp>
#include <zip.h>

#include <cstdio>
#include <ctime>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "render/common.hpp"
#include "render/render.hpp"

namespace chancery::render {
namespace {

constexpr char kW[] = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr char kR[] = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr char kPackageRels[] = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr char kOfficeRel[] = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
constexpr char kWordType[] = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
constexpr char kFont[] = "Noto Serif";

struct Part {
  std::string name;
  std::string bytes;
};

std::string Xml(const pugi::xml_document& doc) {
  return internal::XmlBytes(doc, internal::XmlStandalone::kYes, internal::XmlIndent::kNo);
}

pugi::xml_node Child(pugi::xml_node parent, const char* name) { return parent.append_child(name); }

// <name w:val="value"/>
pugi::xml_node Val(pugi::xml_node parent, const char* name, const std::string& value) {
  pugi::xml_node node = parent.append_child(name);
  node.append_attribute("w:val").set_value(value.c_str());
  return node;
}

void Attr(pugi::xml_node node, const char* name, const std::string& value) {
  node.append_attribute(name).set_value(value.c_str());
}

enum class RunStyle { kPlain, kBold, kItalic };

// A run of text; line feeds in it become <w:br/>.
void AddRun(pugi::xml_node paragraph, std::string_view text, RunStyle style = RunStyle::kPlain) {
  pugi::xml_node run = Child(paragraph, "w:r");
  if (style != RunStyle::kPlain) Child(Child(run, "w:rPr"), style == RunStyle::kBold ? "w:b" : "w:i");
  const std::string clean = internal::XmlText(text);
  std::size_t start = 0;
  while (true) {
    const std::size_t end = clean.find('\n', start);
    pugi::xml_node t = Child(run, "w:t");
    Attr(t, "xml:space", "preserve");
    t.text().set(clean.substr(start, end - start).c_str());
    if (end == std::string::npos) break;
    Child(run, "w:br");
    start = end + 1;
  }
}

pugi::xml_node AddParagraph(pugi::xml_node body, const std::string& style, std::string_view jc = {}) {
  pugi::xml_node p = Child(body, "w:p");
  pugi::xml_node ppr = Child(p, "w:pPr");
  Val(ppr, "w:pStyle", style);
  if (!jc.empty()) Val(ppr, "w:jc", std::string(jc));
  return p;
}

std::string ContentTypes(bool with_header) {
  pugi::xml_document doc;
  pugi::xml_node types = Child(doc, "Types");
  Attr(types, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
  auto add_default = [&](const char* ext, const std::string& type) {
    pugi::xml_node d = Child(types, "Default");
    Attr(d, "Extension", ext);
    Attr(d, "ContentType", type);
  };
  auto add_override = [&](const char* part, const std::string& type) {
    pugi::xml_node o = Child(types, "Override");
    Attr(o, "PartName", part);
    Attr(o, "ContentType", type);
  };
  const std::string word = kWordType;
  add_default("rels", "application/vnd.openxmlformats-package.relationships+xml");
  add_default("xml", "application/xml");
  add_override("/word/document.xml", word + "document.main+xml");
  add_override("/word/styles.xml", word + "styles+xml");
  add_override("/word/numbering.xml", word + "numbering+xml");
  add_override("/word/footer1.xml", word + "footer+xml");
  if (with_header) add_override("/word/header1.xml", word + "header+xml");
  add_override("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
  add_override("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
  return Xml(doc);
}

std::string Relationships(const std::vector<std::pair<std::string, std::string>>& type_and_target) {
  pugi::xml_document doc;
  pugi::xml_node rels = Child(doc, "Relationships");
  Attr(rels, "xmlns", kPackageRels);
  for (std::size_t i = 0; i < type_and_target.size(); ++i) {
    pugi::xml_node rel = Child(rels, "Relationship");
    Attr(rel, "Id", "rId" + std::to_string(i + 1));
    Attr(rel, "Type", type_and_target[i].first);
    Attr(rel, "Target", type_and_target[i].second);
  }
  return Xml(doc);
}

std::string Styles(std::string_view lang) {
  pugi::xml_document doc;
  pugi::xml_node styles = Child(doc, "w:styles");
  Attr(styles, "xmlns:w", kW);
  pugi::xml_node defaults = Child(styles, "w:docDefaults");
  pugi::xml_node rpr = Child(Child(defaults, "w:rPrDefault"), "w:rPr");
  pugi::xml_node fonts = Child(rpr, "w:rFonts");
  for (const char* a : {"w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"}) Attr(fonts, a, kFont);
  Val(rpr, "w:sz", "22");  // half-points: 11 pt
  Val(rpr, "w:szCs", "22");
  Val(rpr, "w:lang", std::string(internal::LanguageTag(lang)));
  pugi::xml_node spacing = Child(Child(Child(defaults, "w:pPrDefault"), "w:pPr"), "w:spacing");
  Attr(spacing, "w:after", "120");  // twentieths of a point: 6 pt
  Attr(spacing, "w:line", "264");
  Attr(spacing, "w:lineRule", "auto");

  // style id, UI name, justification, bold, italic, space before (twips), keep with next, outline level
  struct StyleSpec {
    const char* id;
    const char* name;
    const char* jc;
    bool bold;
    bool italic;
    int before;
    bool keep_next;
    int outline;  // -1: none
  };
  const StyleSpec specs[] = {
      {"Normal", "Normal", "both", false, false, 0, false, -1},
      {"Title", "Title", "center", true, false, 360, true, -1},
      {"Heading1", "heading 1", "left", true, false, 240, true, 0},
      {"Heading2", "heading 2", "left", false, true, 120, true, 1},
      {"ListParagraph", "List Paragraph", "both", false, false, 0, false, -1},
  };
  for (const StyleSpec& spec : specs) {
    pugi::xml_node style = Child(styles, "w:style");
    Attr(style, "w:type", "paragraph");
    if (std::string_view(spec.id) == "Normal") Attr(style, "w:default", "1");
    Attr(style, "w:styleId", spec.id);
    Val(style, "w:name", spec.name);
    if (std::string_view(spec.id) != "Normal") {
      Val(style, "w:basedOn", "Normal");
      Val(style, "w:next", "Normal");
    }
    Child(style, "w:qFormat");
    pugi::xml_node ppr = Child(style, "w:pPr");
    if (spec.keep_next) Child(ppr, "w:keepNext");
    if (spec.before > 0) Attr(Child(ppr, "w:spacing"), "w:before", std::to_string(spec.before));
    if (std::string_view(spec.id) == "ListParagraph") {
      pugi::xml_node ind = Child(ppr, "w:ind");
      Attr(ind, "w:left", "567");
      Attr(ind, "w:hanging", "283");
      Attr(Child(ppr, "w:spacing"), "w:after", "60");
      Child(ppr, "w:contextualSpacing");
    }
    Val(ppr, "w:jc", spec.jc);
    if (spec.outline >= 0) Val(ppr, "w:outlineLvl", std::to_string(spec.outline));
    if (spec.bold || spec.italic || std::string_view(spec.id) == "Title") {
      pugi::xml_node style_rpr = Child(style, "w:rPr");
      if (spec.bold) Child(style_rpr, "w:b");
      if (spec.italic) Child(style_rpr, "w:i");
      if (std::string_view(spec.id) == "Title") Val(style_rpr, "w:sz", "24");
    }
  }
  return Xml(doc);
}

// One list definition: a single level whose bullet is an en dash.
std::string Numbering() {
  pugi::xml_document doc;
  pugi::xml_node numbering = Child(doc, "w:numbering");
  Attr(numbering, "xmlns:w", kW);
  pugi::xml_node abstract = Child(numbering, "w:abstractNum");
  Attr(abstract, "w:abstractNumId", "0");
  Val(abstract, "w:multiLevelType", "singleLevel");
  pugi::xml_node lvl = Child(abstract, "w:lvl");
  Attr(lvl, "w:ilvl", "0");
  Val(lvl, "w:start", "1");
  Val(lvl, "w:numFmt", "bullet");
  Val(lvl, "w:lvlText", "–");
  Val(lvl, "w:lvlJc", "left");
  pugi::xml_node ind = Child(Child(lvl, "w:pPr"), "w:ind");
  Attr(ind, "w:left", "567");
  Attr(ind, "w:hanging", "283");
  pugi::xml_node num = Child(numbering, "w:num");
  Attr(num, "w:numId", "1");
  Val(num, "w:abstractNumId", "0");
  return Xml(doc);
}

// "N / M" from the PAGE and NUMPAGES fields, centred, 9 pt.
std::string Footer() {
  pugi::xml_document doc;
  pugi::xml_node ftr = Child(doc, "w:ftr");
  Attr(ftr, "xmlns:w", kW);
  pugi::xml_node p = Child(ftr, "w:p");
  pugi::xml_node ppr = Child(p, "w:pPr");
  Val(ppr, "w:jc", "center");
  Val(Child(ppr, "w:rPr"), "w:sz", "18");
  auto field = [&](const char* instruction) {
    pugi::xml_node fld = Child(p, "w:fldSimple");
    Attr(fld, "w:instr", instruction);
    pugi::xml_node run = Child(fld, "w:r");
    Val(Child(run, "w:rPr"), "w:sz", "18");
    Child(run, "w:t").text().set("1");
  };
  field(" PAGE ");
  pugi::xml_node slash = Child(p, "w:r");
  Val(Child(slash, "w:rPr"), "w:sz", "18");
  pugi::xml_node t = Child(slash, "w:t");
  Attr(t, "xml:space", "preserve");
  t.text().set(" / ");
  field(" NUMPAGES ");
  return Xml(doc);
}

std::string Header(const std::string& text) {
  pugi::xml_document doc;
  pugi::xml_node hdr = Child(doc, "w:hdr");
  Attr(hdr, "xmlns:w", kW);
  pugi::xml_node p = Child(hdr, "w:p");
  Val(Child(p, "w:pPr"), "w:jc", "center");
  AddRun(p, text, RunStyle::kItalic);
  return Xml(doc);
}

std::string Document(const core::DocumentContent& content, const RenderOptions& options, bool with_header) {
  pugi::xml_document doc;
  pugi::xml_node document = Child(doc, "w:document");
  Attr(document, "xmlns:w", kW);
  Attr(document, "xmlns:r", kR);
  pugi::xml_node body = Child(document, "w:body");

  if (!options.organisation.empty()) AddRun(AddParagraph(body, "Normal", "left"), options.organisation, RunStyle::kBold);
  if (!options.symbol.empty()) AddRun(AddParagraph(body, "Normal", "right"), options.symbol);
  if (!options.date_line.empty()) AddRun(AddParagraph(body, "Normal", "right"), options.date_line);
  if (!internal::HasTitleParagraphs(content) && !content.title.empty()) {
    AddRun(AddParagraph(body, "Title"), content.title);
  }
  for (const core::Paragraph& p : content.paragraphs) {
    using core::ParagraphStyle;
    switch (p.style) {
      case ParagraphStyle::kTitle: AddRun(AddParagraph(body, "Title"), p.text); break;
      case ParagraphStyle::kText: AddRun(AddParagraph(body, "Normal"), p.text); break;
      case ParagraphStyle::kItemHeading: AddRun(AddParagraph(body, "Heading1"), internal::ItemHeadingText(p)); break;
      case ParagraphStyle::kSubheading: AddRun(AddParagraph(body, "Heading2"), p.text); break;
      case ParagraphStyle::kListItem: {
        pugi::xml_node paragraph = AddParagraph(body, "ListParagraph");
        pugi::xml_node num = Child(paragraph.child("w:pPr"), "w:numPr");
        Val(num, "w:ilvl", "0");
        Val(num, "w:numId", "1");
        AddRun(paragraph, p.text);
        break;
      }
    }
  }

  // A4 portrait, 2 cm margins (twips), header and footer 1 cm from the edge.
  pugi::xml_node sect = Child(body, "w:sectPr");
  if (with_header) {
    pugi::xml_node ref = Child(sect, "w:headerReference");
    Attr(ref, "w:type", "default");
    Attr(ref, "r:id", "rId4");
  }
  pugi::xml_node footer_ref = Child(sect, "w:footerReference");
  Attr(footer_ref, "w:type", "default");
  Attr(footer_ref, "r:id", "rId3");
  pugi::xml_node size = Child(sect, "w:pgSz");
  Attr(size, "w:w", "11906");
  Attr(size, "w:h", "16838");
  pugi::xml_node margins = Child(sect, "w:pgMar");
  for (const char* side : {"w:top", "w:right", "w:bottom", "w:left"}) Attr(margins, side, "1134");
  Attr(margins, "w:header", "567");
  Attr(margins, "w:footer", "567");
  Attr(margins, "w:gutter", "0");
  return Xml(doc);
}

std::string CoreProperties(const core::DocumentContent& content, const RenderOptions& options) {
  pugi::xml_document doc;
  pugi::xml_node core = Child(doc, "cp:coreProperties");
  Attr(core, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  Attr(core, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
  Attr(core, "xmlns:dcterms", "http://purl.org/dc/terms/");
  Attr(core, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  Child(core, "dc:title").text().set(internal::XmlText(internal::MetadataTitle(content)).c_str());
  if (!options.organisation.empty()) Child(core, "dc:creator").text().set(internal::XmlText(options.organisation).c_str());
  if (!options.symbol.empty()) Child(core, "dc:identifier").text().set(internal::XmlText(options.symbol).c_str());
  Child(core, "dc:language").text().set(std::string(internal::LanguageTag(content.lang)).c_str());
  if (internal::IsIsoDate(options.date)) {
    pugi::xml_node created = Child(core, "dcterms:created");
    Attr(created, "xsi:type", "dcterms:W3CDTF");
    created.text().set((options.date + "T00:00:00Z").c_str());
  }
  return Xml(doc);
}

std::string AppProperties() {
  pugi::xml_document doc;
  pugi::xml_node props = Child(doc, "Properties");
  Attr(props, "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
  Child(props, "Application").text().set("chancery");
  return Xml(doc);
}

// Zip entries carry a modification time; a fixed one (noon of the document's date, or of
// 1 January 1980, local time, which is what zip stores) makes the bytes reproducible.
std::time_t EntryTime(const std::string& date) {
  std::tm tm{};
  tm.tm_year = 80;
  tm.tm_mday = 1;
  if (internal::IsIsoDate(date)) {
    tm.tm_year = std::stoi(date.substr(0, 4)) - 1900;
    tm.tm_mon = std::stoi(date.substr(5, 2)) - 1;
    tm.tm_mday = std::stoi(date.substr(8, 2));
  }
  tm.tm_hour = 12;
  tm.tm_isdst = -1;
  return std::mktime(&tm);
}

// The parts, deflated, in order, into a zip held in memory.
core::Result<std::string> Zip(const std::vector<Part>& parts, std::time_t mtime) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (buffer == nullptr) return core::Error::Internal(std::string("libzip: ") + zip_error_strerror(&error));
  zip_source_keep(buffer);  // zip_close would free it otherwise; we read the archive from it after
  struct Release {
    zip_source_t* source;
    ~Release() { zip_source_free(source); }
  } release{buffer};

  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (archive == nullptr) {
    zip_source_free(buffer);  // the reference zip_open_from_source did not take
    return core::Error::Internal(std::string("libzip: ") + zip_error_strerror(&error));
  }
  for (const Part& part : parts) {
    // The bytes stay in `parts` until zip_close below, as zip_source_buffer requires.
    zip_source_t* source = zip_source_buffer(archive, part.bytes.data(), part.bytes.size(), 0);
    const zip_int64_t index =
        source ? zip_file_add(archive, part.name.c_str(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) : -1;
    if (index < 0 || zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 0) < 0 ||
        zip_file_set_mtime(archive, static_cast<zip_uint64_t>(index), mtime, 0) < 0) {
      std::string message = std::string("libzip: ") + zip_strerror(archive);
      if (source && index < 0) zip_source_free(source);
      zip_discard(archive);
      return core::Error::Internal(message);
    }
  }
  if (zip_close(archive) < 0) {
    std::string message = std::string("libzip: ") + zip_strerror(archive);
    zip_discard(archive);
    return core::Error::Internal(message);
  }

  zip_stat_t stat;
  if (zip_source_stat(buffer, &stat) < 0 || zip_source_open(buffer) < 0) {
    return core::Error::Internal(std::string("libzip: ") + zip_error_strerror(zip_source_error(buffer)));
  }
  std::string bytes(static_cast<std::size_t>(stat.size), '\0');
  const zip_int64_t read = zip_source_read(buffer, bytes.data(), stat.size);
  zip_source_close(buffer);
  if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size) return core::Error::Internal("libzip: short read");
  return bytes;
}

}  // namespace

core::Result<std::string> RenderDocx(const core::DocumentContent& content, const RenderOptions& options) {
  if (auto valid = core::ValidateContent(content); !valid) return valid.error();
  const bool with_header = !options.header.empty();
  const std::string rel = kOfficeRel;

  std::vector<std::pair<std::string, std::string>> word_rels = {
      {rel + "styles", "styles.xml"}, {rel + "numbering", "numbering.xml"}, {rel + "footer", "footer1.xml"}};
  if (with_header) word_rels.push_back({rel + "header", "header1.xml"});

  // [Content_Types].xml first: some readers insist on it.
  std::vector<Part> parts = {
      {"[Content_Types].xml", ContentTypes(with_header)},
      {"_rels/.rels", Relationships({{rel + "officeDocument", "word/document.xml"},
                                     {std::string(kPackageRels) + "/metadata/core-properties", "docProps/core.xml"},
                                     {rel + "extended-properties", "docProps/app.xml"}})},
      {"word/document.xml", Document(content, options, with_header)},
      {"word/_rels/document.xml.rels", Relationships(word_rels)},
      {"word/styles.xml", Styles(content.lang)},
      {"word/numbering.xml", Numbering()},
      {"word/footer1.xml", Footer()},
      {"docProps/core.xml", CoreProperties(content, options)},
      {"docProps/app.xml", AppProperties()},
  };
  if (with_header) parts.push_back({"word/header1.xml", Header(options.header)});
  return Zip(parts, EntryTime(options.date));
}

}  // namespace chancery::render
