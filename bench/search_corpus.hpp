#pragma once
// The generated corpus and query mix of perf-anchors §B2, for search_bench: pseudo-words built
// from syllables, 30,000 per language (English-like Latin, Russian-like Cyrillic), drawn with a
// Zipf law (s = 1.05, short ranks most frequent); paragraphs of 30–50 words; queries of two
// words of one language whose ranks are log-uniform in [5, 20,000]. Everything comes from a
// fixed seed: the same N gives the same corpus and queries on every machine.
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/model/document.hpp"

namespace chancery::bench {

inline constexpr int kVocabulary = 30000;

class Corpus {
 public:
  Corpus();
  const std::vector<std::string>& Words(const std::string& lang) const { return lang == "ru" ? ru_ : en_; }
  // A paragraph of 30–50 words of `lang`.
  std::string Paragraph(const std::string& lang, std::mt19937_64& random) const;
  // Document number `n` (0-based) of a corpus of `paragraphs_per_document` paragraphs per
  // document, counted over its versions and languages: 50 % English, 40 % Russian, 10 % both
  // (parallel texts); every 10th has two versions; access, kind and body uniform, 10 % of the
  // paragraphs closed to observers; created in order over 2015–2025.
  core::Document Document(std::int64_t n, std::int64_t documents, int paragraphs_per_document,
                          std::mt19937_64& random) const;

 private:
  int Rank(std::mt19937_64& random) const;
  std::vector<std::string> en_, ru_;
  std::vector<double> cdf_;
};

struct Query {
  std::string kind;  // "pair" (the mix) or a probe: "frequent", "medium", "rare"
  std::string lang;
  std::vector<std::string> words;
};

// 200 pairs (5 of 9 English, 4 of 9 Russian, as the corpus's texts), then one word of rank 0,
// 300 and 20,000 in each language.
std::vector<Query> QueryMix(const Corpus& corpus);

}  // namespace chancery::bench
