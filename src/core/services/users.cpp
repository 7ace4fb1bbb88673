#include "core/services/users.hpp"

#include "core/policy.hpp"
#include "core/services/audit_trail.hpp"

namespace chancery::core {

Result<CreatedUser> CreateUser(Deps& deps, const Actor& actor, NewUser request) {
  if (auto denied = Check(actor, Action::kCreate, {ObjectKind::kUser, {}}, "users")) return *denied;
  CreatedUser out;
  if (!request.password) {
    out.generated_password = deps.random.Token(15);  // 120 bits, 20 URL-safe characters
    request.password = out.generated_password;
  }
  if (auto r = ValidatePassword(*request.password); !r) return r.error();
  User& user = out.user;
  user.username = std::move(request.username);
  user.display_name = std::move(request.display_name);
  user.role = request.role;
  user.participant_id = std::move(request.participant_id);
  user.created_at = deps.clock.Now();
  user.active = true;
  if (auto r = ValidateUserShape(user); !r) return r.error();
  // Hash before the transaction: it is slow and must not hold the write lock.
  user.password_hash = deps.hasher.Hash(*request.password);

  auto tx = deps.store.Begin(TxMode::kWrite);
  if (!tx) return tx.error();
  if (user.participant_id) {
    auto p = (*tx)->Participants().Find(*user.participant_id);
    if (!p) return p.error();
    if (!*p) return Error::InvalidArgument("no participant " + *user.participant_id, "participant_id");
  }
  auto id = (*tx)->Users().Insert(user);
  if (!id) return id.error();
  user.id = *id;
  if (auto r = Record(deps, **tx, actor, {"user.create", "user", std::to_string(user.id), std::nullopt, Canonical(user)}); !r) {
    return r.error();
  }
  if (auto r = (*tx)->Commit(); !r) return r.error();
  return out;
}

Result<std::vector<User>> ListUsers(Deps& deps, const Actor& actor) {
  if (auto denied = Check(actor, Action::kList, {ObjectKind::kUser, {}}, "users")) return *denied;
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  return (*tx)->Users().List();
}

Result<User> GetUser(Deps& deps, const Actor& actor, std::int64_t id) {
  if (auto denied = Check(actor, Action::kRead, {ObjectKind::kUser, id}, "user")) return *denied;
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  auto found = (*tx)->Users().Find(id);
  if (!found) return found.error();
  if (!*found) return Error::NotFound("user not found");
  return std::move(**found);
}

}  // namespace chancery::core
