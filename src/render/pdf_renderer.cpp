// RenderPdf: cairo draws, pango shapes and breaks lines. Pages are ours to make: every paragraph
// is laid out once at the body's width, its lines are measured, the lines are dealt out to pages
// (paginate), and only then is anything drawn, so that the footer can say "N / M".
#include <string>
#include <utility>
#include <vector>

#include "render/common.hpp"
#include "render/pdf_layout.hpp"
#include "render/render.hpp"

namespace chancery::render {
namespace {

using namespace internal;  // NOLINT: pdf_layout.hpp is this renderer's toolkit

// The margins of Russian and Kazakh official papers (GOST R 7.0.97-2016 §5.7: top and bottom
// 2 cm, left 3 cm, right 1.5 cm) and 12 pt, the usual settings of such papers in Word: with
// them the seed's minutes come out on 8 pages, the count Note Verbale № 17-1/435 gives for its
// enclosure (11 pt on 2 cm margins gave 7; 12 pt on 2 cm margins gives 8 with a shorter last
// page; 1.15 line spacing gives 9).
constexpr PageFrame kFrame{2 * kPointsPerCm, 1.5 * kPointsPerCm, 2 * kPointsPerCm, 3 * kPointsPerCm};
constexpr double kSize = 12;
constexpr double kDashIndent = 0.5 * kPointsPerCm;  // where a list item's dash stands
constexpr double kListIndent = 1.0 * kPointsPerCm;  // where a list item's text starts

}  // namespace

core::Result<PdfFile> RenderPdfFile(const core::DocumentContent& content, const RenderOptions& options) {
  if (auto valid = core::ValidateContent(content); !valid) return valid.error();

  auto opened = PdfCanvas::Open();
  if (!opened) return opened.error();
  PdfCanvas& canvas = **opened;
  canvas.SetMetadata(internal::MetadataTitle(content), options.organisation, options.symbol, options.date);
  cairo_t* cr = canvas.cr();
  PangoContext* context = canvas.context();

  const FontDescriptionPtr regular = Font(kSize);
  const FontDescriptionPtr bold = Font(kSize, PANGO_WEIGHT_BOLD);
  const FontDescriptionPtr italic = Font(kSize, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC);
  const FontDescriptionPtr title_font = Font(kSize, PANGO_WEIGHT_BOLD);
  const FontDescriptionPtr small = Font(9);
  const FontDescriptionPtr small_italic = Font(9, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC);

  const double left = kFrame.left;
  const double width = kFrame.Width();
  const Style head_left{.font = bold.get(), .x = left, .width = width, .space_after = 0};
  const Style head_right{.font = regular.get(), .align = PANGO_ALIGN_RIGHT, .x = left, .width = width, .space_after = 0};
  const Style title_style{.font = title_font.get(), .align = PANGO_ALIGN_CENTER, .x = left, .width = width,
                          .space_before = 18, .space_after = 12, .keep_with_next = true};
  const Style text_style{.font = regular.get(), .justify = true, .x = left, .width = width};
  const Style item_style{.font = bold.get(), .x = left, .width = width, .space_before = 12, .keep_with_next = true};
  const Style subheading_style{.font = italic.get(), .x = left, .width = width, .space_before = 6,
                               .keep_with_next = true};
  const Style list_style{.font = regular.get(), .justify = true, .x = left + kListIndent,
                         .width = width - kListIndent, .space_after = 3};

  std::vector<Block> blocks;
  if (!options.organisation.empty()) blocks.push_back(MakeBlock(context, options.organisation, head_left));
  if (!options.symbol.empty()) blocks.push_back(MakeBlock(context, options.symbol, head_right));
  if (!options.date_line.empty()) blocks.push_back(MakeBlock(context, options.date_line, head_right));
  if (!internal::HasTitleParagraphs(content) && !content.title.empty()) {
    blocks.push_back(MakeBlock(context, content.title, title_style));
  }
  for (const core::Paragraph& p : content.paragraphs) {
    using core::ParagraphStyle;
    switch (p.style) {
      case ParagraphStyle::kTitle: blocks.push_back(MakeBlock(context, p.text, title_style)); break;
      case ParagraphStyle::kText: blocks.push_back(MakeBlock(context, p.text, text_style)); break;
      case ParagraphStyle::kItemHeading:
        blocks.push_back(MakeBlock(context, internal::ItemHeadingText(p), item_style));
        break;
      case ParagraphStyle::kSubheading: blocks.push_back(MakeBlock(context, p.text, subheading_style)); break;
      case ParagraphStyle::kListItem:
        blocks.push_back(MakeBlock(context, p.text, list_style));
        blocks.back().dash = MakeLayout(context, "–", regular.get(), kListIndent, PANGO_ALIGN_LEFT, false);
        blocks.back().dash_x = left + kDashIndent;
        break;
    }
  }
  // The last item of a list keeps a paragraph's space after it.
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].dash && (i + 1 == blocks.size() || !blocks[i + 1].dash)) blocks[i].space_after = text_style.space_after;
  }

  const std::vector<Page> pages = Paginate(blocks, kFrame.Height());
  for (std::size_t k = 0; k < pages.size(); ++k) {
    if (!options.header.empty()) {
      DrawCentred(cr, context, options.header, small_italic.get(), left, width, kFrame.top / 2 - 6);
    }
    for (const Slice& s : pages[k]) DrawBlockLines(cr, blocks[s.block], s, kFrame.top);
    const std::string number = std::to_string(k + 1) + " / " + std::to_string(pages.size());
    DrawCentred(cr, context, number, small.get(), left, width, kA4Height - kFrame.bottom / 2 - 6);
    cairo_show_page(cr);
  }

  auto bytes = canvas.Finish();
  if (!bytes) return bytes.error();
  return PdfFile{std::move(*bytes), static_cast<int>(pages.size())};
}

core::Result<std::string> RenderPdf(const core::DocumentContent& content, const RenderOptions& options) {
  auto file = RenderPdfFile(content, options);
  if (!file) return file.error();
  return std::move(file->bytes);
}

}  // namespace chancery::render
