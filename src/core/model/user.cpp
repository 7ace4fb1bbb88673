#include "core/model/user.hpp"

#include "core/model/delivery.hpp"
#include "core/model/participant.hpp"

namespace chancery::core {

std::string_view ToString(Role role) {
  switch (role) {
    case Role::kAdministrator: return "administrator";
    case Role::kOfficer: return "officer";
    case Role::kChairmanship: return "chairmanship";
    case Role::kMemberDelegate: return "member_delegate";
    case Role::kObserverDelegate: return "observer_delegate";
  }
  return "officer";
}

std::optional<Role> ParseRole(std::string_view text) {
  for (Role r : kAllRoles) {
    if (ToString(r) == text) return r;
  }
  return std::nullopt;
}

bool RoleNeedsParticipant(Role role) {
  return role == Role::kChairmanship || role == Role::kMemberDelegate ||
         role == Role::kObserverDelegate;
}

Result<void> ValidateUsername(std::string_view u) {
  if (u.size() < 3 || u.size() > 64 || !(u[0] >= 'a' && u[0] <= 'z')) {
    return Error::InvalidArgument("username must have 3 to 64 characters and start with a-z",
                                  "username");
  }
  for (char c : u) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) return Error::InvalidArgument("username may use only a-z, 0-9, '.', '_' and '-'", "username");
  }
  return Ok();
}

Result<void> ValidatePassword(std::string_view password) {
  if (password.size() < 12) return Error::InvalidArgument("password must have at least 12 characters", "password");
  if (password.size() > 1024) return Error::InvalidArgument("password is too long", "password");
  return Ok();
}

Result<void> ValidateUserShape(const User& user) {
  if (auto r = ValidateUsername(user.username); !r) return r;
  if (user.display_name.empty() || user.display_name.size() > 200) {
    return Error::InvalidArgument("display name must have 1 to 200 bytes", "display_name");
  }
  if (RoleNeedsParticipant(user.role) && !user.participant_id) {
    return Error::InvalidArgument(std::string("role '") + std::string(ToString(user.role)) +
                                      "' must be bound to a participant",
                                  "participant_id");
  }
  if (!RoleNeedsParticipant(user.role) && user.participant_id) {
    return Error::InvalidArgument("Secretariat roles are not bound to a participant", "participant_id");
  }
  if (user.email && !IsMailAddress(*user.email)) return Error::InvalidArgument("not an e-mail address", "email");
  if (!IsSupportedLanguage(user.language)) return Error::InvalidArgument("language must be en, ru or kk", "language");
  return Ok();
}

}  // namespace chancery::core
