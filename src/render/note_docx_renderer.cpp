// RenderNoteDocx: the note's versions as one WordprocessingML package (docx_package.hpp), its
// layout in named paragraph styles so that the Secretariat can restyle the file in Word.
#include <pugixml.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "render/common.hpp"
#include "render/docx_package.hpp"
#include "render/note_render.hpp"

namespace chancery::render {
namespace {

using namespace internal;  // NOLINT: docx_package.hpp is this renderer's toolkit

constexpr char kFont[] = "Noto Serif";

// The style of each role; the measures follow RenderNotePdf (twentieths of a point).
struct RoleStyle {
  core::NoteBlockRole role;
  const char* id;
  const char* name;
  const char* jc;
  bool bold;
  bool italic;
  int before;
  int after;
  int first_line;  // indent, twips
};
constexpr RoleStyle kRoleStyles[] = {
    {core::NoteBlockRole::kLetterhead, "Letterhead", "Letterhead", "center", true, false, 0, 120, 0},
    {core::NoteBlockRole::kNumber, "NoteNumber", "Note Number", "left", false, false, 360, 360, 0},
    {core::NoteBlockRole::kText, "Normal", "Normal", "both", false, false, 0, 160, 709},
    {core::NoteBlockRole::kEnclosure, "Enclosure", "Enclosure", "left", false, true, 160, 160, 0},
    {core::NoteBlockRole::kPlaceDate, "PlaceDate", "Place and Date", "left", false, false, 360, 0, 0},
    {core::NoteBlockRole::kAddressee, "Addressee", "Addressee", "left", true, false, 600, 0, 0},
};

const RoleStyle& StyleOf(core::NoteBlockRole role) {
  for (const RoleStyle& s : kRoleStyles) {
    if (s.role == role) return s;
  }
  return kRoleStyles[2];
}

std::string Styles(std::string_view lang) {
  pugi::xml_document doc;
  pugi::xml_node styles = Child(doc, "w:styles");
  Attr(styles, "xmlns:w", kW);
  pugi::xml_node rpr = Child(Child(Child(styles, "w:docDefaults"), "w:rPrDefault"), "w:rPr");
  pugi::xml_node fonts = Child(rpr, "w:rFonts");
  for (const char* a : {"w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"}) Attr(fonts, a, kFont);
  Val(rpr, "w:sz", "24");  // half-points: 12 pt
  Val(rpr, "w:szCs", "24");
  Val(rpr, "w:lang", std::string(LanguageTag(lang)));
  for (const RoleStyle& spec : kRoleStyles) {
    const bool normal = std::string_view(spec.id) == "Normal";
    pugi::xml_node style = Child(styles, "w:style");
    Attr(style, "w:type", "paragraph");
    if (normal) Attr(style, "w:default", "1");
    Attr(style, "w:styleId", spec.id);
    Val(style, "w:name", spec.name);
    if (!normal) Val(style, "w:basedOn", "Normal");
    Child(style, "w:qFormat");
    pugi::xml_node ppr = Child(style, "w:pPr");
    if (spec.role == core::NoteBlockRole::kLetterhead) Child(ppr, "w:keepNext");
    pugi::xml_node spacing = Child(ppr, "w:spacing");
    Attr(spacing, "w:before", std::to_string(spec.before));
    Attr(spacing, "w:after", std::to_string(spec.after));
    pugi::xml_node ind = Child(ppr, "w:ind");
    Attr(ind, "w:firstLine", std::to_string(spec.first_line));
    Val(ppr, "w:jc", spec.jc);
    if (spec.bold || spec.italic) {
      pugi::xml_node style_rpr = Child(style, "w:rPr");
      if (spec.bold) Child(style_rpr, "w:b");
      if (spec.italic) Child(style_rpr, "w:i");
    }
  }
  return PartXml(doc);
}

std::string Document(const std::vector<core::ExpandedNote>& versions) {
  pugi::xml_document doc;
  pugi::xml_node document = Child(doc, "w:document");
  Attr(document, "xmlns:w", kW);
  Attr(document, "xmlns:r", kR);
  pugi::xml_node body = Child(document, "w:body");
  for (std::size_t v = 0; v < versions.size(); ++v) {
    const std::vector<core::NoteBlock>& blocks = versions[v].blocks;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      pugi::xml_node p = Child(body, "w:p");
      pugi::xml_node ppr = Child(p, "w:pPr");
      Val(ppr, "w:pStyle", StyleOf(blocks[i].role).id);
      if (v > 0 && i == 0) Child(ppr, "w:pageBreakBefore");  // each version on a page of its own
      // The last letterhead paragraph draws the letterhead's rule.
      if (blocks[i].role == core::NoteBlockRole::kLetterhead &&
          (i + 1 == blocks.size() || blocks[i + 1].role != core::NoteBlockRole::kLetterhead)) {
        pugi::xml_node bottom = Child(Child(ppr, "w:pBdr"), "w:bottom");
        Attr(bottom, "w:val", "single");
        Attr(bottom, "w:sz", "6");  // eighths of a point
        Attr(bottom, "w:space", "6");
        Attr(bottom, "w:color", "000000");
      }
      Val(Child(ppr, "w:rPr"), "w:lang", std::string(LanguageTag(versions[v].lang)));
      AddRun(p, blocks[i].text);
      // The run's language too, so that Word checks spelling and hyphenates in the right one.
      Val(p.last_child().prepend_child("w:rPr"), "w:lang", std::string(LanguageTag(versions[v].lang)));
    }
  }
  // A4 portrait, margins as RenderNotePdf: top and bottom 2 cm, left 3 cm, right 1.5 cm (twips).
  pugi::xml_node sect = Child(body, "w:sectPr");
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

core::Result<std::string> RenderNoteDocx(const std::vector<core::ExpandedNote>& versions,
                                         const NoteRenderOptions& options) {
  if (auto valid = ValidateNoteVersions(versions); !valid) return valid.error();
  const core::ExpandedNote& first = versions.front();
  std::vector<Part> parts = {
      {"[Content_Types].xml", ContentTypes({{"/word/styles.xml", "styles+xml"}})},
      {"_rels/.rels", PackageRelationships()},
      {"word/document.xml", Document(versions)},
      {"word/_rels/document.xml.rels", Relationships({{std::string(kOfficeRel) + "styles", "styles.xml"}})},
      {"word/styles.xml", Styles(first.lang)},
      {"docProps/core.xml", CoreProperties(first.title, options.author, "", first.lang, options.date)},
      {"docProps/app.xml", AppProperties()},
  };
  return Zip(parts, EntryTime(options.date));
}

}  // namespace chancery::render
