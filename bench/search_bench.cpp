// The C++ half of bench/search_vs_raw.sh (see bench/README.md). It is not a test: it prints
// figures.
//
//   search_bench fill --db FILE --paragraphs N --queries OUT
//     Adds a generated corpus (search_corpus.hpp) of N paragraphs as real documents to a
//     chancery database made by `chancery init`: each document through the store's
//     Documents().Insert and core::IndexVersion, as CreateDocument does (without its audit
//     records), 100 paragraphs per document, one transaction per 100 documents; then merges
//     each FTS5 table's segments ('optimize'), as an import would. Writes the query mix to OUT
//     (one query a line: kind, lang, words, tab-separated).
//
//   search_bench raw --db FILE --queries FILE --passes P --out FILE
//     Times the raw FTS5 reference of perf-anchors §B2 for every query on the same file,
//     on the table of the query's language:
//       SELECT rowid, snippet(t, 0, '[', ']', '…', 12) FROM t WHERE t MATCH '"w1" "w2"' ORDER BY rank LIMIT 20
//     and the same without snippet(); one warm-up pass, then P timed passes. Writes per query
//     (in the file's order) its match count and the median of its passes for both, in ms.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/services/search.hpp"
#include "platform/tz_time_zone.hpp"
#include "search_corpus.hpp"
#include "storage/sqlite/fts_tokenizer.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace {

using namespace chancery;
using Clock = std::chrono::steady_clock;

constexpr int kParagraphsPerDocument = 100;
constexpr int kDocumentsPerTransaction = 100;

[[noreturn]] void Die(const std::string& message) {
  std::fprintf(stderr, "search_bench: %s\n", message.c_str());
  std::exit(1);
}

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

struct Options {
  std::string db, queries, out;
  long paragraphs = 1000000;
  int passes = 3;
};

Options Parse(int argc, char** argv) {
  Options o;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) Die("missing value after " + arg);
    const std::string value = argv[++i];
    if (arg == "--db") o.db = value;
    else if (arg == "--queries") o.queries = value;
    else if (arg == "--out") o.out = value;
    else if (arg == "--paragraphs") o.paragraphs = std::stol(value);
    else if (arg == "--passes") o.passes = std::stoi(value);
    else Die("unknown option " + arg);
  }
  if (o.db.empty() || o.queries.empty()) Die("--db and --queries are required");
  return o;
}

int Fill(const Options& o) {
  if (o.paragraphs < kParagraphsPerDocument) Die("--paragraphs must be at least 100");
  auto zone = platform::TzTimeZone::Locate("Asia/Almaty");
  if (!zone) Die(zone.error().message);
  auto opened = storage::SqliteStore::Open(o.db, storage::SqliteStore::OpenMode::kExisting);
  if (!opened) Die(opened.error().message);
  auto& store = **opened;
  const bench::Corpus corpus;
  const std::int64_t documents = o.paragraphs / kParagraphsPerDocument;
  std::mt19937_64 random(42);
  const auto start = Clock::now();
  long paragraphs = 0;
  for (std::int64_t n = 0; n < documents;) {
    auto tx = store.Begin(core::TxMode::kWrite);
    if (!tx) Die(tx.error().message);
    for (int k = 0; k < kDocumentsPerTransaction && n < documents; ++k, ++n) {
      core::Document d = corpus.Document(n, documents, kParagraphsPerDocument, random);
      auto id = (*tx)->Documents().Insert(d);
      if (!id) Die(id.error().message);
      d.id = *id;
      for (const auto& v : d.versions) {
        for (const auto& l : v.languages) paragraphs += static_cast<long>(l.content.paragraphs.size());
        if (auto r = core::IndexVersion(**tx, d, v, **zone); !r) Die(r.error().message);
      }
    }
    if (auto r = (*tx)->Commit(); !r) Die(r.error().message);
  }
  const double load_s = Ms(Clock::now() - start) / 1000;
  opened->reset();

  sqlite3* db = nullptr;
  if (sqlite3_open(o.db.c_str(), &db) != SQLITE_OK) Die("cannot open " + o.db);
  if (auto r = storage::sqlite::RegisterSnowballTokenizer(db); !r) Die(r.error().message);
  const auto optimize_start = Clock::now();
  for (const char* table : {"search_en", "search_ru", "search_kk"}) {
    const std::string sql = std::string("INSERT INTO ") + table + " (" + table + ") VALUES ('optimize')";
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) Die(sqlite3_errmsg(db));
  }
  sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  std::printf("filled %lld documents, %ld paragraphs in %.1f s (%.0f paragraphs/s); optimize %.1f s\n",
              static_cast<long long>(documents), paragraphs, load_s, static_cast<double>(paragraphs) / load_s,
              Ms(Clock::now() - optimize_start) / 1000);

  std::ofstream out(o.queries);
  for (const auto& q : bench::QueryMix(corpus)) {
    out << q.kind << '\t' << q.lang;
    for (const auto& w : q.words) out << '\t' << w;
    out << '\n';
  }
  if (!out) Die("cannot write " + o.queries);
  return 0;
}

