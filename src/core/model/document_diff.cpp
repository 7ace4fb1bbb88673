#include "core/model/document_diff.hpp"

#include <algorithm>
#include <map>

namespace chancery::core {
namespace {

// Words with their trailing spaces, so that joining the pieces gives the text back exactly.
std::vector<std::string_view> Words(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ') ++j;
    while (j < text.size() && text[j] == ' ') ++j;
    out.push_back(text.substr(i, j - i));
    i = j;
  }
  return out;
}

// The word without its trailing spaces: "word " and "word" are the same word.
std::string_view Bare(std::string_view w) {
  while (!w.empty() && w.back() == ' ') w.remove_suffix(1);
  return w;
}

void Append(std::vector<WordChange>& out, WordOp op, std::string_view text) {
  if (!out.empty() && out.back().op == op) {
    out.back().text += text;
  } else {
    out.push_back({op, std::string(text)});
  }
}

}  // namespace

std::string_view ToString(ParagraphChange change) {
  switch (change) {
    case ParagraphChange::kUnchanged: return "unchanged";
    case ParagraphChange::kChanged: return "changed";
    case ParagraphChange::kAdded: return "added";
    case ParagraphChange::kRemoved: return "removed";
  }
  return "changed";
}

std::string_view ToString(WordOp op) {
  switch (op) {
    case WordOp::kEqual: return "equal";
    case WordOp::kInsert: return "insert";
    case WordOp::kDelete: return "delete";
  }
  return "equal";
}

std::vector<WordChange> DiffWords(std::string_view before, std::string_view after) {
  const auto a = Words(before), b = Words(after);
  std::vector<WordChange> out;
  constexpr std::size_t kMaxWords = 4000;
  if (a.size() > kMaxWords || b.size() > kMaxWords) {
    if (!before.empty()) out.push_back({WordOp::kDelete, std::string(before)});
    if (!after.empty()) out.push_back({WordOp::kInsert, std::string(after)});
    return out;
  }
  // Longest common subsequence of words, table from the end so the walk goes forwards.
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
  auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      at(i, j) = Bare(a[i]) == Bare(b[j]) ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    }
  }
  std::size_t i = 0, j = 0;
  while (i < n && j < m) {
    if (Bare(a[i]) == Bare(b[j])) {
      Append(out, WordOp::kEqual, b[j]);
      ++i;
      ++j;
    } else if (at(i + 1, j) >= at(i, j + 1)) {
      Append(out, WordOp::kDelete, a[i++]);
    } else {
      Append(out, WordOp::kInsert, b[j++]);
    }
  }
  while (i < n) Append(out, WordOp::kDelete, a[i++]);
  while (j < m) Append(out, WordOp::kInsert, b[j++]);
  return out;
}

std::vector<ParagraphDiff> DiffContent(const DocumentContent& before, const DocumentContent& after) {
  std::map<std::string_view, const Paragraph*> old_by_id, new_by_id;
  for (const auto& p : before.paragraphs) old_by_id.emplace(p.id, &p);
  for (const auto& p : after.paragraphs) new_by_id.emplace(p.id, &p);

  // Removed paragraphs, keyed by the id of the nearest earlier paragraph that survives ("" for
  // the start), so that they show where they were.
  std::multimap<std::string_view, const Paragraph*> removed_after;
  std::string_view anchor;
  for (const auto& p : before.paragraphs) {
    if (new_by_id.count(p.id)) {
      anchor = p.id;
    } else {
      removed_after.emplace(anchor, &p);
    }
  }
  std::vector<ParagraphDiff> out;
  auto emit_removed = [&](std::string_view key) {
    auto [from, to] = removed_after.equal_range(key);
    for (auto it = from; it != to; ++it) out.push_back({it->second->id, ParagraphChange::kRemoved, *it->second, {}, {}});
  };
  emit_removed("");
  for (const auto& p : after.paragraphs) {
    auto old = old_by_id.find(p.id);
    if (old == old_by_id.end()) {
      out.push_back({p.id, ParagraphChange::kAdded, std::nullopt, p, {}});
      continue;
    }
    const Paragraph& q = *old->second;
    const bool same = q.text == p.text && q.style == p.style && q.item_number == p.item_number &&
                      q.closed_to_observers == p.closed_to_observers;
    ParagraphDiff d{p.id, same ? ParagraphChange::kUnchanged : ParagraphChange::kChanged, q, p, {}};
    if (!same) d.words = DiffWords(q.text, p.text);
    out.push_back(std::move(d));
    emit_removed(p.id);
  }
  return out;
}

}  // namespace chancery::core
