#pragma once
// Signing in and out, and turning a presented token back into an actor.
#include <string>
#include <string_view>

#include "core/model/session.hpp"
#include "core/model/user.hpp"
#include "core/services/deps.hpp"

namespace chancery::core {

struct LoginResult {
  User user;
  Session session;
  std::string token;  // give to the client once; storage keeps only its digest
};

// kUnauthenticated for a wrong username or password (the same message for both, so that
// usernames cannot be probed); kResourceExhausted when throttled. Password verification runs
// outside any transaction: it takes ~100 ms and must not hold the write lock.
Result<LoginResult> Login(Deps& deps, std::string_view username, std::string_view password,
                          SessionKind kind, std::string_view client_address);

struct Authenticated {
  Actor actor;
  Session session;
};

// kUnauthenticated if the token is unknown, expired, or its user is inactive.
Result<Authenticated> Authenticate(Deps& deps, std::string_view token);

Result<void> Logout(Deps& deps, std::string_view token);

}  // namespace chancery::core
