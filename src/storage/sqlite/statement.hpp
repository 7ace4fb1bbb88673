#pragma once
// A prepared statement in use: bind parameters, step, read columns. Values always travel as
// bound parameters, never inside the SQL text.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

struct sqlite3_stmt;

namespace chancery::storage::sqlite {

// Borrowed from a Connection's cache (reset and returned there on destruction) or owned
// (finalized on destruction). Must not outlive its Connection. Parameter indexes and column
// numbers follow SQLite: parameters from 1 (?1, ?2, …), columns from 0.
class Statement {
 public:
  Statement(sqlite3_stmt* stmt, bool* in_use);  // in_use: the cache's flag, or null if owned
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Binding errors (an index out of range, out of memory) are reported by the next Step.
  Statement& BindText(int index, std::string_view text);  // "" stays "", never NULL
  Statement& BindOptionalText(int index, const std::optional<std::string>& text);  // nullopt → NULL
  Statement& BindInt(int index, std::int64_t value);
  Statement& BindBlob(int index, std::string_view bytes);  // empty stays an empty BLOB, never NULL
  Statement& BindOptionalInt(int index, const std::optional<std::int64_t>& value);  // nullopt → NULL

  // true: a row is ready to read; false: the statement has finished.
  core::Result<bool> Step();
  // Steps to the end, for statements that return no rows (INSERT, UPDATE, …).
  core::Result<void> Run();
  // Steps to the end, calling `each()` (returning core::Result<void>) at every row; stops at
  // the first error.
  template <class Each>
  core::Result<void> ForEachRow(Each each) {
    for (;;) {
      auto row = Step();
      if (!row) return row.error();
      if (!*row) return core::Ok();
      if (auto r = each(); !r) return r;
    }
  }

  std::int64_t ColumnInt(int column) const;
  double ColumnDouble(int column) const;
  std::string ColumnText(int column) const;  // exact bytes, embedded NULs included
  std::string ColumnBlob(int column) const;
  std::optional<std::string> ColumnOptionalText(int column) const;  // NULL → nullopt
  std::optional<std::int64_t> ColumnOptionalInt(int column) const;  // NULL → nullopt

 private:
  void NoteBind(int rc);

  sqlite3_stmt* stmt_;
  bool* in_use_;
  int bind_rc_ = 0;  // the first failed bind's result code, 0 (SQLITE_OK) if none
};

}  // namespace chancery::storage::sqlite
