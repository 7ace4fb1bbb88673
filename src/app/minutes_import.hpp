#pragma once
// Reads minutes text (codec::ParseMinutesText) and imports it (core::ImportMinutes).
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/services/deps.hpp"
#include "core/services/minutes_import.hpp"

namespace chancery::app {

struct ImportedMinutes : core::ImportReport {
  std::vector<std::string> unrecognised;  // "line 12: … (why)", from the parser and the importer
};

core::Result<ImportedMinutes> ImportMinutesText(core::Deps& deps, const core::Actor& actor, std::string_view text,
                                                std::ostream& progress);

}  // namespace chancery::app
