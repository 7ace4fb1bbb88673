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
  user.email = std::move(request.email);
  user.language = std::move(request.language);
  user.notices = std::move(request.notices);
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

Result<User> UpdateUser(Deps& deps, const Actor& actor, std::int64_t id, UserChange change) {
  if (auto denied = Check(actor, Action::kUpdate, {ObjectKind::kUser, id}, "user")) return *denied;
  // Whoever may create accounts sets their addresses: the holder of an account must not
  // redirect the notices about their state.
  if (change.email && Decide(actor, Action::kCreate, {ObjectKind::kUser, {}}) != Verdict::kAllow) {
    return Error::PermissionDenied("only an administrator sets a user's e-mail address");
  }
  auto tx = deps.store.Begin(TxMode::kWrite);
  if (!tx) return tx.error();
  auto found = (*tx)->Users().Find(id);
  if (!found) return found.error();
  if (!*found) return Error::NotFound("user not found");
  User user = std::move(**found);
  const std::string before = Canonical(user);
  if (change.email) user.email = std::move(*change.email);
  if (change.language) user.language = std::move(*change.language);
  for (const auto& [kind, on] : change.notices) user.notices.Set(kind, on);
  if (auto r = ValidateUserShape(user); !r) return r.error();
  if (auto r = (*tx)->Users().Update(user); !r) return r.error();
  if (auto r = Record(deps, **tx, actor, {"user.update", "user", std::to_string(id), before, Canonical(user)}); !r) {
    return r.error();
  }
  if (auto r = (*tx)->Commit(); !r) return r.error();
  return user;
}

}  // namespace chancery::core
