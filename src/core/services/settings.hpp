#pragma once
// Use cases for the organisation's settings.
#include <string>
#include <utility>
#include <vector>

#include "core/model/user.hpp"
#include "core/services/deps.hpp"

namespace chancery::core {

Result<std::vector<std::pair<std::string, std::string>>> ListSettings(Deps& deps, const Actor& actor);

// Changes one setting (administrators). Only the keys the Secretariat may change while the
// server runs: the governance rules (governance_settings.hpp) and the organisation's names. A
// value the rules cannot read is kInvalidArgument naming the key, and nothing is stored; an
// unknown key is kNotFound. The time zone is set at `init`: offsets are fixed for a process.
Result<void> SetSetting(Deps& deps, const Actor& actor, std::string_view key, std::string value);

}  // namespace chancery::core
