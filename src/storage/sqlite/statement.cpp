#include "storage/sqlite/statement.hpp"

#include <sqlite3.h>

#include "storage/sqlite/errors.hpp"

namespace chancery::storage::sqlite {

Statement::Statement(sqlite3_stmt* stmt, bool* in_use) : stmt_(stmt), in_use_(in_use) {}

Statement::~Statement() {
  if (stmt_ == nullptr) return;
  if (in_use_ != nullptr) {
    // Reset ends the statement's read of the database (so COMMIT/ROLLBACK are not held up by
    // a pending statement) and clearing drops bound copies of possibly sensitive values.
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    *in_use_ = false;
  } else {
    sqlite3_finalize(stmt_);
  }
}

Statement::Statement(Statement&& other) noexcept
    : stmt_(other.stmt_), in_use_(other.in_use_), bind_rc_(other.bind_rc_) {
  other.stmt_ = nullptr;
  other.in_use_ = nullptr;
}

void Statement::NoteBind(int rc) {
  if (rc != SQLITE_OK && bind_rc_ == SQLITE_OK) bind_rc_ = rc;
}

Statement& Statement::BindText(int index, std::string_view text) {
  // A null pointer would bind SQL NULL; an empty text must stay an empty text.
  const char* data = text.data() != nullptr ? text.data() : "";
  NoteBind(sqlite3_bind_text64(stmt_, index, data, text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  return *this;
}

Statement& Statement::BindOptionalText(int index, const std::optional<std::string>& text) {
  if (text) return BindText(index, *text);
  NoteBind(sqlite3_bind_null(stmt_, index));
  return *this;
}

Statement& Statement::BindBlob(int index, std::string_view bytes) {
  if (bytes.empty()) {
    NoteBind(sqlite3_bind_zeroblob(stmt_, index, 0));
  } else {
    NoteBind(sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT));
  }
  return *this;
}

Statement& Statement::BindInt(int index, std::int64_t value) {
  NoteBind(sqlite3_bind_int64(stmt_, index, value));
  return *this;
}

Statement& Statement::BindOptionalInt(int index, const std::optional<std::int64_t>& value) {
  if (value) return BindInt(index, *value);
  NoteBind(sqlite3_bind_null(stmt_, index));
  return *this;
}

core::Result<bool> Statement::Step() {
  sqlite3* db = sqlite3_db_handle(stmt_);
  if (bind_rc_ != SQLITE_OK) return ToError(bind_rc_, sqlite3_errstr(bind_rc_), "bind parameters");
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return ToError(rc, sqlite3_errmsg(db), sqlite3_sql(stmt_));
}

core::Result<void> Statement::Run() {
  for (;;) {
    auto row = Step();
    if (!row) return row.error();
    if (!*row) return core::Ok();
  }
}

std::int64_t Statement::ColumnInt(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::ColumnDouble(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Statement::ColumnText(int column) const {
  // sqlite3_column_text before sqlite3_column_bytes: the documented safe order.
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  const int size = sqlite3_column_bytes(stmt_, column);
  if (text == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
}

std::string Statement::ColumnBlob(int column) const {
  // sqlite3_column_blob before sqlite3_column_bytes, as for text.
  const void* blob = sqlite3_column_blob(stmt_, column);
  const int size = sqlite3_column_bytes(stmt_, column);
  if (blob == nullptr) return {};
  return std::string(static_cast<const char*>(blob), static_cast<std::size_t>(size));
}

std::optional<std::string> Statement::ColumnOptionalText(int column) const {
  if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return std::nullopt;
  return ColumnText(column);
}

std::optional<std::int64_t> Statement::ColumnOptionalInt(int column) const {
  if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return std::nullopt;
  return ColumnInt(column);
}

}  // namespace chancery::storage::sqlite
