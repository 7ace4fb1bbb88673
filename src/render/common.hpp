#pragma once
// What the four renderers share: how an item heading reads, the title, language codes.
// Internal to src/render.
#include <string>
#include <string_view>

#include <vector>

#include "core/model/document.hpp"
#include "core/model/note_template.hpp"
#include "core/result.hpp"

namespace pugi {
class xml_document;
}

namespace chancery::render::internal {

// "3. Approval of granting …" from item_number 3 and the heading's text, whether or not the text
// already starts with "3. " (both forms occur in imported minutes).
std::string ItemHeadingText(const core::Paragraph& p);

// True when the content carries its own kTitle paragraphs; otherwise renderers print
// content.title in their place.
bool HasTitleParagraphs(const core::DocumentContent& content);

// The title for metadata: content.title, or the kTitle paragraphs joined by spaces.
std::string MetadataTitle(const core::DocumentContent& content);

// en → en-GB, ru → ru-RU, kk → kk-KZ (DOCX w:lang, dc:language).
std::string_view LanguageTag(std::string_view lang);
// en → eng, ru → rus, kk → kaz (ISO 639-2, Akoma Ntoso FRBRlanguage).
std::string_view Iso639_2(std::string_view lang);

// The text without the control characters XML 1.0 cannot carry (all of U+0000–U+001F but tab,
// line feed and carriage return).
std::string XmlText(std::string_view text);

// The document as UTF-8 bytes after an <?xml version="1.0" encoding="UTF-8"?> declaration
// (standalone="yes" if asked: OOXML parts carry it); indented with two spaces if asked.
enum class XmlStandalone { kNo, kYes };
enum class XmlIndent { kNo, kYes };
std::string XmlBytes(const pugi::xml_document& doc, XmlStandalone standalone, XmlIndent indent);

// The note renderers' check (note_render.hpp): at least one version, none without blocks, no
// empty block.
core::Result<void> ValidateNoteVersions(const std::vector<core::ExpandedNote>& versions);

// YYYY-MM-DD with a plausible month and day.
bool IsIsoDate(std::string_view text);

}  // namespace chancery::render::internal
