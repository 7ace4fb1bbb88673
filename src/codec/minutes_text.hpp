#pragma once
// Minutes in the seed's text layout (tests/data/seed-soc-2021-06-23.txt), read into paragraphs
// and written back. The layout, as plain text or the Markdown-ish form the seed uses:
//
//   **MINUTES                                      title lines (bold or not), after anything
//   OF THE SENIOR OFFICIALS COMMITTEE MEETING        before them (a covering Note Verbale)
//   on 23 June 2021 (online format)**
//
//   The meeting of the Senior Officials Committee … introductory paragraphs
//
//   1. Opening of the meeting                      an item heading: "N. title", N = 1, 2, 3, …
//
//   - Comments                                     a subheading ("- **Comments**" alike)
//
//   The Chairperson reported that …                text, one paragraph per block of lines
//
//   - China and Jordan in the priority area …,     list items, after a line ending in ':'
//   - Bangladesh in the priority area …, and
//
// Blank lines separate paragraphs, but the seed also carries blank lines where its pages broke
// mid-sentence ("…the continent's resilience" / "in face of growing challenges…"): a text
// paragraph that starts in lower case, or follows one that ends without a full stop, colon,
// semicolon, '!' or '?', is joined to the one before.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/document.hpp"
#include "core/model/meeting.hpp"
#include "core/result.hpp"

namespace chancery::codec {

// A line the reader skipped because it could not place it: a page number ("- 3 -", "Page 3"),
// stray markup ("**", "---"), an empty bullet, a table row, a line not in English. Numbered
// from 1 in the whole input, Note Verbale included.
struct UnrecognisedLine {
  int line_number = 0;
  std::string text;
  std::string why;
};

// What the title and the introductory paragraphs say about the meeting; empty where they say
// nothing the reader recognises.
struct MinutesFacts {
  std::optional<core::BodyCode> body;   // "Senior Officials Committee" → SOC
  std::optional<core::Date> starts_on;  // "23 June 2021"
  std::optional<core::Date> ends_on;    // the same, or the last day of "11-12 October 2021"
  std::string date_text;                // "23 June 2021", as written
  std::optional<core::MeetingFormat> format;  // "online format" → kOnline
  std::string venue;                    // "held in Nur-Sultan" → "Nur-Sultan"
  std::string chair_sentence;           // "H.E. Mr. Shakhrat Nuryshev, … chaired the meeting."
  std::string chair_person;             // "H.E. Mr. Shakhrat Nuryshev, First Deputy Minister …"
  std::string agenda_symbol;            // "The adopted agenda (SOC/2021-I/Agenda/3)"
  std::string observers_sentence;       // "…CICA observers attended … agenda items 1-4 …"
  std::vector<int> items_open_to_observers;  // {1, 2, 3, 4}
};

struct MinutesText {
  // lang "en"; title = the title lines joined by spaces, also the first paragraph (style
  // kTitle, id "title"); then "intro-1", "intro-2", …; each item's heading "item-4" and its
  // paragraphs "item-4-p1", "item-4-p2", … with item_number 4. Paragraphs under an item not
  // named in the observers' sentence are closed_to_observers (closed unless invited, RoP 12.4).
  core::DocumentContent content;
  MinutesFacts facts;
  std::vector<UnrecognisedLine> unrecognised;
  // The first line of each paragraph joined to the one before it across a page break.
  std::vector<int> rejoined_at_lines;
};

// kInvalidArgument when there is no title line ("MINUTES …", field "title") or an item's
// number is not the next one (field "line N"). Anything before the title is skipped.
core::Result<MinutesText> ParseMinutesText(std::string_view text);

// The layout back: the title paragraph(s) as one bold block (one line each), then paragraphs
// separated by blank lines: "N. title", "- subheading", "- list item" (consecutive list items
// on consecutive lines), text. Without a kTitle paragraph, content.title is written instead.
// ParseMinutesText(WriteMinutesText(c)) gives back c's styles, texts and item numbers when c
// reads as minutes: a title starting "MINUTES", items numbered 1, 2, 3, …, and no text paragraph
// that starts in lower case, with "- " or "N. ", or follows one ending without punctuation.
std::string WriteMinutesText(const core::DocumentContent& content);

}  // namespace chancery::codec
