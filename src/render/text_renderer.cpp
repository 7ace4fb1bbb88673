// RenderText: the seed's plain-text layout, for `--format txt`. The codec's seed-layout writer
// is the one that round-trips imports; this one only has to read well.
#include <string>

#include "render/common.hpp"
#include "render/render.hpp"

namespace chancery::render {

core::Result<std::string> RenderText(const core::DocumentContent& content, const RenderOptions& options) {
  if (auto valid = core::ValidateContent(content); !valid) return valid.error();

  std::string out;
  bool head = false;
  for (const std::string* line : {&options.organisation, &options.symbol, &options.date_line}) {
    if (line->empty()) continue;
    out += *line + "\n";
    head = true;
  }
  if (head) out += "\n";
  if (!internal::HasTitleParagraphs(content) && !content.title.empty()) out += content.title + "\n\n";

  using core::ParagraphStyle;
  for (std::size_t i = 0; i < content.paragraphs.size(); ++i) {
    const core::Paragraph& p = content.paragraphs[i];
    switch (p.style) {
      case ParagraphStyle::kTitle:
      case ParagraphStyle::kText: out += p.text; break;
      case ParagraphStyle::kItemHeading: out += internal::ItemHeadingText(p); break;
      case ParagraphStyle::kSubheading:
      case ParagraphStyle::kListItem: out += "- " + p.text; break;
    }
    out += "\n";
    const bool list_goes_on = p.style == ParagraphStyle::kListItem && i + 1 < content.paragraphs.size() &&
                              content.paragraphs[i + 1].style == ParagraphStyle::kListItem;
    if (!list_goes_on) out += "\n";
  }
  // One newline at the end, not a blank line.
  while (out.size() >= 2 && out.ends_with("\n\n")) out.pop_back();
  return out;
}

}  // namespace chancery::render
