#include "render/common.hpp"

#include <pugixml.hpp>

#include <string>

namespace chancery::render::internal {

std::string ItemHeadingText(const core::Paragraph& p) {
  const std::string prefix = std::to_string(p.item_number) + ".";
  std::string_view text = p.text;
  if (text.starts_with(prefix)) {
    text.remove_prefix(prefix.size());
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  }
  return prefix + " " + std::string(text);
}

bool HasTitleParagraphs(const core::DocumentContent& content) {
  for (const auto& p : content.paragraphs) {
    if (p.style == core::ParagraphStyle::kTitle) return true;
  }
  return false;
}

std::string MetadataTitle(const core::DocumentContent& content) {
  if (!content.title.empty()) return content.title;
  std::string title;
  for (const auto& p : content.paragraphs) {
    if (p.style != core::ParagraphStyle::kTitle) continue;
    if (!title.empty()) title += ' ';
    title += p.text;
  }
  return title;
}

std::string_view LanguageTag(std::string_view lang) {
  if (lang == "ru") return "ru-RU";
  if (lang == "kk") return "kk-KZ";
  return "en-GB";
}

std::string_view Iso639_2(std::string_view lang) {
  if (lang == "ru") return "rus";
  if (lang == "kk") return "kaz";
  return "eng";
}

std::string XmlText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    out += c;
  }
  return out;
}

namespace {

struct StringWriter : pugi::xml_writer {
  std::string out;
  void write(const void* data, std::size_t size) override { out.append(static_cast<const char*>(data), size); }
};

}  // namespace

std::string XmlBytes(const pugi::xml_document& doc, XmlStandalone standalone, XmlIndent indent) {
  StringWriter writer;
  writer.out = R"(<?xml version="1.0" encoding="UTF-8")";
  writer.out += standalone == XmlStandalone::kYes ? " standalone=\"yes\"?>\n" : "?>\n";
  const unsigned flags = pugi::format_no_declaration | (indent == XmlIndent::kYes ? pugi::format_indent : pugi::format_raw);
  doc.save(writer, "  ", flags, pugi::encoding_utf8);
  return std::move(writer.out);
}

bool IsIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  const int month = (text[5] - '0') * 10 + (text[6] - '0');
  const int day = (text[8] - '0') * 10 + (text[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

core::Result<void> ValidateNoteVersions(const std::vector<core::ExpandedNote>& versions) {
  if (versions.empty()) return core::Error::InvalidArgument("a note needs at least one language version", "versions");
  for (std::size_t v = 0; v < versions.size(); ++v) {
    const std::string path = "versions[" + std::to_string(v) + "]";
    if (versions[v].blocks.empty()) return core::Error::InvalidArgument("has no blocks", path + ".blocks");
    for (std::size_t b = 0; b < versions[v].blocks.size(); ++b) {
      if (versions[v].blocks[b].text.empty()) {
        return core::Error::InvalidArgument("must not be empty", path + ".blocks[" + std::to_string(b) + "].text");
      }
    }
  }
  return core::Ok();
}

}  // namespace chancery::render::internal
