#pragma once
// What the PDF renderers share (documents in pdf_renderer.cpp, notes in note_pdf_renderer.cpp):
// an A4 cairo surface writing into a string with a pango context in points, paragraphs laid
// out once and measured line by line, our own page breaking, and drawing line by line.
// Internal to src/render.
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace chancery::render::internal {

// A4 in points (cairo's PDF unit).
constexpr double kA4Width = 595.28;
constexpr double kA4Height = 841.89;
constexpr double kPointsPerCm = 28.3465;
constexpr char kSerifFamily[] = "Noto Serif";

// The text area of a page, in points from the page's edges.
struct PageFrame {
  double top;
  double right;
  double bottom;
  double left;
  double Width() const { return kA4Width - left - right; }
  double Height() const { return kA4Height - top - bottom; }
};

struct GObjectUnref {
  void operator()(void* object) const { g_object_unref(object); }
};
struct FontDescriptionFree {
  void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectUnref>;
using FontDescriptionPtr = std::unique_ptr<PangoFontDescription, FontDescriptionFree>;

FontDescriptionPtr Font(double size, PangoWeight weight = PANGO_WEIGHT_NORMAL, PangoStyle style = PANGO_STYLE_NORMAL);

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
  LayoutPtr dash;       // list items: drawn at dash_x beside the first line
  double dash_x = 0;
  double x = 0;         // from the page's left edge
  double space_before = 0;
  double space_after = 0;
  bool keep_with_next = false;  // headings stay on the page of what they head
  std::vector<Line> lines;

  // The height of lines [first, last).
  double Span(std::size_t first, std::size_t last) const {
    return lines[last - 1].top + lines[last - 1].height - lines[first].top;
  }
};

// Lines [first, last) of a block, with the top of the first at y below the text area's top.
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
  double x = 0;      // from the page's left edge
  double width = 0;
  double space_before = 0;
  double space_after = 6;
  bool keep_with_next = false;
  double line_spacing = 0;  // a factor of the font's height between baselines; 0 is the font's own
  double indent = 0;        // of the first line, in points
};

LayoutPtr MakeLayout(PangoContext* context, const std::string& text, const PangoFontDescription* font, double width,
                     PangoAlignment align, bool justify, double line_spacing = 0);
Block MakeBlock(PangoContext* context, const std::string& text, const Style& style);

// Deals the blocks' lines out to pages of `height` points. A block that does not fit is split
// between lines, but never so that one line of it stands alone at the foot or the head of a
// page; a heading (a chain of keep_with_next blocks) moves to the next page unless the first
// two lines of what follows fit under it.
std::vector<Page> Paginate(const std::vector<Block>& blocks, double height);

// Draws a slice's lines, the text area's top at `top` points from the page's top.
void DrawBlockLines(cairo_t* cr, const Block& b, const Slice& s, double top);

// A one-line layout centred between x and x + width, its top at y.
void DrawCentred(cairo_t* cr, PangoContext* context, const std::string& text, const PangoFontDescription* font,
                 double x, double width, double y);

// An A4 PDF written into a string, with a pango context in points (72 dpi: pango's default 96
// would print 11 pt as 14.7) and unhinted metrics, so that line breaks do not depend on a
// screen. Open fails with kUnavailable when fontconfig has no "Noto Serif" (Debian:
// fonts-noto-core): pango would otherwise fall back to another font silently.
class PdfCanvas {
 public:
  static core::Result<std::unique_ptr<PdfCanvas>> Open();
  ~PdfCanvas();
  PdfCanvas(const PdfCanvas&) = delete;
  PdfCanvas& operator=(const PdfCanvas&) = delete;

  cairo_t* cr() const { return cr_; }
  PangoContext* context() const { return context_; }
  // Title, author, subject and creator "chancery"; empty ones are left out. With an ISO
  // `date` the creation and modification dates are that day, so the bytes are reproducible.
  void SetMetadata(const std::string& title, const std::string& author, const std::string& subject,
                   const std::string& date);
  // Ends the document and hands over its bytes; kInternal if cairo failed on the way.
  core::Result<std::string> Finish();

 private:
  PdfCanvas() = default;
  std::string bytes_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  PangoContext* context_ = nullptr;
};

}  // namespace chancery::render::internal
