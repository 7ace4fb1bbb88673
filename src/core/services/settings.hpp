#pragma once
// Use cases for the organisation's settings.
#include <string>
#include <utility>
#include <vector>

#include "core/model/user.hpp"
#include "core/services/deps.hpp"

namespace chancery::core {

Result<std::vector<std::pair<std::string, std::string>>> ListSettings(Deps& deps, const Actor& actor);

}  // namespace chancery::core
