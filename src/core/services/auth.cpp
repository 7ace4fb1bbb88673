#include "core/services/auth.hpp"

#include <mutex>

#include "core/services/audit_trail.hpp"

namespace chancery::core {
namespace {

constexpr std::size_t kTokenBytes = 32;  // 256 bits
constexpr std::string_view kBadCredentials = "wrong username or password";

std::string UserKey(std::string_view username) { return "user:" + std::string(username); }
std::string AddressKey(std::string_view address) { return "addr:" + std::string(address); }

// A hash to verify against when the username does not exist, so that an unknown user takes
// as long to refuse as a wrong password.
const std::string& DummyHash(const PasswordHasher& hasher) {
  static std::once_flag once;
  static std::string hash;
  std::call_once(once, [&] { hash = hasher.Hash("chancery-timing-equaliser"); });
  return hash;
}

}  // namespace

Result<LoginResult> Login(Deps& deps, std::string_view username, std::string_view password,
                          SessionKind kind, std::string_view client_address) {
  const Instant now = deps.clock.Now();
  const Instant window_start = now - deps.auth.failure_window;
  const std::string user_key = UserKey(username);
  const std::string address_key = AddressKey(client_address);

  std::optional<User> user;
  {
    auto tx = deps.store.Begin(TxMode::kRead);
    if (!tx) return tx.error();
    for (const auto& key : {user_key, address_key}) {
      auto failures = (*tx)->LoginAttempts().CountFailuresSince(key, window_start);
      if (!failures) return failures.error();
      if (*failures >= deps.auth.max_failures) {
        return Error::ResourceExhausted("too many failed sign-ins; try again later");
      }
    }
    auto found = (*tx)->Users().FindByUsername(username);
    if (!found) return found.error();
    user = std::move(*found);
  }

  bool valid = user ? deps.hasher.Verify(password, user->password_hash)
                    : (deps.hasher.Verify(password, DummyHash(deps.hasher)), false);
  valid = valid && user->active;

  auto tx = deps.store.Begin(TxMode::kWrite);
  if (!tx) return tx.error();
  // Failures older than the window no longer count: forget them here rather than by a timer.
  if (auto r = (*tx)->LoginAttempts().DeleteBefore(window_start); !r) return r.error();
  if (!valid) {
    for (const auto& key : {user_key, address_key}) {
      if (auto r = (*tx)->LoginAttempts().RecordFailure(key, now); !r) return r.error();
    }
    if (auto r = (*tx)->Commit(); !r) return r.error();
    return Error::Unauthenticated(std::string(kBadCredentials));
  }

  LoginResult out;
  out.token = deps.random.Token(kTokenBytes);
  out.session.token_digest = deps.digest.Sha256Hex(out.token);
  out.session.user_id = user->id;
  out.session.kind = kind;
  out.session.csrf_token = kind == SessionKind::kCookie ? deps.random.Token(kTokenBytes) : "";
  out.session.created_at = now;
  out.session.expires_at =
      now + (kind == SessionKind::kCookie ? deps.auth.cookie_session_ttl : deps.auth.bearer_token_ttl);
  if (auto r = (*tx)->Sessions().Insert(out.session); !r) return r.error();
  if (auto r = (*tx)->LoginAttempts().Clear(user_key); !r) return r.error();
  // Expired sessions are swept here rather than by a timer: no process-local scheduler.
  if (auto r = (*tx)->Sessions().DeleteExpired(now); !r) return r.error();
  AuditEvent event{"session.create", "user", std::to_string(user->id), std::nullopt,
                   std::string(ToString(kind))};
  if (auto r = Record(deps, **tx, Actor::Of(*user), event); !r) return r.error();
  if (auto r = (*tx)->Commit(); !r) return r.error();
  out.user = std::move(*user);
  return out;
}

Result<Authenticated> Authenticate(Deps& deps, std::string_view token) {
  if (token.empty() || token.size() > 128) return Error::Unauthenticated("not signed in");
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  auto session = (*tx)->Sessions().Find(deps.digest.Sha256Hex(token));
  if (!session) return session.error();
  if (!*session || (*session)->expires_at <= deps.clock.Now()) {
    return Error::Unauthenticated("not signed in or session expired");
  }
  auto user = (*tx)->Users().Find((*session)->user_id);
  if (!user) return user.error();
  if (!*user || !(*user)->active) return Error::Unauthenticated("account is not active");
  return Authenticated{Actor::Of(**user), std::move(**session)};
}

Result<void> Logout(Deps& deps, std::string_view token) {
  auto tx = deps.store.Begin(TxMode::kWrite);
  if (!tx) return tx.error();
  auto digest = deps.digest.Sha256Hex(token);
  auto session = (*tx)->Sessions().Find(digest);
  if (!session) return session.error();
  if (!*session) return Error::Unauthenticated("not signed in");
  auto user = (*tx)->Users().Find((*session)->user_id);
  if (!user) return user.error();
  if (auto r = (*tx)->Sessions().Delete(digest); !r) return r.error();
  if (*user) {
    AuditEvent event{"session.delete", "user", std::to_string((*user)->id),
                     std::string(ToString((*session)->kind)), std::nullopt};
    if (auto r = Record(deps, **tx, Actor::Of(**user), event); !r) return r.error();
  }
  return (*tx)->Commit();
}

}  // namespace chancery::core
