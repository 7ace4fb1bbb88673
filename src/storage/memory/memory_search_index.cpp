#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "storage/memory/memory_repositories.hpp"
#include "storage/search_words.hpp"

namespace chancery::storage {
namespace {

using core::Error;
using core::Result;

bool KnownLanguage(std::string_view lang) { return lang == "en" || lang == "ru" || lang == "kk"; }

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

char32_t LowerCyrillic(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 0x20;
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;  // А–Я
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;  // Ѐ–Џ, Ё, І
  // Cyrillic Supplement pairs (capital even, small odd): Ғ Қ Ң Ү Ұ Һ Ә Ө …
  if ((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) || (c >= 0x4D0 && c <= 0x52F)) {
    return (c % 2 == 0) ? c + 1 : c;
  }
  if (c >= 0x4C1 && c <= 0x4CE) return (c % 2 == 1) ? c + 1 : c;
  return c;
}

// `word` with ASCII and Cyrillic letters lower-cased; other characters as they are.
std::string Lower(std::string_view word) {
  std::string out;
  std::size_t i = 0;
  while (i < word.size()) {
    const auto c = static_cast<unsigned char>(word[i]);
    std::size_t length = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (i + length > word.size() || (c >= 0x80 && c < 0xC0)) {
      out += word[i++];  // not UTF-8: kept as it is
      continue;
    }
    char32_t code = length == 1 ? c : length == 2 ? (c & 0x1F) : length == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < length; ++k) code = (code << 6) | (static_cast<unsigned char>(word[i + k]) & 0x3F);
    AppendUtf8(out, LowerCyrillic(code));
    i += length;
  }
  return out;
}

bool Visible(const core::SearchEntry& e, const core::SearchQuery& q) {
  if (std::find(q.readable.begin(), q.readable.end(), e.access) == q.readable.end()) return false;
  if (e.closed_to_observers && !q.closed_visible) return false;
  if (q.lang && e.lang != *q.lang) return false;
  if (q.kind && e.kind != *q.kind) return false;
  if (q.body && e.body != *q.body) return false;
  if (q.from && e.date < *q.from) return false;
  if (q.to && e.date > *q.to) return false;
  return true;
}

}  // namespace

Result<void> MemorySearchIndex::Add(const core::SearchEntry& entry) {
  if (!KnownLanguage(entry.lang)) {
    return Error::InvalidArgument("the search index has no language '" + entry.lang + "' (en, ru, kk)");
  }
  auto state = view_.Write();
  if (!state) return state.error();
  (*state)->search_entries.push_back(entry);
  return core::Ok();
}

Result<void> MemorySearchIndex::SetAccess(std::int64_t document_id, core::AccessCategory access) {
  auto state = view_.Write();
  if (!state) return state.error();
  for (auto& e : (*state)->search_entries) {
    if (e.document_id == document_id) e.access = access;
  }
  return core::Ok();
}

Result<core::SearchResult> MemorySearchIndex::Query(const core::SearchQuery& query) {
  auto state = view_.Read();
  if (!state) return state.error();
  std::vector<std::string> words;
  for (const auto& w : Words(query.text)) words.push_back(Lower(w));
  if (words.empty()) return Error::InvalidArgument("the search text holds no word");
  if (query.limit < 0 || query.offset < 0) return Error::InvalidArgument("negative limit or offset");
  if (query.lang && !KnownLanguage(*query.lang)) {
    return Error::InvalidArgument("the search index has no language '" + *query.lang + "' (en, ru, kk)");
  }
  const auto& entries = (*state)->search_entries;
  std::map<std::int64_t, int> latest;  // document → its highest version in the index
  for (const auto& e : entries) latest[e.document_id] = std::max(latest[e.document_id], e.version);

  // Every visible match, as indices into `entries` (oldest first). This adapter does not rank:
  // its "relevance" order is the order of indexing, and each hit's rank is 0.
  std::vector<std::size_t> matches;
  std::vector<std::vector<bool>> marks;  // per match: which of its words matched
  for (std::size_t n = 0; n < entries.size(); ++n) {
    const auto& e = entries[n];
    if (!Visible(e, query)) continue;
    if (query.latest_only && e.version != latest[e.document_id]) continue;
    const auto spans = WordSpans(e.text);
    std::vector<bool> hit(spans.size(), false);
    bool all = true;
    for (const auto& word : words) {
      bool found = false;
      for (std::size_t i = 0; i < spans.size(); ++i) {
        if (Lower(std::string_view(e.text).substr(spans[i].first, spans[i].second - spans[i].first)) == word) {
          hit[i] = true;
          found = true;
        }
      }
      all = all && found;
    }
    if (!all) continue;
    matches.push_back(n);
    marks.push_back(std::move(hit));
  }
  core::SearchResult result;
  result.total = static_cast<std::int64_t>(matches.size());
  result.ranked = result.total;
  // As the SQLite adapter: over rank_within matches, the newest rank_within first (here in
  // indexing order), then the older ones newest first.
  std::vector<std::size_t> order(matches.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  if (query.rank_within > 0 && result.total > query.rank_within) {
    result.ranked = query.rank_within;
    const auto older = static_cast<std::size_t>(result.total - query.rank_within);
    std::rotate(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(older), order.end());
    std::reverse(order.end() - static_cast<std::ptrdiff_t>(older), order.end());
  }
  for (std::size_t position = 0; position < order.size(); ++position) {
    const auto p = static_cast<std::int64_t>(position);
    if (p < query.offset || p - query.offset >= query.limit) continue;
    const auto& e = entries[matches[order[position]]];
    const auto& hit = marks[order[position]];
    const auto spans = WordSpans(e.text);
    core::SearchHit h;
    h.document_id = e.document_id;
    h.version = e.version;
    h.lang = e.lang;
    h.paragraph_id = e.paragraph_id;
    h.item_number = e.item_number;
    std::size_t at = 0;
    for (std::size_t i = 0; i < spans.size(); ++i) {
      if (!hit[i]) continue;
      h.snippet += e.text.substr(at, spans[i].first - at) + "[" +
                   e.text.substr(spans[i].first, spans[i].second - spans[i].first) + "]";
      at = spans[i].second;
    }
    h.snippet += e.text.substr(at);
    result.hits.push_back(std::move(h));
  }
  return result;
}

}  // namespace chancery::storage
