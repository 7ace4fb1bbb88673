#pragma once
// Users, their roles, and the actor a request acts as.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/model/notice.hpp"
#include "core/result.hpp"
#include "core/time.hpp"

namespace chancery::core {

enum class Role {
  kAdministrator,     // Secretariat administrator: users, settings, audit
  kOfficer,           // Secretariat officer: the registry, meetings, documents
  kChairmanship,      // the chairing state's team
  kMemberDelegate,    // delegate of one Member State
  kObserverDelegate,  // delegate of one observer state or organisation
};

inline constexpr Role kAllRoles[] = {Role::kAdministrator, Role::kOfficer, Role::kChairmanship,
                                     Role::kMemberDelegate, Role::kObserverDelegate};

std::string_view ToString(Role role);  // "administrator", "officer", …
std::optional<Role> ParseRole(std::string_view text);
// Delegates act for one participant; Secretariat roles for none. The Chairmanship is bound to
// the chairing state.
bool RoleNeedsParticipant(Role role);

struct User {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  Role role = Role::kOfficer;
  std::optional<std::string> participant_id;
  std::string password_hash;  // PHC string ($argon2id$…); never leaves storage and core
  Instant created_at{};
  bool active = true;
  // Where notices go (model/notice.hpp) and in which language; no address, no notices.
  std::optional<std::string> email = std::nullopt;
  std::string language = "en";  // en, ru or kk
  NoticeChoices notices = {};
};

// Usernames: 3–64 of [a-z0-9._-], starting with a letter, so that they are safe in URLs,
// logs and audit records.
Result<void> ValidateUsername(std::string_view username);
Result<void> ValidatePassword(std::string_view password);  // 12 to 1024 bytes
Result<void> ValidateUserShape(const User& user);           // role/participant binding, address, language

// Who is acting. The system actor is the CLI acting with the operator's authority.
struct Actor {
  std::int64_t user_id = 0;
  std::string username;
  Role role = Role::kOfficer;
  std::optional<std::string> participant_id;

  static Actor System() { return {0, "system", Role::kAdministrator, std::nullopt}; }
  static Actor Of(const User& user) { return {user.id, user.username, user.role, user.participant_id}; }
};

}  // namespace chancery::core
