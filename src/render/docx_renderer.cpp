// RenderDocx: the parts of a WordprocessingML package written with pugixml, zipped in memory
// with libzip. The package is the smallest one Word and LibreOffice open without complaint,
// plus styles, a dash bullet (numbering.xml) and a footer with the page number.
#include <pugixml.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "render/common.hpp"
#include "render/docx_package.hpp"
#include "render/render.hpp"

namespace chancery::render {
namespace {

using namespace internal;  // NOLINT: docx_package.hpp is this renderer's toolkit

constexpr char kFont[] = "Noto Serif";

pugi::xml_node AddParagraph(pugi::xml_node body, const std::string& style, std::string_view jc = {}) {
  pugi::xml_node p = Child(body, "w:p");
  pugi::xml_node ppr = Child(p, "w:pPr");
  Val(ppr, "w:pStyle", style);
  if (!jc.empty()) Val(ppr, "w:jc", std::string(jc));
  return p;
}

std::string Styles(std::string_view lang) {
  pugi::xml_document doc;
  pugi::xml_node styles = Child(doc, "w:styles");
  Attr(styles, "xmlns:w", kW);
  pugi::xml_node defaults = Child(styles, "w:docDefaults");
  pugi::xml_node rpr = Child(Child(defaults, "w:rPrDefault"), "w:rPr");
  pugi::xml_node fonts = Child(rpr, "w:rFonts");
  for (const char* a : {"w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"}) Attr(fonts, a, kFont);
  Val(rpr, "w:sz", "24");  // half-points: 12 pt, as RenderPdf
  Val(rpr, "w:szCs", "24");
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
  return PartXml(doc);
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
  return PartXml(doc);
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
  return PartXml(doc);
}

std::string Header(const std::string& text) {
  pugi::xml_document doc;
  pugi::xml_node hdr = Child(doc, "w:hdr");
  Attr(hdr, "xmlns:w", kW);
  pugi::xml_node p = Child(hdr, "w:p");
  Val(Child(p, "w:pPr"), "w:jc", "center");
  AddRun(p, text, RunStyle::kItalic);
  return PartXml(doc);
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

  // A4 portrait, RenderPdf's margins (twips: top and bottom 2 cm, left 3 cm, right 1.5 cm),
  // header and footer 1 cm from the edge.
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
  Attr(margins, "w:top", "1134");
  Attr(margins, "w:right", "850");
  Attr(margins, "w:bottom", "1134");
  Attr(margins, "w:left", "1701");
  Attr(margins, "w:header", "567");
  Attr(margins, "w:footer", "567");
  Attr(margins, "w:gutter", "0");
  return PartXml(doc);
}

}  // namespace

core::Result<std::string> RenderDocx(const core::DocumentContent& content, const RenderOptions& options) {
  if (auto valid = core::ValidateContent(content); !valid) return valid.error();
  const bool with_header = !options.header.empty();
  const std::string rel = kOfficeRel;

  std::vector<std::pair<std::string, std::string>> word_rels = {
      {rel + "styles", "styles.xml"}, {rel + "numbering", "numbering.xml"}, {rel + "footer", "footer1.xml"}};
  if (with_header) word_rels.push_back({rel + "header", "header1.xml"});
  std::vector<std::pair<std::string, std::string>> word_parts = {
      {"/word/styles.xml", "styles+xml"}, {"/word/numbering.xml", "numbering+xml"}, {"/word/footer1.xml", "footer+xml"}};
  if (with_header) word_parts.push_back({"/word/header1.xml", "header+xml"});

  // [Content_Types].xml first: some readers insist on it.
  std::vector<Part> parts = {
      {"[Content_Types].xml", ContentTypes(word_parts)},
      {"_rels/.rels", PackageRelationships()},
      {"word/document.xml", Document(content, options, with_header)},
      {"word/_rels/document.xml.rels", Relationships(word_rels)},
      {"word/styles.xml", Styles(content.lang)},
      {"word/numbering.xml", Numbering()},
      {"word/footer1.xml", Footer()},
      {"docProps/core.xml", CoreProperties(internal::MetadataTitle(content), options.organisation, options.symbol,
                                           content.lang, options.date)},
      {"docProps/app.xml", AppProperties()},
  };
  if (with_header) parts.push_back({"word/header1.xml", Header(options.header)});
  return Zip(parts, EntryTime(options.date));
}

}  // namespace chancery::render
