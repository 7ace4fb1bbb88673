// RenderAkomaNtoso: the content as an Akoma Ntoso 3.0 <doc>. Agenda items become hierarchical
// containers; what sits between two item headings belongs to the first. Ids: a paragraph's id is
// the eId of the element holding its text (<p>, <heading>); the wrappers made around them get
// "item_N" (an agenda item, N its number) or "<id>__…" (tblock, list, list item, content).
// Paragraph ids are [a-z0-9-], so neither form can collide with one.
#include <pugixml.hpp>

#include <cctype>
#include <string>
#include <string_view>

#include "render/common.hpp"
#include "render/render.hpp"

namespace chancery::render {
namespace {

constexpr char kNamespace[] = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
// FRBRcountry is an ISO 3166-1 code: the Secretariat's seat.
constexpr char kCountry[] = "kz";
constexpr char kAuthor[] = "#secretariat";

void Attr(pugi::xml_node node, const char* name, const std::string& value) {
  node.append_attribute(name).set_value(value.c_str());
}

pugi::xml_node Text(pugi::xml_node parent, const char* name, std::string_view text) {
  pugi::xml_node node = parent.append_child(name);
  node.text().set(internal::XmlText(text).c_str());
  return node;
}

// "SOC/2021-I/Minutes" → "soc-2021-i-minutes", for the work's URI.
std::string Slug(std::string_view symbol) {
  std::string slug;
  for (char c : symbol) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) && byte < 0x80) {
      slug += static_cast<char>(std::tolower(byte));
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug.empty() ? "document" : slug;
}

void Frbr(pugi::xml_node parent, const char* name, const std::string& value) {
  Attr(parent.append_child(name), "value", value);
}

void FrbrCommon(pugi::xml_node level, const std::string& this_value, const std::string& uri, const std::string& date,
                const char* date_name) {
  Frbr(level, "FRBRthis", this_value);
  Frbr(level, "FRBRuri", uri);
  pugi::xml_node frbr_date = level.append_child("FRBRdate");
  Attr(frbr_date, "date", date);
  Attr(frbr_date, "name", date_name);
  Attr(level.append_child("FRBRauthor"), "href", kAuthor);
}

void Meta(pugi::xml_node doc, const core::DocumentContent& content, const RenderOptions& options) {
  const std::string kind(core::ToString(options.kind));
  const std::string work = "/akn/" + std::string(kCountry) + "/doc/" + kind + "/" + options.date + "/" + Slug(options.symbol);
  const std::string expression = work + "/" + std::string(internal::Iso639_2(content.lang)) + "@";

  pugi::xml_node meta = doc.append_child("meta");
  pugi::xml_node identification = meta.append_child("identification");
  Attr(identification, "source", kAuthor);

  pugi::xml_node frbr_work = identification.append_child("FRBRWork");
  FrbrCommon(frbr_work, work + "/!main", work, options.date, kind.c_str());
  Frbr(frbr_work, "FRBRcountry", kCountry);
  if (!options.symbol.empty()) Frbr(frbr_work, "FRBRnumber", internal::XmlText(options.symbol));

  pugi::xml_node frbr_expression = identification.append_child("FRBRExpression");
  FrbrCommon(frbr_expression, expression + "/!main", expression, options.date, kind.c_str());
  Attr(frbr_expression.append_child("FRBRlanguage"), "language", std::string(internal::Iso639_2(content.lang)));

  pugi::xml_node frbr_manifestation = identification.append_child("FRBRManifestation");
  FrbrCommon(frbr_manifestation, expression + "/!main.xml", expression + ".akn", options.date, "rendering");

  pugi::xml_node references = meta.append_child("references");
  Attr(references, "source", kAuthor);
  pugi::xml_node organisation = references.append_child("TLCOrganization");
  Attr(organisation, "eId", std::string(kAuthor).substr(1));
  Attr(organisation, "href", "/akn/ontology/organization/" + std::string(kCountry) + "/secretariat");
  Attr(organisation, "showAs", internal::XmlText(options.organisation.empty() ? "Secretariat" : options.organisation));
}

// <p class="…"><inline>text</inline></p> for the preface.
pugi::xml_node PrefaceLine(pugi::xml_node preface, const char* cls, const char* inline_name, std::string_view text) {
  pugi::xml_node p = preface.append_child("p");
  Attr(p, "class", cls);
  Text(p, inline_name, text);
  return p;
}

}  // namespace

