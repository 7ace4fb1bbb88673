#include "storage/sqlite/errors.hpp"

#include <sqlite3.h>

#include <string>

namespace chancery::storage::sqlite {

core::Error ToError(int rc, std::string_view message, std::string_view context) {
  std::string text = std::string(context) + ": " + std::string(message);
  switch (rc) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return core::Error::AlreadyExists(std::move(text));
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return core::Error::FailedPrecondition(std::move(text));
    default:
      break;
  }
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return core::Error::Unavailable(std::move(text));
    // "Disk trouble" in the ports' terms: retrying later, or after an operator frees space or
    // fixes the volume, may succeed; nothing is wrong with the request or the data.
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_NOLFS:
      return core::Error::Unavailable(std::move(text));
    case SQLITE_NOTADB:
      return core::Error::FailedPrecondition(std::move(text));
    default:
      return core::Error::Internal(std::move(text));
  }
}

}  // namespace chancery::storage::sqlite
