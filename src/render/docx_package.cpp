#include "render/docx_package.hpp"

#include <zip.h>

#include "render/common.hpp"

namespace chancery::render::internal {

std::string PartXml(const pugi::xml_document& doc) { return XmlBytes(doc, XmlStandalone::kYes, XmlIndent::kNo); }

pugi::xml_node Val(pugi::xml_node parent, const char* name, const std::string& value) {
  pugi::xml_node node = parent.append_child(name);
  node.append_attribute("w:val").set_value(value.c_str());
  return node;
}

void Attr(pugi::xml_node node, const char* name, const std::string& value) {
  node.append_attribute(name).set_value(value.c_str());
}

void AddRun(pugi::xml_node paragraph, std::string_view text, RunStyle style) {
  pugi::xml_node run = Child(paragraph, "w:r");
  if (style != RunStyle::kPlain) Child(Child(run, "w:rPr"), style == RunStyle::kBold ? "w:b" : "w:i");
  const std::string clean = XmlText(text);
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

std::string ContentTypes(const std::vector<std::pair<std::string, std::string>>& word_parts) {
  pugi::xml_document doc;
  pugi::xml_node types = Child(doc, "Types");
  Attr(types, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
  auto add_default = [&](const char* ext, const std::string& type) {
    pugi::xml_node d = Child(types, "Default");
    Attr(d, "Extension", ext);
    Attr(d, "ContentType", type);
  };
  auto add_override = [&](const std::string& part, const std::string& type) {
    pugi::xml_node o = Child(types, "Override");
    Attr(o, "PartName", part);
    Attr(o, "ContentType", type);
  };
  const std::string word = kWordType;
  add_default("rels", "application/vnd.openxmlformats-package.relationships+xml");
  add_default("xml", "application/xml");
  add_override("/word/document.xml", word + "document.main+xml");
  for (const auto& [part, type] : word_parts) add_override(part, word + type);
  add_override("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
  add_override("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
  return PartXml(doc);
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
  return PartXml(doc);
}

std::string PackageRelationships() {
  const std::string rel = kOfficeRel;
  return Relationships({{rel + "officeDocument", "word/document.xml"},
                        {std::string(kPackageRels) + "/metadata/core-properties", "docProps/core.xml"},
                        {rel + "extended-properties", "docProps/app.xml"}});
}

std::string CoreProperties(const std::string& title, const std::string& creator, const std::string& identifier,
                           std::string_view lang, const std::string& date) {
  pugi::xml_document doc;
  pugi::xml_node core = Child(doc, "cp:coreProperties");
  Attr(core, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  Attr(core, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
  Attr(core, "xmlns:dcterms", "http://purl.org/dc/terms/");
  Attr(core, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  Child(core, "dc:title").text().set(XmlText(title).c_str());
  if (!creator.empty()) Child(core, "dc:creator").text().set(XmlText(creator).c_str());
  if (!identifier.empty()) Child(core, "dc:identifier").text().set(XmlText(identifier).c_str());
  Child(core, "dc:language").text().set(std::string(LanguageTag(lang)).c_str());
  if (IsIsoDate(date)) {
    pugi::xml_node created = Child(core, "dcterms:created");
    Attr(created, "xsi:type", "dcterms:W3CDTF");
    created.text().set((date + "T00:00:00Z").c_str());
  }
  return PartXml(doc);
}

std::string AppProperties() {
  pugi::xml_document doc;
  pugi::xml_node props = Child(doc, "Properties");
  Attr(props, "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
  Child(props, "Application").text().set("chancery");
  return PartXml(doc);
}

// Zip entries carry a modification time; a fixed one (noon of the document's date, or of
// 1 January 1980, local time, which is what zip stores) makes the bytes reproducible.
std::time_t EntryTime(const std::string& date) {
  std::tm tm{};
  tm.tm_year = 80;
  tm.tm_mday = 1;
  if (IsIsoDate(date)) {
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

}  // namespace chancery::render::internal
