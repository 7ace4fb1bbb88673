// The seed's minutes (SOC, 23 June 2021) read into paragraphs and written back.
#include "codec/minutes_text.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "codec/dataset.hpp"
#include "core/model/minutes_import.hpp"

namespace chancery::codec {
namespace {

using namespace std::chrono;
using core::ParagraphStyle;

std::string Seed() {
  std::ifstream in(CHANCERY_SEED_MINUTES);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The seed from its title on: the minutes without the covering Note Verbale and the issuer's
// line ("Secretariat") above the title.
std::string SeedMinutes() {
  std::string seed = Seed();
  auto at = seed.find("**MINUTES");
  return at == std::string::npos ? std::string() : seed.substr(at);
}

// The comparison's own normalisation, independent of the parser: blocks between blank lines,
// each line trimmed and without "**", joined by spaces; then a block is joined to the one
// before when it starts in lower case, or when the one before ends in a letter and neither is
// the title, an item heading ("N. …") or a bullet ("- …").
std::vector<std::string> Normalised(std::string_view text) {
  auto trim = [](std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
  };
  std::vector<std::string> blocks;
  std::string cur;
  std::istringstream in{std::string(text)};
  for (std::string line; std::getline(in, line);) {
    std::string t(trim(line));
    for (auto pos = t.find("**"); pos != std::string::npos; pos = t.find("**")) t.erase(pos, 2);
    t = std::string(trim(t));
    if (t.empty()) {
      if (!cur.empty()) blocks.push_back(cur);
      cur.clear();
    } else {
      if (!cur.empty()) cur += ' ';
      cur += t;
    }
  }
  if (!cur.empty()) blocks.push_back(cur);

  auto marked = [](const std::string& b) {
    return b.rfind("- ", 0) == 0 || (!b.empty() && std::isdigit(static_cast<unsigned char>(b[0])) &&
                                     b.find(". ") != std::string::npos && b.find(". ") <= 3);
  };
  std::vector<std::string> out;
  for (auto& b : blocks) {
    if (out.size() > 1) {
      const std::string& prev = out.back();
      const bool lower = b[0] >= 'a' && b[0] <= 'z';
      const bool unfinished = std::isalpha(static_cast<unsigned char>(prev.back())) && !marked(prev) && !marked(b);
      if (lower || unfinished) {
        out.back() += ' ' + b;
        continue;
      }
    }
    out.push_back(b);
  }
  return out;
}

const core::Paragraph* Find(const core::DocumentContent& c, std::string_view id) {
  for (const auto& p : c.paragraphs) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

class SeedMinutesText : public ::testing::Test {
 protected:
  void SetUp() override {
    auto parsed = ParseMinutesText(Seed());
    ASSERT_TRUE(parsed) << parsed.error().field << ": " << parsed.error().message;
    m_ = std::move(*parsed);
  }
  MinutesText m_;
};

// Paragraphs identical in both, in order: the longest common subsequence, so that a paragraph
// lost or added costs one, not every paragraph after it.
std::size_t IdenticalInOrder(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::vector<std::size_t>> l(a.size() + 1, std::vector<std::size_t>(b.size() + 1, 0));
  for (std::size_t i = a.size(); i-- > 0;) {
    for (std::size_t j = b.size(); j-- > 0;) {
      l[i][j] = a[i] == b[j] ? l[i + 1][j + 1] + 1 : std::max(l[i + 1][j], l[i][j + 1]);
    }
  }
  return l[0][0];
}

double Report(std::string_view what, const std::vector<std::string>& seed, const std::vector<std::string>& written) {
  const std::size_t total = std::max(seed.size(), written.size());
  const std::size_t same = IdenticalInOrder(seed, written);
  const double percent = 100.0 * static_cast<double>(same) / static_cast<double>(total);
  std::cout << what << same << " of " << total << " paragraphs identical (" << std::fixed << std::setprecision(1)
            << percent << "%)\n";
  return percent;
}

TEST_F(SeedMinutesText, RoundTripKeepsTheSeedsParagraphs) {
  const auto seed = Normalised(SeedMinutes());
  const auto written = Normalised(WriteMinutesText(m_.content));
  ASSERT_GT(seed.size(), 50u);
  for (const auto& p : seed) {
    if (std::find(written.begin(), written.end(), p) == written.end()) std::cout << "not written back: " << p << "\n";
  }
  for (const auto& p : written) {
    if (std::find(seed.begin(), seed.end(), p) == seed.end()) std::cout << "not in the seed: " << p << "\n";
  }
  EXPECT_GE(Report("round trip: ", seed, written), 98.0);
  // Counting the issuer's line "Secretariat" above the title, which the reader skips with the
  // covering note.
  std::string seed_text = Seed();
  const auto with_issuer = Normalised(seed_text.substr(seed_text.find("Secretariat\n\n**MINUTES")));
  EXPECT_EQ(with_issuer.size(), seed.size() + 1);
  EXPECT_GE(Report("round trip, the issuer's line included: ", with_issuer, written), 98.0);
}

TEST_F(SeedMinutesText, WritingWhatWasReadReadsTheSame) {
  auto again = ParseMinutesText(WriteMinutesText(m_.content));
  ASSERT_TRUE(again) << again.error().message;
  ASSERT_EQ(again->content.paragraphs.size(), m_.content.paragraphs.size());
  for (std::size_t i = 0; i < m_.content.paragraphs.size(); ++i) {
    const auto& a = m_.content.paragraphs[i];
    const auto& b = again->content.paragraphs[i];
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.style, b.style) << a.id;
    EXPECT_EQ(a.text, b.text) << a.id;
    EXPECT_EQ(a.item_number, b.item_number) << a.id;
    EXPECT_EQ(a.closed_to_observers, b.closed_to_observers) << a.id;
  }
  EXPECT_EQ(again->content.title, m_.content.title);
  EXPECT_TRUE(again->rejoined_at_lines.empty());
}

TEST_F(SeedMinutesText, ElevenItemsWithTheirTitles) {
  EXPECT_TRUE(core::ValidateContent(m_.content));
  EXPECT_EQ(m_.content.lang, "en");
  EXPECT_EQ(m_.content.title, "MINUTES OF THE SENIOR OFFICIALS COMMITTEE MEETING on 23 June 2021 (online format)");
  std::vector<int> items;
  for (const auto& p : m_.content.paragraphs) {
    if (p.style == ParagraphStyle::kItemHeading) items.push_back(p.item_number);
  }
  EXPECT_EQ(items, (std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}));
  ASSERT_TRUE(Find(m_.content, "item-4"));
  EXPECT_EQ(Find(m_.content, "item-4")->text,
            "Thematic discussion on the theme \xE2\x80\x9CGrowing role of Asia in international affairs and related "
            "adaptation of CICA\xE2\x80\x9D");
  ASSERT_TRUE(Find(m_.content, "item-11"));
  EXPECT_EQ(Find(m_.content, "item-11")->text, "Any other business");
  ASSERT_TRUE(Find(m_.content, "item-11-p1"));
  EXPECT_EQ(Find(m_.content, "item-11-p1")->text, "No issues were raised.");
  EXPECT_EQ(Find(m_.content, "item-11-p2"), nullptr);
  EXPECT_TRUE(m_.unrecognised.empty());
}

TEST_F(SeedMinutesText, StylesAndIds) {
  ASSERT_GE(m_.content.paragraphs.size(), 2u);
  EXPECT_EQ(m_.content.paragraphs[0].id, "title");
  EXPECT_EQ(m_.content.paragraphs[0].style, ParagraphStyle::kTitle);
  EXPECT_EQ(m_.content.paragraphs[1].id, "intro-1");
  ASSERT_TRUE(Find(m_.content, "intro-3"));
  EXPECT_EQ(Find(m_.content, "intro-4"), nullptr);
  auto* statement = Find(m_.content, "item-1-p1");
  ASSERT_TRUE(statement);
  EXPECT_EQ(statement->style, ParagraphStyle::kSubheading);
  EXPECT_EQ(statement->text,
            "Statement by the First Deputy Minister of Foreign Affairs of the Republic of Kazakhstan Mr. Sh.Nuryshev");
  auto* video = Find(m_.content, "item-6-p1");
  ASSERT_TRUE(video);
  EXPECT_EQ(video->style, ParagraphStyle::kSubheading);  // "- **Video address by …**"
  EXPECT_EQ(video->text.rfind("Video address by the UN Under-Secretary-General", 0), 0u);
  EXPECT_EQ(Find(m_.content, "item-6-p3")->text, "Comments");  // "- **Comments**"
  std::vector<std::string> list;
  for (const auto& p : m_.content.paragraphs) {
    if (p.style == ParagraphStyle::kListItem) list.push_back(p.id);
    if (p.item_number > 0) {
      EXPECT_EQ(p.id.rfind("item-" + std::to_string(p.item_number), 0), 0u) << p.id;
    }
  }
  EXPECT_EQ(list, (std::vector<std::string>{"item-5-p7", "item-5-p8", "item-5-p9", "item-5-p10"}));
  EXPECT_EQ(Find(m_.content, "item-5-p7")->text,
            "China and Jordan in the priority area \xC2\xAB" "Epidemiological safety, public health and "
            "pharmaceuticals\xC2\xBB,");
}

TEST_F(SeedMinutesText, PageBreaksAreRejoined) {
  EXPECT_EQ(m_.rejoined_at_lines, (std::vector<int>{124, 132, 179}));
  auto* turkey = Find(m_.content, "item-4-p7");
  ASSERT_TRUE(turkey);
  EXPECT_EQ(turkey->text.rfind("Turkey highlighted that CICA", 0), 0u);
  EXPECT_NE(turkey->text.find("the continent's resilience in face of growing challenges and threats"), std::string::npos);
  EXPECT_NE(turkey->text.find("belongs to the CICA area now."), std::string::npos);
  EXPECT_EQ(Find(m_.content, "item-4-p8")->text.rfind("The Russian Federation noted", 0), 0u);
  EXPECT_NE(Find(m_.content, "item-4-p10")->text.find("ensuring regional security and stability; promotion"),
            std::string::npos);
  EXPECT_NE(Find(m_.content, "item-7-p4")->text.find("Confidence Building Measures in Asia (CICA) (MM/2021/DRAFT/1)"),
            std::string::npos);
}

TEST_F(SeedMinutesText, MeetingFacts) {
  const auto& f = m_.facts;
  EXPECT_EQ(f.body, core::BodyCode::kSoc);
  EXPECT_EQ(f.starts_on, year{2021} / June / 23);
  EXPECT_EQ(f.ends_on, year{2021} / June / 23);
  EXPECT_EQ(f.date_text, "23 June 2021");
  EXPECT_EQ(f.format, core::MeetingFormat::kOnline);
  EXPECT_EQ(f.venue, "Nur-Sultan");
  EXPECT_EQ(f.chair_person,
            "H.E. Mr. Shakhrat Nuryshev, First Deputy Minister of Foreign Affairs of the Republic of Kazakhstan");
  EXPECT_EQ(f.chair_sentence, f.chair_person + ", chaired the meeting.");
  EXPECT_EQ(f.agenda_symbol, "SOC/2021-I/Agenda/3");
  EXPECT_EQ(f.items_open_to_observers, (std::vector<int>{1, 2, 3, 4}));
  EXPECT_EQ(f.observers_sentence.rfind("In accordance with p. 12.4 of the CICA Rules of Procedure", 0), 0u);
}

TEST_F(SeedMinutesText, ItemsOneToFourAreOpenToObservers) {
  for (const auto& p : m_.content.paragraphs) {
    EXPECT_EQ(p.closed_to_observers, p.item_number > 4) << p.id;
  }
  EXPECT_FALSE(Find(m_.content, "item-4-p7")->closed_to_observers);
  EXPECT_TRUE(Find(m_.content, "item-5")->closed_to_observers);
  EXPECT_FALSE(Find(m_.content, "intro-1")->closed_to_observers);
}

TEST(MinutesText, AFileMayStartAtTheTitleAndBePlainText) {
  std::string plain = SeedMinutes();
  for (auto pos = plain.find("**"); pos != std::string::npos; pos = plain.find("**")) plain.erase(pos, 2);
  auto from_title = ParseMinutesText(SeedMinutes());
  auto unmarked = ParseMinutesText(plain);
  auto whole = ParseMinutesText(Seed());
  ASSERT_TRUE(from_title && unmarked && whole);
  ASSERT_EQ(from_title->content.paragraphs.size(), whole->content.paragraphs.size());
  ASSERT_EQ(unmarked->content.paragraphs.size(), whole->content.paragraphs.size());
  for (std::size_t i = 0; i < whole->content.paragraphs.size(); ++i) {
    EXPECT_EQ(from_title->content.paragraphs[i].text, whole->content.paragraphs[i].text);
    EXPECT_EQ(unmarked->content.paragraphs[i].text, whole->content.paragraphs[i].text);
    EXPECT_EQ(unmarked->content.paragraphs[i].style, whole->content.paragraphs[i].style)
        << whole->content.paragraphs[i].id;
  }
  // Line numbers count from the start of the input.
  EXPECT_EQ(from_title->rejoined_at_lines.front(), whole->rejoined_at_lines.front() - 71);
}

TEST(MinutesText, WithoutATitleNothingIsRead) {
  auto none = ParseMinutesText("1. Opening of the meeting\n\nThe Chairperson opened the meeting.\n");
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().code, core::ErrorCode::kInvalidArgument);
  EXPECT_EQ(none.error().field, "title");
  // The Note Verbale alone mentions the minutes, but not as a title.
  std::string seed = Seed();
  auto note = ParseMinutesText(seed.substr(0, seed.find("Secretariat\n\n**MINUTES")));
  ASSERT_FALSE(note);
  EXPECT_EQ(note.error().field, "title");
  EXPECT_FALSE(ParseMinutesText(""));
}

TEST(MinutesText, ItemsOutOfOrderAreRefusedWithTheirLine) {
  auto skipped = ParseMinutesText("MINUTES\n\n1. Opening\n\nText.\n\n3. Third\n\nText.\n");
  ASSERT_FALSE(skipped);
  EXPECT_EQ(skipped.error().field, "line 7");
  EXPECT_NE(skipped.error().message.find("item 3 where item 2 was expected"), std::string::npos);
  auto repeated = ParseMinutesText("**MINUTES**\n\n1. Opening\n\n1. Opening again\n");
  ASSERT_FALSE(repeated);
  EXPECT_EQ(repeated.error().field, "line 5");
  auto late_start = ParseMinutesText("MINUTES\n\n2. Adoption of the agenda\n");
  ASSERT_FALSE(late_start);
  EXPECT_EQ(late_start.error().field, "line 3");
}

TEST(MinutesText, UnplaceableLinesAreReportedWithTheirNumbers) {
  const std::string text =
      "Note Verbale\n"                                         // 1
      "\n"                                                     // 2
      "**MINUTES OF THE SOC MEETING on 1 March 2022**\n"       // 3
      "\n"                                                     // 4
      "1. Opening of the meeting\n"                            // 5
      "\n"                                                     // 6
      "The Chairperson opened the meeting and noted the\n"     // 7
      "\n"                                                     // 8
      "- 2 -\n"                                                // 9
      "\n"                                                     // 10
      "importance of the agenda.\n"                            // 11
      "**\n"                                                   // 12
      "Протокол заседания\n"                                   // 13
      "| a | b |\n"                                            // 14
      "-\n"                                                    // 15
      "2.\n"                                                   // 16
      "Page 3 of 8\n";                                         // 17
  auto m = ParseMinutesText(text);
  ASSERT_TRUE(m) << m.error().message;
  ASSERT_EQ(m->unrecognised.size(), 7u);
  std::vector<int> lines;
  for (const auto& u : m->unrecognised) lines.push_back(u.line_number);
  EXPECT_EQ(lines, (std::vector<int>{9, 12, 13, 14, 15, 16, 17}));
  EXPECT_EQ(m->unrecognised[0].why, "a page number");
  EXPECT_EQ(m->unrecognised[0].text, "- 2 -");
  EXPECT_EQ(m->unrecognised[1].why, "stray markup");
  EXPECT_EQ(m->unrecognised[2].why, "not in English");
  EXPECT_EQ(m->unrecognised[3].why, "a table row");
  EXPECT_EQ(m->unrecognised[4].why, "an empty bullet");
  EXPECT_EQ(m->unrecognised[5].why, "an item number without a title");
  EXPECT_EQ(m->unrecognised[6].why, "a page number");
  // The sentence split by the page number is whole again.
  ASSERT_EQ(m->content.paragraphs.size(), 3u);
  EXPECT_EQ(m->content.paragraphs[2].text, "The Chairperson opened the meeting and noted the importance of the agenda.");
  EXPECT_EQ(m->rejoined_at_lines, (std::vector<int>{11}));
  EXPECT_EQ(m->facts.starts_on, year{2022} / March / 1);
  EXPECT_EQ(m->facts.body, core::BodyCode::kSoc);
  // No observers' sentence: every item is closed to observers.
  EXPECT_TRUE(m->facts.items_open_to_observers.empty());
  EXPECT_TRUE(m->content.paragraphs[1].closed_to_observers);
}

TEST(MinutesText, BulletsAfterAColonAreListItemsOtherwiseSubheadings) {
  auto m = ParseMinutesText(
      "MINUTES\n\n1. Item\n\n- Decisions\n\nThe SOC approved:\n\n- first,\n- second, and\n- third.\n\n"
      "- Comments\n\n- Presentation by the Secretariat\n\nText.\n");
  ASSERT_TRUE(m) << m.error().message;
  std::vector<ParagraphStyle> styles;
  for (const auto& p : m->content.paragraphs) styles.push_back(p.style);
  using S = ParagraphStyle;
  EXPECT_EQ(styles, (std::vector<S>{S::kTitle, S::kItemHeading, S::kSubheading, S::kText, S::kListItem, S::kListItem,
                                    S::kListItem, S::kSubheading, S::kSubheading, S::kText}));
}

TEST(MinutesText, WriterLayout) {
  core::DocumentContent c;
  c.lang = "en";
  c.title = "MINUTES OF THE SOC MEETING";
  c.paragraphs = {{"title", ParagraphStyle::kTitle, "MINUTES", 0, false},
                  {"title-2", ParagraphStyle::kTitle, "OF THE SOC MEETING", 0, false},
                  {"intro-1", ParagraphStyle::kText, "The meeting was held.", 0, false},
                  {"item-1", ParagraphStyle::kItemHeading, "Opening", 1, false},
                  {"item-1-p1", ParagraphStyle::kSubheading, "Decisions", 1, false},
                  {"item-1-p2", ParagraphStyle::kText, "The SOC approved:", 1, false},
                  {"item-1-p3", ParagraphStyle::kListItem, "one,", 1, false},
                  {"item-1-p4", ParagraphStyle::kListItem, "two.", 1, false}};
  EXPECT_EQ(WriteMinutesText(c),
            "**MINUTES\nOF THE SOC MEETING**\n\nThe meeting was held.\n\n1. Opening\n\n- Decisions\n\n"
            "The SOC approved:\n\n- one,\n- two.\n");
  c.paragraphs.erase(c.paragraphs.begin(), c.paragraphs.begin() + 2);
  EXPECT_EQ(WriteMinutesText(c).rfind("**MINUTES OF THE SOC MEETING**\n\nThe meeting was held.\n\n1. Opening", 0), 0u);
}

// The whole seed, read as text and then as the meeting's record against the demo registry
// (which names "Viet Nam", "Palestine" and "Turkey").
TEST_F(SeedMinutesText, ReadsAsTheMeetingsRecord) {
  std::ifstream in(CHANCERY_DEMO_DATASET);
  std::stringstream ss;
  ss << in.rdbuf();
  auto dataset = ParseDataset(ss.str());
  ASSERT_TRUE(dataset) << dataset.error().message;
  const auto r = core::ReadMinutesRecord(m_.content, dataset->participants);
  EXPECT_EQ(r.meeting_date, year{2021} / June / 23);
  EXPECT_EQ(r.chair_participant_id, "KAZ");
  ASSERT_EQ(r.items.size(), 11u);
  std::vector<std::string> four;
  for (const auto& s : r.items[3].statements) four.push_back(s.participant_id);
  EXPECT_EQ(four, (std::vector<std::string>{"IND", "KHM", "BHR", "IRN", "TUR", "RUS", "VNM", "CHN"}));
  std::vector<std::string> symbols;
  std::size_t mandates = 0;
  for (const auto& item : r.items) {
    for (const auto& d : item.decisions) symbols.push_back(std::to_string(item.number) + ":" + d.symbol);
    for (const auto& m : item.mandates) {
      EXPECT_EQ(m.assignee, core::BodyCode::kSwg);
      EXPECT_EQ(m.due_before_next_meeting_of, core::BodyCode::kSoc);
      ++mandates;
    }
  }
  EXPECT_EQ(symbols, (std::vector<std::string>{"2:", "3:", "5:", "5:SOC/2021-I/DEC/3", "7:", "9:SOC/2021-I/DEC/2"}));
  EXPECT_EQ(mandates, 4u);
  EXPECT_EQ(r.items[6].decisions.at(0).approved_documents, (std::vector<std::string>{"MM/2021/DRAFT/1"}));
  EXPECT_EQ(r.items[6].decisions.at(0).recommended_to, core::BodyCode::kMm);
  EXPECT_EQ(r.items[5].statements.at(1).participant_id, "PSE");
  // Left for a person to place: the list of speakers (4), two joint comments (5, 9), "No issues
  // were raised" (11).
  std::vector<std::string> left;
  for (const auto& u : r.unclassified) left.push_back(u.paragraph_id);
  EXPECT_EQ(left, (std::vector<std::string>{"item-4-p2", "item-5-p2", "item-9-p2", "item-11-p1"}));
}

}  // namespace
}  // namespace chancery::codec
