#pragma once
// What the DOCX renderers share (documents in docx_renderer.cpp, notes in
// note_docx_renderer.cpp): WordprocessingML namespaces, small pugixml writing helpers, the
// package's bookkeeping parts, and zipping the parts in memory with libzip. Internal to
// src/render.
#include <pugixml.hpp>

#include <ctime>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace chancery::render::internal {

inline constexpr char kW[] = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr char kR[] = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
inline constexpr char kPackageRels[] = "http://schemas.openxmlformats.org/package/2006/relationships";
inline constexpr char kOfficeRel[] = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
inline constexpr char kWordType[] = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

struct Part {
  std::string name;
  std::string bytes;
};

// An OOXML part's bytes: declaration with standalone="yes", not indented.
std::string PartXml(const pugi::xml_document& doc);

inline pugi::xml_node Child(pugi::xml_node parent, const char* name) { return parent.append_child(name); }
// <name w:val="value"/>
pugi::xml_node Val(pugi::xml_node parent, const char* name, const std::string& value);
void Attr(pugi::xml_node node, const char* name, const std::string& value);

enum class RunStyle { kPlain, kBold, kItalic };
// A run of text; line feeds in it become <w:br/>.
void AddRun(pugi::xml_node paragraph, std::string_view text, RunStyle style = RunStyle::kPlain);

// [Content_Types].xml: the rels and xml defaults, document.xml, core.xml and app.xml, and an
// override for each (part name, content type after kWordType) in `word_parts`, e.g.
// {"/word/styles.xml", "styles+xml"}.
std::string ContentTypes(const std::vector<std::pair<std::string, std::string>>& word_parts);
// A .rels part: rId1, rId2, … in the order given.
std::string Relationships(const std::vector<std::pair<std::string, std::string>>& type_and_target);
// _rels/.rels: the document, core and app properties.
std::string PackageRelationships();
// docProps/core.xml; empty creator and identifier are left out, created only for an ISO date.
std::string CoreProperties(const std::string& title, const std::string& creator, const std::string& identifier,
                           std::string_view lang, const std::string& date);
std::string AppProperties();

// Zip entries carry a modification time; a fixed one (noon of the document's date, or of
// 1 January 1980, local time, which is what zip stores) makes the bytes reproducible.
std::time_t EntryTime(const std::string& date);
// The parts, deflated, in order, into a zip held in memory.
core::Result<std::string> Zip(const std::vector<Part>& parts, std::time_t mtime);

}  // namespace chancery::render::internal
