#pragma once
// The organisation's bodies and their hierarchy (domain brief §1.2). The structure is set by
// the Rules of Procedure, not by the Secretariat's day-to-day work, so it is data compiled in
// here; names that change by date (Ministerial Meeting → Council) change by a new BodyCode.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/decision_symbol.hpp"

namespace chancery::core {

enum class BodyLevel { kGoverning, kWorking, kAdvisory };
std::string_view ToString(BodyLevel level);

struct Body {
  BodyCode code;
  BodyLevel level;
  std::optional<BodyCode> reports_to;  // the SWG reports to the SOC, the SOC to the Ministers
  bool takes_decisions;                // has DEC symbols (R24)
  std::string name_en, name_ru, name_kk;
  // What Russian minutes need besides the name (model/minutes_wording.cpp): Russian declines a
  // name where English writes "of the" / "to the", so the genitive and dative are kept here
  // with it; the acronym is empty where Russian texts write the name out in full.
  std::string acronym_ru, name_ru_genitive, name_ru_dative;
  // The acronyms notes print after the name ("Senior Officials Committee (SOC)", "Аға
  // лауазымды тұлғалар комитеті (АЛТК)"); empty where none is known: the brief names SOC, SWG,
  // MM and MC, the seed the Kazakh АЛТК.
  std::string acronym_en, acronym_kk;
};

// Every body, governing first.
const std::vector<Body>& Bodies();
const Body& BodyOf(BodyCode code);

}  // namespace chancery::core
