#pragma once
// Errors as values. Expected failures (bad input, missing objects, denied actions, storage
// trouble) travel as Error inside Result<T>; exceptions are kept for programmer errors and for
// third-party code, caught once at each entry point. The member names follow std::expected so
// that moving to C++23 is a one-line alias change.
#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace chancery::core {

// A small shared vocabulary. The API maps these to HTTP statuses, the CLI to exit codes.
enum class ErrorCode {
  kInvalidArgument,     // the input is malformed or breaks a rule
  kNotFound,            // no such object, or the actor may not know it exists
  kAlreadyExists,       // a unique key is taken
  kConflict,            // the object changed underneath (stale version)
  kFailedPrecondition,  // the object is in the wrong state for this action
  kPermissionDenied,    // the actor may see the object but not do this to it
  kUnauthenticated,     // no valid session or credentials
  kResourceExhausted,   // rate limit hit
  kUnavailable,         // a dependency (the database) is busy or down; retry may help
  kInternal,            // a bug or corrupted state
};

std::string_view ErrorCodeName(ErrorCode code);

struct Error {
  ErrorCode code;
  std::string message;  // one line, readable by an administrator
  std::string field;    // for kInvalidArgument: the offending field ("names[0].lang"), if any

  static Error InvalidArgument(std::string msg, std::string field = {}) {
    return {ErrorCode::kInvalidArgument, std::move(msg), std::move(field)};
  }
  static Error NotFound(std::string msg) { return {ErrorCode::kNotFound, std::move(msg), {}}; }
  static Error AlreadyExists(std::string msg, std::string field = {}) {
    return {ErrorCode::kAlreadyExists, std::move(msg), std::move(field)};
  }
  static Error Conflict(std::string msg) { return {ErrorCode::kConflict, std::move(msg), {}}; }
  static Error FailedPrecondition(std::string msg, std::string field = {}) {
    return {ErrorCode::kFailedPrecondition, std::move(msg), std::move(field)};
  }
  static Error PermissionDenied(std::string msg) {
    return {ErrorCode::kPermissionDenied, std::move(msg), {}};
  }
  static Error Unauthenticated(std::string msg) {
    return {ErrorCode::kUnauthenticated, std::move(msg), {}};
  }
  static Error ResourceExhausted(std::string msg) {
    return {ErrorCode::kResourceExhausted, std::move(msg), {}};
  }
  static Error Unavailable(std::string msg) { return {ErrorCode::kUnavailable, std::move(msg), {}}; }
  static Error Internal(std::string msg) { return {ErrorCode::kInternal, std::move(msg), {}}; }
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design, like expected
  Result(Error error) : v_(std::move(error)) {}  // NOLINT

  bool has_value() const { return v_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  T& value() & { assert(has_value()); return std::get<0>(v_); }
  const T& value() const& { assert(has_value()); return std::get<0>(v_); }
  T&& value() && { assert(has_value()); return std::get<0>(std::move(v_)); }
  const Error& error() const { assert(!has_value()); return std::get<1>(v_); }

  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)) {}  // NOLINT

  bool has_value() const { return !error_.has_value(); }
  explicit operator bool() const { return has_value(); }
  const Error& error() const { assert(error_); return *error_; }

 private:
  std::optional<Error> error_;
};

inline Result<void> Ok() { return {}; }

}  // namespace chancery::core
