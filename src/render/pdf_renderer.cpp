// RenderPdf: cairo draws, pango shapes and breaks lines. Pages are ours to make: every paragraph
// is laid out once at the body's width, its lines are measured, the lines are dealt out to pages
// (paginate), and only then is anything drawn, so that the footer can say "N / M".
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "render/common.hpp"
#include "render/render.hpp"

namespace chancery::render {
namespace {

// A4 in points (cairo's PDF unit), 2 cm margins.
constexpr double kPageWidth = 595.28;
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 56.69;
constexpr double kBodyWidth = kPageWidth - 2 * kMargin;
constexpr double kBodyHeight = kPageHeight - 2 * kMargin;
constexpr double kDashIndent = 14.17;  // 0.5 cm: where a list item's dash stands
constexpr double kListIndent = 28.35;  // 1 cm: where a list item's text starts
constexpr char kFamily[] = "Noto Serif";

struct GObjectUnref {
  void operator()(void* object) const { g_object_unref(object); }
};
struct SurfaceDestroy {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoDestroy {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
struct FontDescriptionFree {
  void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectUnref>;
using ContextPtr = std::unique_ptr<PangoContext, GObjectUnref>;
using FontPtr = std::unique_ptr<PangoFont, GObjectUnref>;
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDestroy>;
using CairoPtr = std::unique_ptr<cairo_t, CairoDestroy>;
using FontDescriptionPtr = std::unique_ptr<PangoFontDescription, FontDescriptionFree>;

double Points(int pango_units) { return static_cast<double>(pango_units) / PANGO_SCALE; }
int PangoUnits(double points) { return static_cast<int>(points * PANGO_SCALE); }

FontDescriptionPtr Font(double size, PangoWeight weight = PANGO_WEIGHT_NORMAL, PangoStyle style = PANGO_STYLE_NORMAL) {
  FontDescriptionPtr font(pango_font_description_new());
  pango_font_description_set_family(font.get(), kFamily);
  pango_font_description_set_size(font.get(), PangoUnits(size));
  pango_font_description_set_weight(font.get(), weight);
  pango_font_description_set_style(font.get(), style);
  return font;
}

// One line of a laid-out paragraph, in points relative to the layout's top-left corner.
struct Line {
  double top;
  double height;
  double baseline;
  double x;  // the alignment's offset
};

// A paragraph, laid out and measured.
struct Block {
  LayoutPtr layout;
  LayoutPtr dash;  // list items: drawn beside the first line
  double x = kMargin;
  double space_before = 0;
  double space_after = 0;
  bool keep_with_next = false;  // headings stay on the page of what they head
  std::vector<Line> lines;

