#include "render/pdf_layout.hpp"

#include <algorithm>

#include "render/common.hpp"

namespace chancery::render::internal {
namespace {

double Points(int pango_units) { return static_cast<double>(pango_units) / PANGO_SCALE; }
int PangoUnits(double points) { return static_cast<int>(points * PANGO_SCALE); }

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

FontDescriptionPtr Font(double size, PangoWeight weight, PangoStyle style) {
  FontDescriptionPtr font(pango_font_description_new());
  pango_font_description_set_family(font.get(), kSerifFamily);
  pango_font_description_set_size(font.get(), PangoUnits(size));
  pango_font_description_set_weight(font.get(), weight);
  pango_font_description_set_style(font.get(), style);
  return font;
}

LayoutPtr MakeLayout(PangoContext* context, const std::string& text, const PangoFontDescription* font, double width,
                     PangoAlignment align, bool justify, double line_spacing) {
  LayoutPtr layout(pango_layout_new(context));
  pango_layout_set_font_description(layout.get(), font);
  pango_layout_set_width(layout.get(), PangoUnits(width));
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);  // words break only if one is wider than a line
  pango_layout_set_alignment(layout.get(), align);
  pango_layout_set_justify(layout.get(), justify);
  if (line_spacing > 0) pango_layout_set_line_spacing(layout.get(), static_cast<float>(line_spacing));
  pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
  return layout;
}

Block MakeBlock(PangoContext* context, const std::string& text, const Style& style) {
  Block block;
  block.layout = MakeLayout(context, text, style.font, style.width, style.align, style.justify, style.line_spacing);
  if (style.indent != 0) pango_layout_set_indent(block.layout.get(), PangoUnits(style.indent));
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

std::vector<Page> Paginate(const std::vector<Block>& blocks, double height) {
  std::vector<Page> pages(1);
  double y = 0;  // below the text area's top on the current page
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
      const double available = height - y - gap;
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
          if (need > available && need <= height) {
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

void DrawBlockLines(cairo_t* cr, const Block& b, const Slice& s, double top) {
  for (std::size_t j = s.first; j < s.last; ++j) {
    const double baseline = top + s.y + b.lines[j].baseline - b.lines[s.first].top;
    if (j == 0 && b.dash) {
      cairo_move_to(cr, b.dash_x, baseline);
      pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(b.dash.get(), 0));
    }
    cairo_move_to(cr, b.x + b.lines[j].x, baseline);
    pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(b.layout.get(), static_cast<int>(j)));
  }
}

void DrawCentred(cairo_t* cr, PangoContext* context, const std::string& text, const PangoFontDescription* font,
                 double x, double width, double y) {
  LayoutPtr layout = MakeLayout(context, text, font, width, PANGO_ALIGN_CENTER, false);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout.get());
}

core::Result<std::unique_ptr<PdfCanvas>> PdfCanvas::Open() {
  std::unique_ptr<PdfCanvas> canvas(new PdfCanvas());
  canvas->surface_ = cairo_pdf_surface_create_for_stream(AppendToString, &canvas->bytes_, kA4Width, kA4Height);
  canvas->cr_ = cairo_create(canvas->surface_);
  canvas->context_ = pango_cairo_create_context(canvas->cr_);
  pango_cairo_context_set_resolution(canvas->context_, 72);
  cairo_font_options_t* font_options = cairo_font_options_create();
  cairo_font_options_set_hint_style(font_options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(font_options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options(canvas->context_, font_options);
  cairo_font_options_destroy(font_options);

  const FontDescriptionPtr regular = Font(11);
  PangoFont* font = pango_context_load_font(canvas->context_, regular.get());
  FontDescriptionPtr found(font ? pango_font_describe(font) : nullptr);
  if (font) g_object_unref(font);
  const char* family = found ? pango_font_description_get_family(found.get()) : nullptr;
  if (family == nullptr || g_ascii_strcasecmp(family, kSerifFamily) != 0) {
    return core::Error::Unavailable(std::string("font \"") + kSerifFamily +
                                    "\" is not installed (Debian: fonts-noto-core); fontconfig offers \"" +
                                    (family ? family : "nothing") + "\"");
  }
  return canvas;
}

PdfCanvas::~PdfCanvas() {
  if (context_) g_object_unref(context_);
  if (cr_) cairo_destroy(cr_);
  if (surface_) cairo_surface_destroy(surface_);
}

void PdfCanvas::SetMetadata(const std::string& title, const std::string& author, const std::string& subject,
                            const std::string& date) {
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "chancery");
  if (!author.empty()) cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_AUTHOR, author.c_str());
  if (!subject.empty()) cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_SUBJECT, subject.c_str());
  if (IsIsoDate(date)) {
    const std::string when = date + "T00:00:00Z";
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATE_DATE, when.c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_MOD_DATE, when.c_str());
  }
}

core::Result<std::string> PdfCanvas::Finish() {
  g_object_unref(context_);
  context_ = nullptr;
  cairo_destroy(cr_);
  cr_ = nullptr;
  cairo_surface_finish(surface_);
  const cairo_status_t status = cairo_surface_status(surface_);
  if (status != CAIRO_STATUS_SUCCESS) return core::Error::Internal(std::string("cairo: ") + cairo_status_to_string(status));
  return std::move(bytes_);
}

}  // namespace chancery::render::internal
