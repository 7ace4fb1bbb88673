#pragma once
// The schema as an ordered list of migrations. PRAGMA user_version is the number of
// migrations applied; migration N takes it from N-1 to N.
#include <cstdint>
#include <span>
#include <string_view>

#include "core/result.hpp"
#include "storage/sqlite/connection.hpp"

namespace chancery::storage::sqlite {

std::span<const std::string_view> Migrations();

// The schema version this binary creates and understands.
inline std::int64_t LatestSchemaVersion() { return static_cast<std::int64_t>(Migrations().size()); }

// Brings the database up to LatestSchemaVersion(), each migration in its own write
// transaction, so that a crash leaves the database at some whole version. Refuses
// (kFailedPrecondition) a newer schema than this binary knows, and a version-0 database that
// already has tables of its own (some other program's file).
core::Result<void> Migrate(Connection& connection);

}  // namespace chancery::storage::sqlite