  // The height of lines [first, last).
  double Span(std::size_t first, std::size_t last) const {
    return lines[last - 1].top + lines[last - 1].height - lines[first].top;
  }
};

// Lines [first, last) of a block, with the top of the first at y below the body's top.
struct Slice {
  std::size_t block;
  std::size_t first;
  std::size_t last;
  double y;
};
using Page = std::vector<Slice>;

struct Style {
  const PangoFontDescription* font;
  PangoAlignment align = PANGO_ALIGN_LEFT;
  bool justify = false;
  double x = kMargin;
  double width = kBodyWidth;
  double space_before = 0;
  double space_after = 6;
  bool keep_with_next = false;
};

LayoutPtr MakeLayout(PangoContext* context, const std::string& text, const PangoFontDescription* font,
                     double width, PangoAlignment align, bool justify) {
  LayoutPtr layout(pango_layout_new(context));
  pango_layout_set_font_description(layout.get(), font);
  pango_layout_set_width(layout.get(), PangoUnits(width));
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);  // words break only if one is wider than a line
  pango_layout_set_alignment(layout.get(), align);
  pango_layout_set_justify(layout.get(), justify);
  pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
  return layout;
}

Block MakeBlock(PangoContext* context, const std::string& text, const Style& style) {
  Block block;
  block.layout = MakeLayout(context, text, style.font, style.width, style.align, style.justify);
  block.x = style.x;
  block.space_before = style.space_before;
  block.space_after = style.space_after;
  block.keep_with_next = style.keep_with_next;
  PangoLayoutIter* it = pango_layout_get_iter(block.layout.get());
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, nullptr, &logical);
    block.lines.push_back({Points(logical.y), Points(logical.height), Points(pango_layout_iter_get_baseline(it)),
                           Points(logical.x)});
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  return block;
}

// Deals the blocks' lines out to pages. A block that does not fit is split between lines, but
// never so that one line of it stands alone at the foot or the head of a page; a heading (a
// chain of keep_with_next blocks) moves to the next page unless the first two lines of what
// follows fit under it.
std::vector<Page> Paginate(const std::vector<Block>& blocks) {
  std::vector<Page> pages(1);
  double y = 0;  // below the body's top on the current page
  double previous_space_after = 0;
  auto new_page = [&] {
    pages.emplace_back();
    y = 0;
  };
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    const std::size_t n = b.lines.size();
    std::size_t first = 0;
    while (first < n) {
      const bool page_empty = pages.back().empty();
      const double gap = page_empty ? 0 : std::max(previous_space_after, first == 0 ? b.space_before : 0);
      const double available = kBodyHeight - y - gap;
      std::size_t fit = first;
      while (fit < n && b.Span(first, fit + 1) <= available + 0.01) ++fit;

      if (fit == n) {
        if (b.keep_with_next && !page_empty && first == 0) {
          double need = b.Span(0, n);
          for (std::size_t k = i; blocks[k].keep_with_next && k + 1 < blocks.size(); ++k) {
            const Block& next = blocks[k + 1];
            need += std::max(blocks[k].space_after, next.space_before);
            need += next.keep_with_next ? next.Span(0, next.lines.size())
                                        : next.Span(0, std::min<std::size_t>(2, next.lines.size()));
          }
          if (need > available && need <= kBodyHeight) {
            new_page();
            continue;
          }
        }
        pages.back().push_back({i, first, n, y + gap});
        y += gap + b.Span(first, n);
        previous_space_after = b.space_after;
        break;
      }

      std::size_t take = fit - first;
      if (first == 0 && take < 2) take = 0;               // no single first line at the foot
      if (n - (first + take) < 2) take = n - first >= 2 ? n - first - 2 : 0;  // nor a last line at the head
      if (first == 0 && take < 2) take = 0;
      if (take == 0) {
        if (!page_empty) {
          new_page();
          continue;
        }
        take = std::max<std::size_t>(fit - first, 1);  // a page of one paragraph: the rules give way
      }
      pages.back().push_back({i, first, first + take, y + gap});
      first += take;
      new_page();
    }
  }
  if (pages.size() > 1 && pages.back().empty()) pages.pop_back();
  return pages;
}

void DrawBlockLines(cairo_t* cr, const Block& b, const Slice& s) {
  for (std::size_t j = s.first; j < s.last; ++j) {
    const double baseline = kMargin + s.y + b.lines[j].baseline - b.lines[s.first].top;
    if (j == 0 && b.dash) {
      cairo_move_to(cr, kMargin + kDashIndent, baseline);
      pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(b.dash.get(), 0));
    }
    cairo_move_to(cr, b.x + b.lines[j].x, baseline);
    pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(b.layout.get(), static_cast<int>(j)));
  }
}

// A one-line layout centred on the page, its top at y.
void DrawCentred(cairo_t* cr, PangoContext* context, const std::string& text, const PangoFontDescription* font,
                 double y) {
  LayoutPtr layout = MakeLayout(context, text, font, kBodyWidth, PANGO_ALIGN_CENTER, false);
  cairo_move_to(cr, kMargin, y);
  pango_cairo_show_layout(cr, layout.get());
}

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

