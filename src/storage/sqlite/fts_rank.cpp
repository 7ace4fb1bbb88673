#include "storage/sqlite/fts_rank.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "storage/sqlite/fts_api.hpp"

namespace chancery::storage::sqlite {
namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

// What depends on the query, not on the row: computed at the first row, kept for the others
// through FTS5's per-query auxiliary data slot.
struct QueryStats {
  double average_length = 1;
  std::vector<double> idf;  // per scored phrase
};

// Counts the rows holding a phrase, but only up to `enough`: from half the rows on the weight
// is the same floor (below), so walking the rest of a frequent word's doclist would be wasted
// (≈ 10 ms for a word in most of 500,000 rows).
struct RowCount {
  sqlite3_int64 rows = 0;
  sqlite3_int64 enough = 0;
};

int CountRow(const Fts5ExtensionApi*, Fts5Context*, void* context) {
  auto* count = static_cast<RowCount*>(context);
  return ++count->rows >= count->enough ? SQLITE_DONE : SQLITE_OK;  // SQLITE_DONE: stop, no error
}

void DeleteStats(void* stats) { delete static_cast<QueryStats*>(stats); }

int Compute(const Fts5ExtensionApi* api, Fts5Context* fts, int phrases, QueryStats& out) {
  sqlite3_int64 rows = 0;
  sqlite3_int64 tokens = 0;
  int rc = api->xRowCount(fts, &rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, 0, &tokens);
  if (rc != SQLITE_OK) return rc;
  if (rows > 0 && tokens > 0) out.average_length = static_cast<double>(tokens) / static_cast<double>(rows);
  for (int i = 0; i < phrases; ++i) {
    RowCount count{0, std::max<sqlite3_int64>(1, (rows + 1) / 2)};  // rows holding phrase i, up to half
    rc = api->xQueryPhrase(fts, i, &count, CountRow);
    if (rc != SQLITE_OK) return rc;
    const auto hits = static_cast<double>(count.rows);
    double idf = std::log((static_cast<double>(rows) - hits + 0.5) / (hits + 0.5));
    // A phrase in more than half the rows would count against a row: a small positive weight
    // instead, so that holding it still helps (as bm25() does).
    out.idf.push_back(idf > 0 ? idf : 1e-6);
  }
  return SQLITE_OK;
}

void TextRank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* result, int argc, sqlite3_value** argv) {
  int phrases = api->xPhraseCount(fts);
  if (argc >= 1) phrases = std::clamp(sqlite3_value_int(argv[0]), 0, phrases);
  auto* stats = static_cast<QueryStats*>(api->xGetAuxdata(fts, 0));
  if (stats == nullptr) {
    stats = new QueryStats;
    int rc = Compute(api, fts, phrases, *stats);
    if (rc == SQLITE_OK) rc = api->xSetAuxdata(fts, stats, DeleteStats);  // frees it on failure too
    else delete stats;
    if (rc != SQLITE_OK) {
      sqlite3_result_error_code(result, rc);
      return;
    }
  }
  int length = 0;
  if (int rc = api->xColumnSize(fts, 0, &length); rc != SQLITE_OK) {
    sqlite3_result_error_code(result, rc);
    return;
  }
  const double norm = kK1 * (1 - kB + kB * static_cast<double>(length) / stats->average_length);
  double score = 0;
  for (int i = 0; i < phrases && i < static_cast<int>(stats->idf.size()); ++i) {
    Fts5PhraseIter it;
    int column = 0;
    int offset = 0;
    int hits = 0;
    for (api->xPhraseFirst(fts, i, &it, &column, &offset); column >= 0; api->xPhraseNext(fts, &it, &column, &offset)) {
      if (column == 0) ++hits;
    }
    if (hits > 0) score += stats->idf[i] * (hits * (kK1 + 1)) / (hits + norm);
  }
  sqlite3_result_double(result, -score);
}

}  // namespace

core::Result<void> RegisterTextRank(sqlite3* db) {
  auto found = Fts5Api(db);
  if (!found) return found.error();
  fts5_api* api = *found;
  if (int rc = api->xCreateFunction(api, "text_rank", nullptr, TextRank, nullptr); rc != SQLITE_OK) {
    return core::Error::Internal(std::string("cannot register text_rank: ") + sqlite3_errstr(rc));
  }
  return core::Ok();
}

}  // namespace chancery::storage::sqlite
