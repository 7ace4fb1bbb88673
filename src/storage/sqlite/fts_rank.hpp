#pragma once
// The FTS5 auxiliary function text_rank(table, n): Okapi BM25 (k1 = 1.2, b = 0.75, the constants
// of FTS5's own bm25()) over the first `n` phrases of the query only, counting their hits and the
// row's length in the table's first column only. Smaller is better, like bm25().
//
// Why not bm25(): the search index appends filter phrases on a second column (search_index.cpp)
// to the reader's words. bm25() scores every phrase of the query, and before the first row it
// walks the whole doclist of each phrase to learn in how many rows it occurs: for filter tokens
// held by most rows that alone costs tens of milliseconds per query, whatever the words. The
// filters must not sway the rank either: text_rank ignores them.
#include "core/result.hpp"

struct sqlite3;

namespace chancery::storage::sqlite {

// Registers text_rank on `db`; done for every connection when it is opened (Connection::Open).
core::Result<void> RegisterTextRank(sqlite3* db);

}  // namespace chancery::storage::sqlite
