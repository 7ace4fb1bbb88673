#pragma once
// Canonical text forms of the governance records, for the audit log (see canonical.hpp).
#include <string>

#include "core/model/chairmanship.hpp"
#include "core/model/decision.hpp"
#include "core/model/mandate.hpp"
#include "core/model/meeting.hpp"
#include "core/model/silence_procedure.hpp"

namespace chancery::core {

std::string Canonical(const ChairmanshipTerm& term);
std::string Canonical(const Meeting& meeting);
std::string Canonical(const Decision& decision);
std::string Canonical(const SilenceRecord& record);
std::string Canonical(const Mandate& mandate);

}  // namespace chancery::core
