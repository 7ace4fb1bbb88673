#pragma once
// Use cases for user accounts.
#include <optional>
#include <string>
#include <utility>
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
  std::optional<std::string> email = std::nullopt;  // where notices go; none: no notices
  std::string language = "en";
  NoticeChoices notices = {};
};

// What an administrator changes on an account; absent fields stay as they are.
struct UserChange {
  std::optional<std::optional<std::string>> email = std::nullopt;  // an inner nullopt removes the address
  std::optional<std::string> language = std::nullopt;
  std::vector<std::pair<NoticeKind, bool>> notices = {};  // only the kinds named change
};

struct CreatedUser {
  User user;
  std::optional<std::string> generated_password;  // shown once to whoever created the account
};

Result<CreatedUser> CreateUser(Deps& deps, const Actor& actor, NewUser request);
Result<std::vector<User>> ListUsers(Deps& deps, const Actor& actor);
Result<User> GetUser(Deps& deps, const Actor& actor, std::int64_t id);
// The address only by an administrator: it decides where notices about a state go. Language
// and notice kinds also by the user themselves (see also notices.hpp).
Result<User> UpdateUser(Deps& deps, const Actor& actor, std::int64_t id, UserChange change);

}  // namespace chancery::core
