#pragma once
// Use cases for user accounts.
#include <optional>
#include <string>
#include <vector>

#include "core/model/user.hpp"
#include "core/services/deps.hpp"

namespace chancery::core {

struct NewUser {
  std::string username;
  std::string display_name;
  Role role = Role::kOfficer;
  std::optional<std::string> participant_id;
  std::optional<std::string> password;  // generated when absent
};

struct CreatedUser {
  User user;
  std::optional<std::string> generated_password;  // shown once to whoever created the account
};

Result<CreatedUser> CreateUser(Deps& deps, const Actor& actor, NewUser request);
Result<std::vector<User>> ListUsers(Deps& deps, const Actor& actor);
Result<User> GetUser(Deps& deps, const Actor& actor, std::int64_t id);

}  // namespace chancery::core