core::Result<std::string> RenderPdf(const core::DocumentContent& content, const RenderOptions& options) {
  if (auto valid = core::ValidateContent(content); !valid) return valid.error();

  std::string pdf;
  SurfacePtr surface(cairo_pdf_surface_create_for_stream(AppendToString, &pdf, kPageWidth, kPageHeight));
  const std::string title = internal::MetadataTitle(content);
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "chancery");
  if (!options.organisation.empty()) {
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_AUTHOR, options.organisation.c_str());
  }
  if (!options.symbol.empty()) {
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_SUBJECT, options.symbol.c_str());
  }
  if (internal::IsIsoDate(options.date)) {
    const std::string date = options.date + "T00:00:00Z";
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
  }
  CairoPtr cr(cairo_create(surface.get()));

  // Points, not pixels: pango's default 96 dpi would print 11 pt as 14.7.
  ContextPtr context(pango_cairo_create_context(cr.get()));
  pango_cairo_context_set_resolution(context.get(), 72);
  cairo_font_options_t* font_options = cairo_font_options_create();
  cairo_font_options_set_hint_style(font_options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(font_options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options(context.get(), font_options);
  cairo_font_options_destroy(font_options);

  const FontDescriptionPtr regular = Font(11);
  {
    FontPtr font(pango_context_load_font(context.get(), regular.get()));
    FontDescriptionPtr found(font ? pango_font_describe(font.get()) : nullptr);
    const char* family = found ? pango_font_description_get_family(found.get()) : nullptr;
    if (family == nullptr || g_ascii_strcasecmp(family, kFamily) != 0) {
      return core::Error::Unavailable(std::string("font \"") + kFamily +
                                      "\" is not installed (Debian: fonts-noto-core); fontconfig offers \"" +
                                      (family ? family : "nothing") + "\"");
    }
  }
  const FontDescriptionPtr bold = Font(11, PANGO_WEIGHT_BOLD);
  const FontDescriptionPtr italic = Font(11, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC);
  const FontDescriptionPtr title_font = Font(12, PANGO_WEIGHT_BOLD);
  const FontDescriptionPtr small = Font(9);
  const FontDescriptionPtr small_italic = Font(9, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC);

  const Style head_left{.font = bold.get(), .space_after = 0};
  const Style head_right{.font = regular.get(), .align = PANGO_ALIGN_RIGHT, .space_after = 0};
  const Style title_style{.font = title_font.get(), .align = PANGO_ALIGN_CENTER, .space_before = 18,
                          .space_after = 12, .keep_with_next = true};
  const Style text_style{.font = regular.get(), .justify = true};
  const Style item_style{.font = bold.get(), .space_before = 12, .keep_with_next = true};
  const Style subheading_style{.font = italic.get(), .space_before = 6, .keep_with_next = true};
  const Style list_style{.font = regular.get(), .justify = true, .x = kMargin + kListIndent,
                         .width = kBodyWidth - kListIndent, .space_after = 3};

  std::vector<Block> blocks;
  if (!options.organisation.empty()) blocks.push_back(MakeBlock(context.get(), options.organisation, head_left));
  if (!options.symbol.empty()) blocks.push_back(MakeBlock(context.get(), options.symbol, head_right));
  if (!options.date_line.empty()) blocks.push_back(MakeBlock(context.get(), options.date_line, head_right));
  if (!internal::HasTitleParagraphs(content) && !content.title.empty()) {
    blocks.push_back(MakeBlock(context.get(), content.title, title_style));
  }
  for (const core::Paragraph& p : content.paragraphs) {
    using core::ParagraphStyle;
    switch (p.style) {
      case ParagraphStyle::kTitle: blocks.push_back(MakeBlock(context.get(), p.text, title_style)); break;
      case ParagraphStyle::kText: blocks.push_back(MakeBlock(context.get(), p.text, text_style)); break;
      case ParagraphStyle::kItemHeading:
        blocks.push_back(MakeBlock(context.get(), internal::ItemHeadingText(p), item_style));
        break;
      case ParagraphStyle::kSubheading: blocks.push_back(MakeBlock(context.get(), p.text, subheading_style)); break;
      case ParagraphStyle::kListItem:
        blocks.push_back(MakeBlock(context.get(), p.text, list_style));
        blocks.back().dash = MakeLayout(context.get(), "–", regular.get(), kListIndent, PANGO_ALIGN_LEFT, false);
        break;
    }
  }
  // The last item of a list keeps a paragraph's space after it.
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].dash && (i + 1 == blocks.size() || !blocks[i + 1].dash)) blocks[i].space_after = text_style.space_after;
  }

  const std::vector<Page> pages = Paginate(blocks);
  for (std::size_t k = 0; k < pages.size(); ++k) {
    if (!options.header.empty()) DrawCentred(cr.get(), context.get(), options.header, small_italic.get(), kMargin / 2 - 6);
    for (const Slice& s : pages[k]) DrawBlockLines(cr.get(), blocks[s.block], s);
    const std::string number = std::to_string(k + 1) + " / " + std::to_string(pages.size());
    DrawCentred(cr.get(), context.get(), number, small.get(), kPageHeight - kMargin / 2 - 6);
    cairo_show_page(cr.get());
  }

  cr.reset();
  cairo_surface_finish(surface.get());
  if (cairo_status_t status = cairo_surface_status(surface.get()); status != CAIRO_STATUS_SUCCESS) {
    return core::Error::Internal(std::string("cairo: ") + cairo_status_to_string(status));
  }
  return pdf;
}

}  // namespace chancery::render
