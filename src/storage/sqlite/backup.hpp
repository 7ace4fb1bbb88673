#pragma once
// Online backup of a live database to a new file.
#include <string>

#include "core/result.hpp"
#include "storage/sqlite/connection.hpp"

namespace chancery::storage::sqlite {

// Copies the database `source` is open on to `to_path`, which must not exist
// (kAlreadyExists). Other connections may keep writing meanwhile; the copy is the database as
// it was when the backup began. On failure the partial file is removed.
core::Result<void> BackupTo(Connection& source, const std::string& to_path);

}  // namespace chancery::storage::sqlite
