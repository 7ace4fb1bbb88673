#pragma once
// The FTS5 tokenizer "snowball": SQLite's unicode61 tokenizer (with remove_diacritics 0) whose
// tokens are stemmed by a Snowball stemmer chosen by the first argument:
//   tokenize='snowball en'  English stemmer
//   tokenize='snowball ru'  Russian stemmer (folds ё to е)
//   tokenize='snowball kk'  no stemmer: Snowball has no Kazakh, tokens stay as unicode61 gives them
// A token holding an ASCII digit is never stemmed. Further arguments go to unicode61. The same tokenizer runs at index and at query time, so a
// query word matches every word form with the same stem.
#include "core/result.hpp"

struct sqlite3;

namespace chancery::storage::sqlite {

// Registers "snowball" on `db`; done for every connection when it is opened (Connection::Open).
// kInternal if SQLite was built without FTS5.
core::Result<void> RegisterSnowballTokenizer(sqlite3* db);

}  // namespace chancery::storage::sqlite
