// Full-text search: the SQLite adapter's SearchIndex::Query (reader filters, exact total,
// bm25 page, snippets) next to a raw FTS5 query on the same file
//   SELECT rowid FROM search_en WHERE search_en MATCH ?1 ORDER BY rank LIMIT 20
// for a rare, a medium and a very frequent word. Prints medians and p95 in ms and the ratio.
// It is not a test: it prints figures. See bench/README.md.
//
// Usage: search_bench [--paragraphs N] [--runs R] [--keep PATH]
//   N paragraphs of pseudo-text (default 1,000,000), 2/3 English, 1/3 Russian, words drawn from a
//   Zipf-like vocabulary (s = 1) of 50,000 synthetic words per language.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "core/ports/store.hpp"
#include "storage/sqlite/fts_tokenizer.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace {

using namespace chancery;
using Clock = std::chrono::steady_clock;

constexpr int kVocabulary = 50000;

// Synthetic words from syllables: word k is the same on every run.
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

struct Zipf {
  std::vector<double> cdf;
  explicit Zipf(int n) : cdf(n) {
    double sum = 0;
    for (int k = 0; k < n; ++k) cdf[k] = (sum += 1.0 / (k + 1));
    for (auto& c : cdf) c /= sum;
  }
  int operator()(std::mt19937_64& random) const {
    const double u = std::uniform_real_distribution<double>(0, 1)(random);
    return static_cast<int>(std::lower_bound(cdf.begin(), cdf.end(), u) - cdf.begin());
  }
};

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

struct Figures {
  double median = 0, p95 = 0;
};

Figures Summarise(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  Figures f;
  f.median = ms.size() % 2 ? ms[ms.size() / 2] : (ms[ms.size() / 2 - 1] + ms[ms.size() / 2]) / 2;
  f.p95 = ms[std::min(ms.size() - 1, static_cast<std::size_t>(0.95 * static_cast<double>(ms.size())))];
  return f;
}

[[noreturn]] void Die(const std::string& message) {
  std::fprintf(stderr, "search_bench: %s\n", message.c_str());
  std::exit(1);
}

}  // namespace

