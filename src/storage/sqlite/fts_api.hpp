#pragma once
// The FTS5 API of a connection, through which the search index's tokenizer and rank function
// are registered (fts_tokenizer.hpp, fts_rank.hpp).
#include "core/result.hpp"

struct sqlite3;
struct fts5_api;

namespace chancery::storage::sqlite {

// kInternal if SQLite was built without FTS5.
core::Result<fts5_api*> Fts5Api(sqlite3* db);

}  // namespace chancery::storage::sqlite
