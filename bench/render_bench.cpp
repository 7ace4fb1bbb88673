// render_bench: renders the minutes of the seed (tests/data/seed-soc-2021-06-23.txt) to PDF N
// times and prints the timings; also writes minutes.pdf and minutes.docx for
// bench/render_vs_libreoffice.sh to hand to LibreOffice.
//
// Usage: render_bench SEED.txt OUT_DIR [N=20]
// Output: "key value" lines (paragraphs, pages, pdf_bytes, first_ms, median_ms, min_ms, max_ms).
//
// The seed is split crudely, which is enough for timing: the minutes start at the "**MINUTES"
// block; blocks are separated by blank lines; "N. …" is an item heading, a one-line "- …" a
// subheading, a block of "- …" lines a list, the first bold block the title, the rest text.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "render/render.hpp"

namespace {

using chancery::core::DocumentContent;
using chancery::core::ParagraphStyle;

std::string Strip(std::string text) {
  std::string out;
  for (char c : text) {
    if (c != '*') out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<std::vector<std::string>> Blocks(std::istream& in) {
  std::vector<std::vector<std::string>> blocks(1);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (!blocks.back().empty()) blocks.emplace_back();
    } else {
      blocks.back().push_back(line);
    }
  }
  if (blocks.back().empty()) blocks.pop_back();
  return blocks;
}

DocumentContent Minutes(const std::string& seed_path) {
  std::ifstream in(seed_path);
  if (!in) {
    std::cerr << "cannot read " << seed_path << "\n";
    std::exit(2);
  }
  DocumentContent c;
  c.lang = "en";
  bool started = false;
  int item = 0;
  auto add = [&](ParagraphStyle style, const std::string& text) {
    c.paragraphs.push_back({"p" + std::to_string(c.paragraphs.size() + 1), style, text, item, false});
  };
  for (const auto& block : Blocks(in)) {
    if (!started) {
      started = block.front().starts_with("**MINUTES");
      if (!started) continue;
      std::string title;
      for (const auto& line : block) title += (title.empty() ? "" : " ") + Strip(line);
      c.title = title;
      add(ParagraphStyle::kTitle, title);
      continue;
    }
    const std::string& first = block.front();
    if (block.size() == 1 && !first.empty() && std::isdigit(static_cast<unsigned char>(first[0])) &&
        first.find(". ") != std::string::npos && first.find(". ") <= 3) {
      item = std::atoi(first.c_str());
      add(ParagraphStyle::kItemHeading, Strip(first.substr(first.find(". ") + 2)));
    } else if (first.starts_with("- ") && block.size() == 1) {
      add(ParagraphStyle::kSubheading, Strip(first.substr(2)));
    } else if (first.starts_with("- ")) {
      for (const auto& line : block) add(ParagraphStyle::kListItem, Strip(line.substr(line.starts_with("- ") ? 2 : 0)));
    } else {
      std::string text;
      for (const auto& line : block) text += (text.empty() ? "" : " ") + Strip(line);
      add(ParagraphStyle::kText, text);
    }
  }
  return c;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: render_bench SEED.txt OUT_DIR [N=20]\n";
    return 2;
  }
  const std::string out_dir = argv[2];
  const int n = argc > 3 ? std::max(1, std::atoi(argv[3])) : 20;
  const DocumentContent content = Minutes(argv[1]);
  chancery::render::RenderOptions options;
  options.symbol = "SOC/2021-I/Minutes";
  options.organisation = "Secretariat";
  options.date_line = "Nur-Sultan, 23 June 2021";
  options.date = "2021-06-23";

  using Clock = std::chrono::steady_clock;
  std::vector<double> ms;
  std::string pdf;
  for (int i = 0; i <= n; ++i) {  // run 0 is the first in the process (fontconfig warm-up)
    const auto start = Clock::now();
    auto result = chancery::render::RenderPdf(content, options);
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    if (!result) {
      std::cerr << "RenderPdf: " << result.error().message << "\n";
      return 1;
    }
    pdf = std::move(*result);
  }
  const double first = ms.front();
  ms.erase(ms.begin());
  std::sort(ms.begin(), ms.end());
  const double median = ms.size() % 2 ? ms[ms.size() / 2] : (ms[ms.size() / 2 - 1] + ms[ms.size() / 2]) / 2;

  const auto docx = chancery::render::RenderDocx(content, options);
  if (!docx) {
    std::cerr << "RenderDocx: " << docx.error().message << "\n";
    return 1;
  }
  std::ofstream(out_dir + "/minutes.pdf", std::ios::binary) << pdf;
  std::ofstream(out_dir + "/minutes.docx", std::ios::binary) << *docx;

  std::printf("paragraphs %zu\nruns %d\npdf_bytes %zu\nfirst_ms %.2f\nmedian_ms %.2f\nmin_ms %.2f\nmax_ms %.2f\n",
              content.paragraphs.size(), n, pdf.size(), first, median, ms.front(), ms.back());
  return 0;
}