int Raw(const Options& o) {
  if (o.out.empty() || o.passes < 1) Die("raw needs --out and --passes >= 1");
  std::vector<bench::Query> queries;
  std::ifstream in(o.queries);
  for (std::string line; std::getline(in, line);) {
    std::istringstream fields(line);
    bench::Query q;
    std::getline(fields, q.kind, '\t');
    std::getline(fields, q.lang, '\t');
    for (std::string w; std::getline(fields, w, '\t');) q.words.push_back(w);
    if (!q.words.empty()) queries.push_back(std::move(q));
  }
  if (queries.empty()) Die("no query in " + o.queries);

  sqlite3* db = nullptr;
  if (sqlite3_open_v2(o.db.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) Die("cannot open " + o.db);
  if (auto r = storage::sqlite::RegisterSnowballTokenizer(db); !r) Die(r.error().message);
  auto prepare = [&](const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) Die(sqlite3_errmsg(db));
    return stmt;
  };
  struct Statements {
    sqlite3_stmt *snippet, *plain, *count;
  };
  auto statements_for = [&](const std::string& lang) {
    const std::string t = "search_" + lang;
    return Statements{
        prepare("SELECT rowid, snippet(" + t + ", 0, '[', ']', '…', 12) FROM " + t + " WHERE " + t +
                " MATCH ?1 ORDER BY rank LIMIT 20"),
        prepare("SELECT rowid FROM " + t + " WHERE " + t + " MATCH ?1 ORDER BY rank LIMIT 20"),
        prepare("SELECT count(*) FROM " + t + " WHERE " + t + " MATCH ?1")};
  };
  const Statements en = statements_for("en"), ru = statements_for("ru");
  auto run = [](sqlite3_stmt* stmt, const std::string& match) {
    sqlite3_bind_text(stmt, 1, match.c_str(), -1, SQLITE_TRANSIENT);
    std::int64_t last = 0;
    std::size_t bytes = 0;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      last = sqlite3_column_int64(stmt, 0);
      if (sqlite3_column_count(stmt) > 1) bytes += static_cast<std::size_t>(sqlite3_column_bytes(stmt, 1));
    }
    sqlite3_reset(stmt);
    return last + static_cast<std::int64_t>(bytes);  // used, so that nothing is optimised away
  };

  std::vector<std::vector<double>> snippet_ms(queries.size()), plain_ms(queries.size());
  std::vector<std::int64_t> matches(queries.size());
  std::int64_t sink = 0;
  for (int pass = 0; pass <= o.passes; ++pass) {  // pass 0 warms the caches and is not counted
    for (std::size_t i = 0; i < queries.size(); ++i) {
      const auto& q = queries[i];
      const Statements& s = q.lang == "ru" ? ru : en;
      std::string match;
      for (const auto& w : q.words) match += (match.empty() ? "\"" : " \"") + w + "\"";
      const auto t0 = Clock::now();
      sink += run(s.snippet, match);
      const auto t1 = Clock::now();
      sink += run(s.plain, match);
      const auto t2 = Clock::now();
      if (pass == 0) {
        sqlite3_bind_text(s.count, 1, match.c_str(), -1, SQLITE_TRANSIENT);
        if (sqlite3_step(s.count) == SQLITE_ROW) matches[i] = sqlite3_column_int64(s.count, 0);
        sqlite3_reset(s.count);
        continue;
      }
      snippet_ms[i].push_back(Ms(t1 - t0));
      plain_ms[i].push_back(Ms(t2 - t1));
    }
  }
  for (const auto* s : {&en, &ru}) {
    for (auto* stmt : {s->snippet, s->plain, s->count}) sqlite3_finalize(stmt);
  }
  sqlite3_close(db);

  std::ofstream out(o.out);
  out << "# matches\traw_snippet_ms\traw_plain_ms (sink " << sink << ")\n";
  for (std::size_t i = 0; i < queries.size(); ++i) {
    out << matches[i] << '\t' << Median(snippet_ms[i]) << '\t' << Median(plain_ms[i]) << '\n';
  }
  if (!out) Die("cannot write " + o.out);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string command = argc > 1 ? argv[1] : "";
  if (command == "fill") return Fill(Parse(argc, argv));
  if (command == "raw") return Raw(Parse(argc, argv));
  Die("usage: search_bench fill --db FILE --paragraphs N --queries OUT | "
      "raw --db FILE --queries FILE --passes P --out FILE");
}
