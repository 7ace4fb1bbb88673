// render_bench: renders a document to PDF N times and prints the timings; also writes the
// PDF and the equivalent DOCX for bench/render_vs_libreoffice.sh to hand to LibreOffice.
//   minutes: the seed's minutes (tests/data/seed-soc-2021-06-23.txt) → minutes.pdf/.docx
//   note:    Note Verbale № 17-1/435 in English, Russian and Kazakh, made from the default
//            templates (data/templates/notes) with the seed's values → note.pdf/.docx
//
// Usage: render_bench minutes SEED.txt OUT_DIR [N=20]
//        render_bench note TEMPLATES_DIR OUT_DIR [N=20]
// Output: "key value" lines (units, runs, pdf_bytes, first_ms, median_ms, min_ms, max_ms).
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
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "codec/note_template_json.hpp"
#include "core/model/body.hpp"
#include "core/model/note_values.hpp"
#include "platform/icu_format.hpp"
#include "render/note_render.hpp"
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

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "cannot read " << path << "\n";
    std::exit(2);
  }
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// № 17-1/435 of 12 July 2021 in its three languages, with the values the seed shows.
std::vector<chancery::core::ExpandedNote> Note(const std::string& templates) {
  using namespace std::chrono;
  namespace core = chancery::core;
  const chancery::platform::IcuDateFormatter formatter;
  auto addressees = chancery::codec::NoteAddresseesFromJsonText(ReadFile(templates + "/addressees.json"));
  if (!addressees) {
    std::cerr << "addressees.json: " << addressees.error().message << "\n";
    std::exit(2);
  }
  std::vector<core::ExpandedNote> out;
  for (const std::string lang : {"en", "ru", "kk"}) {
    auto t = chancery::codec::NoteTemplateFromJsonText(ReadFile(templates + "/forward_final_minutes." + lang + ".json"));
    if (!t) {
      std::cerr << lang << " template: " << t.error().message << "\n";
      std::exit(2);
    }
    core::NoteValues v;
    v.Set("number", "17-1/435").Set("pages", "8");
    v.Set("place", lang == "en" ? "Nur-Sultan" : lang == "ru" ? "Нур-Султан" : "Нұр-Сұлтан");
    v.SetDate("date", year{2021} / July / 12).SetDate("meeting_date", year{2021} / June / 23);
    v.SetDate("draft_date", year{2021} / June / 25);
    v.Set("body", core::NoteBodyForms(core::BodyOf(core::BodyCode::kSoc), lang));
    for (const auto& a : *addressees) {
      if (a.id == "member_states" && a.lang == lang) v.Set("addressee", a.forms);
    }
    auto note = core::ExpandNote(*t, v.Lookup(formatter, lang));
    if (!note) {
      std::cerr << lang << ": " << note.error().message << "\n";
      std::exit(2);
    }
    out.push_back(std::move(*note));
  }
  return out;
}

// What is timed: one call that makes the PDF; and the DOCX, made once.
struct Subject {
  std::string name;  // the output files' stem
  std::size_t units = 0;  // paragraphs, or language versions
  std::function<chancery::core::Result<std::string>()> pdf;
  std::function<chancery::core::Result<std::string>()> docx;
};

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (argc < 4 || (mode != "minutes" && mode != "note")) {
    std::cerr << "usage: render_bench minutes SEED.txt OUT_DIR [N=20] | render_bench note TEMPLATES_DIR OUT_DIR [N=20]\n";
    return 2;
  }
  const std::string out_dir = argv[3];
  const int n = argc > 4 ? std::max(1, std::atoi(argv[4])) : 20;
  Subject subject;
  DocumentContent content;
  chancery::render::RenderOptions options;
  std::vector<chancery::core::ExpandedNote> note;
  const chancery::render::NoteRenderOptions note_options{"Secretariat", "2021-07-12"};
  if (mode == "minutes") {
    content = Minutes(argv[2]);
    options.symbol = "SOC/2021-I/Minutes";
    options.organisation = "Secretariat";
    options.date_line = "Nur-Sultan, 23 June 2021";
    options.date = "2021-06-23";
    subject = {"minutes", content.paragraphs.size(), [&] { return chancery::render::RenderPdf(content, options); },
               [&] { return chancery::render::RenderDocx(content, options); }};
  } else {
    note = Note(argv[2]);
    subject = {"note", note.size(),
               [&]() -> chancery::core::Result<std::string> {
                 auto pdf = chancery::render::RenderNotePdf(note, note_options);
                 if (!pdf) return pdf.error();
                 return std::move(pdf->bytes);
               },
               [&] { return chancery::render::RenderNoteDocx(note, note_options); }};
  }

  using Clock = std::chrono::steady_clock;
  std::vector<double> ms;
  std::string pdf;
  for (int i = 0; i <= n; ++i) {  // run 0 is the first in the process (fontconfig warm-up)
    const auto start = Clock::now();
    auto result = subject.pdf();
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    if (!result) {
      std::cerr << "PDF: " << result.error().message << "\n";
      return 1;
    }
    pdf = std::move(*result);
  }
  const double first = ms.front();
  ms.erase(ms.begin());
  std::sort(ms.begin(), ms.end());
  const double median = ms.size() % 2 ? ms[ms.size() / 2] : (ms[ms.size() / 2 - 1] + ms[ms.size() / 2]) / 2;

  const auto docx = subject.docx();
  if (!docx) {
    std::cerr << "DOCX: " << docx.error().message << "\n";
    return 1;
  }
  std::ofstream(out_dir + "/" + subject.name + ".pdf", std::ios::binary) << pdf;
  std::ofstream(out_dir + "/" + subject.name + ".docx", std::ios::binary) << *docx;

  std::printf("units %zu\nruns %d\npdf_bytes %zu\nfirst_ms %.2f\nmedian_ms %.2f\nmin_ms %.2f\nmax_ms %.2f\n",
              subject.units, n, pdf.size(), first, median, ms.front(), ms.back());
  return 0;
}