core::Result<std::string> RenderAkomaNtoso(const core::DocumentContent& content, const RenderOptions& options) {
  if (auto valid = core::ValidateContent(content); !valid) return valid.error();
  if (!internal::IsIsoDate(options.date)) {
    return core::Error::InvalidArgument("Akoma Ntoso needs the document's date as YYYY-MM-DD", "date");
  }
  using core::ParagraphStyle;
  const auto& paragraphs = content.paragraphs;

  pugi::xml_document xml;
  pugi::xml_node root = xml.append_child("akomaNtoso");
  Attr(root, "xmlns", kNamespace);
  pugi::xml_node doc = root.append_child("doc");
  Attr(doc, "name", std::string(core::ToString(options.kind)));
  Meta(doc, content, options);

  // The preface: organisation, symbol, date, and the title (the leading kTitle paragraphs, or
  // content.title when there are none).
  pugi::xml_node preface = doc.append_child("preface");
  if (!options.organisation.empty()) PrefaceLine(preface, "organisation", "docAuthority", options.organisation);
  if (!options.symbol.empty()) PrefaceLine(preface, "symbol", "docNumber", options.symbol);
  if (!options.date_line.empty()) {
    Attr(PrefaceLine(preface, "date", "docDate", options.date_line).child("docDate"), "date", options.date);
  }
  std::size_t first_body = 0;
  if (!internal::HasTitleParagraphs(content)) {
    if (!content.title.empty()) PrefaceLine(preface, "title", "docTitle", content.title);
  } else {
    for (; first_body < paragraphs.size() && paragraphs[first_body].style == ParagraphStyle::kTitle; ++first_body) {
      Attr(PrefaceLine(preface, "title", "docTitle", paragraphs[first_body].text), "eId", paragraphs[first_body].id);
    }
  }
  if (preface.first_child().empty()) doc.remove_child(preface);  // an empty preface is invalid

  pugi::xml_node body = doc.append_child("mainBody");
  pugi::xml_node item_content;  // <content> of the current agenda item, if any
  pugi::xml_node tblock;        // the current subheading's block, if any
  pugi::xml_node list;          // the blockList being filled, if the previous paragraph was a list item
  auto target = [&] { return tblock ? tblock : item_content ? item_content : body; };

  for (std::size_t i = first_body; i < paragraphs.size(); ++i) {
    const core::Paragraph& p = paragraphs[i];
    if (p.style != ParagraphStyle::kListItem) list = pugi::xml_node();
    switch (p.style) {
      case ParagraphStyle::kItemHeading: {
        pugi::xml_node item = body.append_child("hcontainer");
        const std::string eid = "item_" + std::to_string(p.item_number);
        Attr(item, "eId", eid);
        Attr(item, "name", "item");
        Text(item, "num", std::to_string(p.item_number) + ".");
        // The heading without the number the text may repeat ("3. Approval …").
        const std::string heading = internal::ItemHeadingText(p);
        Attr(Text(item, "heading", heading.substr(heading.find(' ') + 1)), "eId", p.id);
        item_content = item.append_child("content");
        Attr(item_content, "eId", eid + "__content");
        tblock = pugi::xml_node();
        break;
      }
      case ParagraphStyle::kSubheading: {
        tblock = pugi::xml_node();
        // A tblock needs at least one block after its heading; a bare subheading stays a <p>.
        const bool has_body = i + 1 < paragraphs.size() && (paragraphs[i + 1].style == ParagraphStyle::kText ||
                                                             paragraphs[i + 1].style == ParagraphStyle::kListItem);
        if (!has_body) {
          pugi::xml_node bare = Text(target(), "p", p.text);
          Attr(bare, "eId", p.id);
          Attr(bare, "class", "subheading");
          break;
        }
        tblock = target().append_child("tblock");
        Attr(tblock, "eId", p.id + "__tblock");
        Attr(Text(tblock, "heading", p.text), "eId", p.id);
        break;
      }
      case ParagraphStyle::kTitle:
      case ParagraphStyle::kText: {
        pugi::xml_node para = Text(target(), "p", p.text);
        Attr(para, "eId", p.id);
        if (p.style == ParagraphStyle::kTitle) Attr(para, "class", "title");
        break;
      }
      case ParagraphStyle::kListItem: {
        if (!list) {
          list = target().append_child("blockList");
          Attr(list, "eId", p.id + "__list");
        }
        pugi::xml_node item = list.append_child("item");
        Attr(item, "eId", p.id + "__item");
        Attr(Text(item, "p", p.text), "eId", p.id);
        break;
      }
    }
  }
  // mainBody needs at least one child.
  if (body.first_child().empty()) body.append_child("p");
  return internal::XmlBytes(xml, internal::XmlStandalone::kNo, internal::XmlIndent::kYes);
}

}  // namespace chancery::render
