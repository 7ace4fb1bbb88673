#include "search_corpus.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace chancery::bench {
namespace {

// Distinct words of 2–4 syllables: word k is the same on every run.
std::vector<std::string> Vocabulary(const std::vector<std::string>& syllables, std::uint64_t seed) {
  std::mt19937_64 random(seed);
  std::vector<std::string> words;
  std::set<std::string> seen;  // distinct words, so that a rare word is rare
  while (static_cast<int>(words.size()) < kVocabulary) {
    const int n = 2 + static_cast<int>(random() % 3);
    std::string w;
    for (int i = 0; i < n; ++i) w += syllables[random() % syllables.size()];
    if (seen.insert(w).second) words.push_back(w);
  }
  return words;
}

int Between(std::mt19937_64& random, int low, int high) {
  return std::uniform_int_distribution<int>(low, high)(random);
}

}  // namespace

Corpus::Corpus()
    : en_(Vocabulary({"ba", "re", "ti", "con", "sul", "ta", "mi", "nis", "ter", "de", "ve", "lo", "pro", "gram", "com",
                      "mit", "tee", "sen", "ior", "ple", "na", "ry", "an", "nex"},
                     1)),
      ru_(Vocabulary({"ра", "зо", "ве", "ти", "ко", "ми", "те", "та", "ре", "ше", "ни", "ем", "по", "ста", "нов", "ле",
                      "со", "вет", "дел", "ма", "ло", "пра", "ви", "лу"},
                     2)),
      cdf_(kVocabulary) {
  double sum = 0;
  for (int k = 0; k < kVocabulary; ++k) cdf_[k] = (sum += 1.0 / std::pow(k + 1, 1.05));
  for (auto& c : cdf_) c /= sum;
}

int Corpus::Rank(std::mt19937_64& random) const {
  const double u = std::uniform_real_distribution<double>(0, 1)(random);
  return static_cast<int>(std::min<std::ptrdiff_t>(std::lower_bound(cdf_.begin(), cdf_.end(), u) - cdf_.begin(),
                                                   kVocabulary - 1));
}

std::string Corpus::Paragraph(const std::string& lang, std::mt19937_64& random) const {
  const auto& words = Words(lang);
  const int length = Between(random, 30, 50);
  std::string text;
  for (int w = 0; w < length; ++w) {
    if (w > 0) text += ' ';
    text += words[Rank(random)];
  }
  return text;
}

core::Document Corpus::Document(std::int64_t n, std::int64_t documents, int paragraphs_per_document,
                                std::mt19937_64& random) const {
  core::Document d;
  d.symbol = "BENCH/" + std::to_string(n + 1);
  d.kind = static_cast<core::DocumentKind>(random() % 7);
  d.body = static_cast<core::BodyCode>(random() % 8);
  d.access = static_cast<core::AccessCategory>(random() % 4);
  const int pick = static_cast<int>(random() % 10);
  std::vector<std::string> langs = pick < 5 ? std::vector<std::string>{"en"}
                                   : pick < 9 ? std::vector<std::string>{"ru"}
                                              : std::vector<std::string>{"en", "ru"};
  d.original_language = langs.front();
  const int versions = n % 10 == 9 ? 2 : 1;
  const int per_text = std::max(1, paragraphs_per_document / (versions * static_cast<int>(langs.size())));
  // Spread over 2015-01-01 … 2025-12-31 in document order, so that newer documents are newer.
  const auto first = std::chrono::sys_days{std::chrono::year{2015} / 1 / 1};
  const auto span = std::chrono::sys_days{std::chrono::year{2026} / 1 / 1} - first;
  for (int v = 1; v <= versions; ++v) {
    core::DocumentVersion version;
    version.number = v;
    version.created_at = std::chrono::time_point_cast<std::chrono::milliseconds>(
        first + std::chrono::duration_cast<std::chrono::seconds>(span) * n / std::max<std::int64_t>(documents, 1) +
        std::chrono::hours(v));
    version.author = "bench";
    version.reason = v == 1 ? "generated" : "generated revision";
    for (const auto& lang : langs) {
      core::LanguageVersion l;
      l.status = lang == d.original_language ? core::TranslationStatus::kOriginal : core::TranslationStatus::kTranslated;
      l.content.lang = lang;
      l.content.title = (lang == "ru" ? "Документ " : "Document ") + std::to_string(n + 1);
      for (int p = 0; p < per_text; ++p) {
        core::Paragraph paragraph;
        paragraph.id = "p" + std::to_string(p + 1);
        paragraph.text = Paragraph(lang, random);
        paragraph.item_number = p / 10 + 1;
        paragraph.closed_to_observers = random() % 10 == 0;
        l.content.paragraphs.push_back(std::move(paragraph));
      }
      version.languages.push_back(std::move(l));
    }
    d.versions.push_back(std::move(version));
  }
  return d;
}

std::vector<Query> QueryMix(const Corpus& corpus) {
  std::mt19937_64 random(7);
  std::vector<Query> out;
  std::uniform_real_distribution<double> log_rank(std::log(5.0), std::log(20000.0));
  while (out.size() < 200) {
    Query q{"pair", random() % 9 < 5 ? "en" : "ru", {}};
    const auto& words = corpus.Words(q.lang);
    const auto a = static_cast<std::size_t>(std::exp(log_rank(random)));
    const auto b = static_cast<std::size_t>(std::exp(log_rank(random)));
    if (a == b) continue;
    q.words = {words[a], words[b]};
    out.push_back(std::move(q));
  }
  for (const std::string lang : {"en", "ru"}) {
    out.push_back({"frequent", lang, {corpus.Words(lang)[0]}});
    out.push_back({"medium", lang, {corpus.Words(lang)[300]}});
    out.push_back({"rare", lang, {corpus.Words(lang)[20000]}});
  }
  return out;
}

}  // namespace chancery::bench
