// chancery user add | list | set: account administration from the shell, as the system actor.
#include <iomanip>
#include <iostream>

#include "app/commands.hpp"
#include "app/runtime.hpp"
#include "core/services/users.hpp"

namespace chancery::app {

int UserAdd(const cli::Arguments& args) {
  auto role = core::ParseRole(*args.Get("role"));
  if (!role) {
    return Fail(core::Error::InvalidArgument(
        "must be administrator, officer, chairmanship, member_delegate or observer_delegate", "--role"));
  }
  core::NewUser request{*args.Get("username"), args.GetOr("display-name", *args.Get("username")), *role,
                        args.Get("participant"), std::nullopt};
  request.email = args.Get("email");
  request.language = args.GetOr("language", "en");
  if (args.Has("password-stdin")) {
    std::string line;
    if (!std::getline(std::cin, line)) return Fail(core::Error::InvalidArgument("no password on standard input"));
    request.password = line;
  }
  auto rt = OpenRuntime(*args.Get("data"), DataDir::kExisting);
  if (!rt) return Fail(rt.error());
  auto created = core::CreateUser(*(*rt)->deps, core::Actor::System(), std::move(request));
  if (!created) return Fail(created.error());
  std::cout << "Created user " << created->user.username << " (id " << created->user.id << ", "
            << core::ToString(created->user.role) << ")\n";
  if (created->generated_password) std::cout << "password: " << *created->generated_password << "\n";
  return cli::kExitOk;
}

int UserList(const cli::Arguments& args) {
  auto rt = OpenRuntime(*args.Get("data"), DataDir::kExisting);
  if (!rt) return Fail(rt.error());
  auto users = core::ListUsers(*(*rt)->deps, core::Actor::System());
  if (!users) return Fail(users.error());
  for (const auto& u : *users) {
    std::cout << std::left << std::setw(5) << u.id << std::setw(16) << u.username << std::setw(18)
              << core::ToString(u.role) << std::setw(5) << u.participant_id.value_or("") << (u.active ? "" : " inactive")
              << u.display_name << "\n";
  }
  return cli::kExitOk;
}

int UserSet(const cli::Arguments& args) {
  if (args.Has("email") && args.Has("no-email")) {
    return Fail(core::Error::InvalidArgument("give --email or --no-email, not both", "--no-email"));
  }
  auto rt = OpenRuntime(*args.Get("data"), DataDir::kExisting);
  if (!rt) return Fail(rt.error());
  core::UserChange change;
  if (args.Has("email")) change.email = args.Get("email");
  if (args.Has("no-email")) change.email = std::optional<std::string>();
  change.language = args.Get("language");
  std::optional<std::int64_t> id;
  {
    auto tx = (*rt)->store->Begin(core::TxMode::kRead);
    if (!tx) return Fail(tx.error());
    auto found = (*tx)->Users().FindByUsername(*args.Get("username"));
    if (!found) return Fail(found.error());
    if (!*found) return Fail(core::Error::NotFound("no user " + *args.Get("username")));
    id = (*found)->id;
  }
  auto user = core::UpdateUser(*(*rt)->deps, core::Actor::System(), *id, std::move(change));
  if (!user) return Fail(user.error());
  std::cout << "Updated user " << user->username << ": e-mail " << user->email.value_or("(none)") << ", language "
            << user->language << "\n";
  return cli::kExitOk;
}

}  // namespace chancery::app