int main(int argc, char** argv) {
  long paragraphs = 1000000;
  int runs = 21;
  std::string keep;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--paragraphs" && i + 1 < argc) {
      paragraphs = std::stol(argv[++i]);
    } else if (arg == "--runs" && i + 1 < argc) {
      runs = std::stoi(argv[++i]);
    } else if (arg == "--keep" && i + 1 < argc) {
      keep = argv[++i];
    } else {
      Die("usage: search_bench [--paragraphs N] [--runs R] [--keep PATH]");
    }
  }
  if (paragraphs < 1000 || runs < 1) Die("need --paragraphs >= 1000 and --runs >= 1");

  std::filesystem::path dir;
  std::string path = keep;
  if (path.empty()) {
    std::string pattern = (std::filesystem::temp_directory_path() / "chancery-search-bench-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) Die("mkdtemp failed");
    dir = pattern;
    path = (dir / "search.sqlite").string();
  }

  const auto en = Vocabulary({"ba", "re", "ti", "con", "sul", "ta", "mi", "nis", "ter", "de", "ve", "lo", "pro",
                              "gram", "com", "mit", "tee", "sen", "ior", "ple", "na", "ry", "an", "nex"},
                             1);
  const auto ru = Vocabulary({"ра", "зо", "ве", "ти", "ко", "ми", "те", "та", "ре", "ше", "ни", "ем", "по", "ста",
                              "нов", "ле", "со", "вет", "дел", "ма", "ло", "пра", "ви", "лу"},
                             2);
  const Zipf zipf(kVocabulary);

  auto opened = storage::SqliteStore::Open(path, storage::SqliteStore::OpenMode::kCreate);
  if (!opened) Die(opened.error().message);
  auto& store = **opened;

  std::printf("== search_bench: %ld paragraphs into %s\n", paragraphs, path.c_str());
  const auto load_start = Clock::now();
  std::mt19937_64 random(42);
  constexpr long kPerTransaction = 50000;
  for (long done = 0; done < paragraphs;) {
    auto tx = store.Begin(core::TxMode::kWrite);
    if (!tx) Die(tx.error().message);
    for (long n = 0; n < kPerTransaction && done < paragraphs; ++n, ++done) {
      core::SearchEntry e;
      e.document_id = done / 40 + 1;
      e.version = static_cast<int>((done / 20) % 2 + 1);
      e.lang = done % 3 == 2 ? "ru" : "en";
      e.paragraph_id = "p" + std::to_string(done % 20);
      e.item_number = static_cast<int>(done % 20 / 4 + 1);
      e.closed_to_observers = random() % 10 == 0;
      e.access = static_cast<core::AccessCategory>(random() % 4);
      e.kind = static_cast<core::DocumentKind>(random() % 7);
      e.body = core::BodyCode::kSoc;
      e.date = core::Date{std::chrono::year{2015 + static_cast<int>(random() % 10)}, std::chrono::month{1 + static_cast<unsigned>(random() % 12)},
                          std::chrono::day{1 + static_cast<unsigned>(random() % 28)}};
      const auto& words = e.lang == "ru" ? ru : en;
      const int length = 10 + static_cast<int>(random() % 40);
      for (int w = 0; w < length; ++w) {
        if (w) e.text += ' ';
        e.text += words[zipf(random)];
      }
      if (auto r = (*tx)->Search().Add(e); !r) Die(r.error().message);
    }
    if (auto r = (*tx)->Commit(); !r) Die(r.error().message);
  }
  const double load_s = Ms(Clock::now() - load_start) / 1000;
  std::printf("loaded in %.1f s (%.0f paragraphs/s), file %.0f MB\n", load_s, static_cast<double>(paragraphs) / load_s,
              static_cast<double>(std::filesystem::file_size(path)) / 1e6);

  sqlite3* raw = nullptr;
  if (sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) Die("raw open failed");
  if (auto r = storage::sqlite::RegisterSnowballTokenizer(raw); !r) Die(r.error().message);
  auto prepare = [&](const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(raw, sql, -1, &stmt, nullptr) != SQLITE_OK) Die(sqlite3_errmsg(raw));
    return stmt;
  };
  sqlite3_stmt* raw_page = prepare("SELECT rowid FROM search_en WHERE search_en MATCH ?1 ORDER BY rank LIMIT 20");
  sqlite3_stmt* raw_count = prepare("SELECT count(*) FROM search_en WHERE search_en MATCH ?1");

  struct Probe {
    const char* name;
    int rank;  // in the Zipf vocabulary, 0 = the most frequent
  };
  const Probe probes[] = {{"rare", 30000}, {"medium", 300}, {"frequent", 0}};
  std::printf("\n%-9s %-14s %9s | %-28s | %-28s | %-20s | %-20s | %s\n", "word", "", "en hits",
              "adapter lang=en med/p95 ms", "adapter all langs med/p95 ms", "raw page med/p95 ms",
              "raw count med/p95 ms", "adapter(en)/raw page");
  for (const auto& probe : probes) {
    const std::string word = en[probe.rank];
    core::SearchQuery q;
    q.text = word;
    q.readable = {core::AccessCategory::kPublic, core::AccessCategory::kMembersAndObservers,
                  core::AccessCategory::kMemberStatesOnly};
    q.closed_visible = false;
    q.limit = 20;
    std::vector<double> adapter_en, adapter_all, raw_ms, count_ms;
    std::int64_t total = 0, raw_total = 0;
    for (int r = 0; r <= runs; ++r) {  // run 0 warms the caches and is not counted
      auto tx = store.Begin(core::TxMode::kRead);
      if (!tx) Die(tx.error().message);
      q.lang = "en";
      auto t0 = Clock::now();
      auto found = (*tx)->Search().Query(q);
      auto t1 = Clock::now();
      if (!found) Die(found.error().message);
      total = found->total;
      q.lang = std::nullopt;
      auto t2 = Clock::now();
      auto found_all = (*tx)->Search().Query(q);
      auto t3 = Clock::now();
      if (!found_all) Die(found_all.error().message);

      const std::string match = "\"" + word + "\"";
      auto t4 = Clock::now();
      sqlite3_bind_text(raw_page, 1, match.c_str(), -1, SQLITE_TRANSIENT);
      int rows = 0;
      while (sqlite3_step(raw_page) == SQLITE_ROW) ++rows;
      sqlite3_reset(raw_page);
      auto t5 = Clock::now();
      sqlite3_bind_text(raw_count, 1, match.c_str(), -1, SQLITE_TRANSIENT);
      if (sqlite3_step(raw_count) == SQLITE_ROW) raw_total = sqlite3_column_int64(raw_count, 0);
      sqlite3_reset(raw_count);
      auto t6 = Clock::now();
      if (r == 0) continue;
      adapter_en.push_back(Ms(t1 - t0));
      adapter_all.push_back(Ms(t3 - t2));
      raw_ms.push_back(Ms(t5 - t4));
      count_ms.push_back(Ms(t6 - t5));
    }
    const auto a = Summarise(adapter_en), b = Summarise(adapter_all), c = Summarise(raw_ms), d = Summarise(count_ms);
    std::printf("%-9s %-14s %9lld | %12.2f / %-13.2f | %12.2f / %-13.2f | %8.2f / %-9.2f | %8.2f / %-9.2f | %.2f\n",
                probe.name, word.c_str(), static_cast<long long>(raw_total), a.median, a.p95, b.median, b.p95,
                c.median, c.p95, d.median, d.p95, a.median / c.median);
    std::printf("%-9s %-14s visible total (adapter, en) %lld\n", "", "", static_cast<long long>(total));
  }
  sqlite3_finalize(raw_page);
  sqlite3_finalize(raw_count);
  sqlite3_close_v2(raw);
  opened->reset();
  if (!dir.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  }
  return 0;
}
