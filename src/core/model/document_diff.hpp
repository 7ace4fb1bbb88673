#pragma once
// Paragraph-level comparison of two versions of a document in one language, matching
// paragraphs by their stable ids; a changed paragraph also gets a word-level diff, so that a
// reader sees which words an amendment touched.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/document.hpp"

namespace chancery::core {

enum class ParagraphChange { kUnchanged, kChanged, kAdded, kRemoved };
std::string_view ToString(ParagraphChange change);  // "unchanged", "changed", "added", "removed"

enum class WordOp { kEqual, kInsert, kDelete };
std::string_view ToString(WordOp op);  // "equal", "insert", "delete"

struct WordChange {
  WordOp op = WordOp::kEqual;
  std::string text;  // words with the spaces between them, as in the paragraph
};

struct ParagraphDiff {
  std::string id;
  ParagraphChange change = ParagraphChange::kUnchanged;
  std::optional<Paragraph> before;  // absent when added
  std::optional<Paragraph> after;   // absent when removed
  std::vector<WordChange> words;    // kChanged only: `before` turned into `after`
};

// In the order of `after`, each removed paragraph placed after the paragraph that preceded it in
// `before`. A paragraph whose style or item changed but not its text counts as changed.
std::vector<ParagraphDiff> DiffContent(const DocumentContent& before, const DocumentContent& after);

// The word-level diff of two texts: runs of equal, deleted and inserted words. Texts too long
// for the quadratic comparison (over 4,000 words each) come back as one delete and one insert.
std::vector<WordChange> DiffWords(std::string_view before, std::string_view after);

}  // namespace chancery::core
