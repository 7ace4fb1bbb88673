#pragma once
// How both search adapters cut a query (and the memory adapter a text) into words, so that a
// query means the same against each: a word is a maximal run of ASCII letters and digits and of
// non-ASCII characters other than the common Unicode punctuation (« » “ ” ‘ ’ – — … and the rest
// of U+2000–U+206F). Everything else (spaces, ASCII punctuation, FTS5 syntax such as " * ( ) -)
// separates words and is never passed on as syntax. Close to what SQLite's unicode61 tokenizer
// does, not identical for rarer punctuation.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chancery::storage {

// [begin, end) byte offsets of each word of `text` (UTF-8), in order.
inline std::vector<std::pair<std::size_t, std::size_t>> WordSpans(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t i = 0;
  std::size_t start = std::string_view::npos;
  auto close = [&](std::size_t at) {
    if (start != std::string_view::npos) out.emplace_back(start, at);
    start = std::string_view::npos;
  };
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t length = 1;
    bool word = false;
    if (c < 0x80) {
      word = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    } else {
      length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
      if (i + length > text.size()) length = text.size() - i;
      const std::string_view ch = text.substr(i, length);
      const bool guillemet = ch == "\xC2\xAB" || ch == "\xC2\xBB" || ch == "\xC2\xA0";  // « » nbsp
      const bool general_punctuation =  // U+2000–U+206F: E2 80 xx, E2 81 xx
          length == 3 && c == 0xE2 && (static_cast<unsigned char>(ch[1]) == 0x80 ||
                                       static_cast<unsigned char>(ch[1]) == 0x81);
      word = !guillemet && !general_punctuation;
    }
    if (word) {
      if (start == std::string_view::npos) start = i;
    } else {
      close(i);
    }
    i += length;
  }
  close(text.size());
  return out;
}

inline std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  for (auto [begin, end] : WordSpans(text)) out.emplace_back(text.substr(begin, end - begin));
  return out;
}

}  // namespace chancery::storage
