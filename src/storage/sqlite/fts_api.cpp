#include "storage/sqlite/fts_api.hpp"

#include <sqlite3.h>

#include <string>

namespace chancery::storage::sqlite {

core::Result<fts5_api*> Fts5Api(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  // SQLite's documented way: SELECT fts5(?) hands the pointer out through a bound pointer.
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) {
    return core::Error::Internal(std::string("SQLite has no FTS5: ") + sqlite3_errmsg(db));
  }
  sqlite3_bind_pointer(stmt, 1, &api, "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  if (api == nullptr) return core::Error::Internal("SQLite has no FTS5");
  return api;
}

}  // namespace chancery::storage::sqlite
