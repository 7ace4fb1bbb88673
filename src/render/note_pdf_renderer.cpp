// RenderNotePdf: each language version of a note laid out on A4 with the tools of
// pdf_layout.hpp: the letterhead over a rule, then the blocks in the template's order.
#include <string>
#include <utility>
#include <vector>

#include "render/common.hpp"
#include "render/note_render.hpp"
#include "render/pdf_layout.hpp"

namespace chancery::render {
namespace {

using namespace internal;  // NOLINT: pdf_layout.hpp is this renderer's toolkit

// GOST R 7.0.97-2016 §5.7 margins (left 3 cm, right 1.5 cm, top and bottom 2 cm), which
// Kazakhstan's and Russia's official papers share, and its 1.25 cm paragraph indent.
constexpr PageFrame kFrame{2 * kPointsPerCm, 1.5 * kPointsPerCm, 2 * kPointsPerCm, 3 * kPointsPerCm};
constexpr double kParagraphIndent = 1.25 * kPointsPerCm;
constexpr double kSize = 12;
constexpr double kRuleGap = 6;  // between the letterhead's last line and its rule

struct Fonts {
  FontDescriptionPtr regular = Font(kSize);
  FontDescriptionPtr bold = Font(kSize, PANGO_WEIGHT_BOLD);
  FontDescriptionPtr italic = Font(kSize, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC);
  FontDescriptionPtr small = Font(9);
};

Style StyleFor(core::NoteBlockRole role, const Fonts& fonts) {
  const Style base{.font = fonts.regular.get(), .x = kFrame.left, .width = kFrame.Width()};
  Style s = base;
  switch (role) {
    case core::NoteBlockRole::kLetterhead:
      s.font = fonts.bold.get();
      s.align = PANGO_ALIGN_CENTER;
      s.space_after = 6;
      s.keep_with_next = true;
      break;
    case core::NoteBlockRole::kNumber:
      s.space_before = 18;
      s.space_after = 18;
      break;
    case core::NoteBlockRole::kText:
      s.justify = true;
      s.indent = kParagraphIndent;
      s.space_after = 8;
      break;
    case core::NoteBlockRole::kEnclosure:
      s.font = fonts.italic.get();
      s.space_before = 8;
      s.space_after = 8;
      break;
    case core::NoteBlockRole::kPlaceDate: s.space_before = 18; break;
    case core::NoteBlockRole::kAddressee:
      s.font = fonts.bold.get();
      s.space_before = 30;
      break;
  }
  return s;
}

// One version's blocks and the pages they fill.
struct Version {
  std::vector<Block> blocks;
  std::vector<core::NoteBlockRole> roles;
  std::vector<Page> pages;
};

// The last of a run of letterhead blocks carries the rule under it.
bool RuleUnder(const Version& v, std::size_t i) {
  return v.roles[i] == core::NoteBlockRole::kLetterhead &&
         (i + 1 == v.roles.size() || v.roles[i + 1] != core::NoteBlockRole::kLetterhead);
}

}  // namespace

core::Result<PdfFile> RenderNotePdf(const std::vector<core::ExpandedNote>& versions, const NoteRenderOptions& options) {
  if (auto valid = ValidateNoteVersions(versions); !valid) return valid.error();
  auto opened = PdfCanvas::Open();
  if (!opened) return opened.error();
  PdfCanvas& canvas = **opened;
  canvas.SetMetadata(versions.front().title, options.author, "", options.date);
  cairo_t* cr = canvas.cr();
  PangoContext* context = canvas.context();
  const Fonts fonts;

  std::vector<Version> laid_out(versions.size());
  for (std::size_t v = 0; v < versions.size(); ++v) {
    Version& version = laid_out[v];
    for (const core::NoteBlock& block : versions[v].blocks) {
      version.blocks.push_back(MakeBlock(context, block.text, StyleFor(block.role, fonts)));
      version.roles.push_back(block.role);
    }
    for (std::size_t i = 0; i < version.blocks.size(); ++i) {
      if (RuleUnder(version, i)) version.blocks[i].space_after += 2 * kRuleGap;
    }
    version.pages = Paginate(version.blocks, kFrame.Height());
  }

  int total = 0;
  for (const Version& version : laid_out) {
    const std::size_t count = version.pages.size();
    for (std::size_t k = 0; k < count; ++k) {
      for (const Slice& s : version.pages[k]) {
        const Block& b = version.blocks[s.block];
        DrawBlockLines(cr, b, s, kFrame.top);
        if (RuleUnder(version, s.block) && s.last == b.lines.size()) {
          const double y = kFrame.top + s.y + b.Span(s.first, s.last) + kRuleGap;
          cairo_set_line_width(cr, 0.75);
          cairo_move_to(cr, kFrame.left, y);
          cairo_line_to(cr, kFrame.left + kFrame.Width(), y);
          cairo_stroke(cr);
        }
      }
      if (count > 1) {
        const std::string number = std::to_string(k + 1) + " / " + std::to_string(count);
        DrawCentred(cr, context, number, fonts.small.get(), kFrame.left, kFrame.Width(),
                    kA4Height - kFrame.bottom / 2 - 6);
      }
      cairo_show_page(cr);
      ++total;
    }
  }

  auto bytes = canvas.Finish();
  if (!bytes) return bytes.error();
  return PdfFile{std::move(*bytes), total};
}

}  // namespace chancery::render
