#include "core/model/document_diff.hpp"

#include <gtest/gtest.h>

namespace chancery::core {
namespace {

DocumentContent Content(std::vector<Paragraph> paragraphs) { return {"en", "Minutes", std::move(paragraphs)}; }
Paragraph P(std::string id, std::string text) { return {std::move(id), ParagraphStyle::kText, std::move(text)}; }

std::string Joined(const std::vector<WordChange>& words, WordOp keep_out) {
  std::string out;
  for (const auto& w : words) {
    if (w.op != keep_out) out += w.text;
  }
  return out;
}

TEST(DocumentDiff, MatchesParagraphsByIdAndPlacesRemovedOnesWhereTheyWere) {
  auto before = Content({P("p1", "One."), P("p2", "Two."), P("p3", "Three."), P("p4", "Four.")});
  auto after = Content({P("p1", "One."), P("p3", "Three, amended."), P("p5", "Five."), P("p4", "Four.")});
  auto diff = DiffContent(before, after);
  std::vector<std::pair<std::string, ParagraphChange>> got;
  for (const auto& d : diff) got.emplace_back(d.id, d.change);
  const std::vector<std::pair<std::string, ParagraphChange>> want = {
      {"p1", ParagraphChange::kUnchanged}, {"p2", ParagraphChange::kRemoved}, {"p3", ParagraphChange::kChanged},
      {"p5", ParagraphChange::kAdded},     {"p4", ParagraphChange::kUnchanged}};
  EXPECT_EQ(got, want);
  EXPECT_FALSE(diff[1].after);
  EXPECT_FALSE(diff[3].before);
  EXPECT_EQ(diff[2].before->text, "Three.");
}

TEST(DocumentDiff, WordsOfAChangedParagraphRebuildBothTexts) {
  const std::string before = "The SOC adopted its agenda with an amendment proposed by India.";
  const std::string after = "The SOC adopted its agenda with an amendment in the title of item 4 as proposed by India.";
  auto words = DiffWords(before, after);
  EXPECT_EQ(Joined(words, WordOp::kInsert), before);
  EXPECT_EQ(Joined(words, WordOp::kDelete), after);
  ASSERT_GE(words.size(), 3u);
  EXPECT_EQ(words[0].op, WordOp::kEqual);
  EXPECT_EQ(words[1].op, WordOp::kInsert);
  EXPECT_EQ(words[1].text, "in the title of item 4 as ");
}

TEST(DocumentDiff, AChangeOfStyleOrItemIsAChange) {
  auto before = Content({P("p1", "Decisions")});
  auto after = before;
  after.paragraphs[0].style = ParagraphStyle::kSubheading;
  EXPECT_EQ(DiffContent(before, after)[0].change, ParagraphChange::kChanged);
  EXPECT_EQ(DiffContent(before, before)[0].change, ParagraphChange::kUnchanged);
}

TEST(DocumentDiff, VeryLongTextsFallBackToReplaceWhole) {
  std::string a, b;
  for (int i = 0; i < 4500; ++i) {
    a += "w" + std::to_string(i) + " ";
    b += "v" + std::to_string(i) + " ";
  }
  auto words = DiffWords(a, b);
  ASSERT_EQ(words.size(), 2u);
  EXPECT_EQ(words[0].op, WordOp::kDelete);
  EXPECT_EQ(words[1].text, b);
}

}  // namespace
}  // namespace chancery::core
