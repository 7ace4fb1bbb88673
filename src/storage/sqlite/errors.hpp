#pragma once
// SQLite result codes in the ports' vocabulary (core::ErrorCode).
#include <string_view>

#include "core/result.hpp"

namespace chancery::storage::sqlite {

// `rc` may be a primary or an extended result code; `message` is sqlite3_errmsg or similar;
// `context` says what was being done ("insert user"). Unique-key violations become
// kAlreadyExists, foreign-key violations kFailedPrecondition, busy/locked and disk trouble
// kUnavailable, a file that is not a database kFailedPrecondition, the rest kInternal.
core::Error ToError(int rc, std::string_view message, std::string_view context);

}  // namespace chancery::storage::sqlite
