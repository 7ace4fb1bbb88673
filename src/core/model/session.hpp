#pragma once
// Sign-in sessions. The token itself is only ever in the client's hands; storage keeps its
// digest, so a copy of the database does not let anyone sign in.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/time.hpp"

namespace chancery::core {

// A browser session (cookie + CSRF token) or a bearer token for scripts.
enum class SessionKind { kCookie, kBearer };
std::string_view ToString(SessionKind kind);

struct Session {
  std::string token_digest;  // hex SHA-256 of the token
  std::int64_t user_id = 0;
  SessionKind kind = SessionKind::kCookie;
  std::string csrf_token;  // cookie sessions only: must come back in X-CSRF-Token on writes
  Instant created_at{};
  Instant expires_at{};
};

}  // namespace chancery::core
