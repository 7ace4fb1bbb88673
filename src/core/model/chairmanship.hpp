#pragma once
// The rotating Chairmanship (RoP §14, rule R16) and the dated titles of the Secretariat's
// officials (R17). Pure data and rules; the registry of participants is passed in.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/participant.hpp"
#include "core/result.hpp"
#include "core/time.hpp"

namespace chancery::core {

// One term of a chairing Member State, from `from` until the day before the next term (or
// `until`, when known). Consecutive terms of the same state are separate entries (14.1.3).
struct ChairmanshipTerm {
  std::string participant_id;
  Date from;
  std::optional<Date> until;  // last day in office, inclusive
  std::string basis;          // "6th Summit, Astana, 13 Oct 2022"
  // The silence procedure through which the SOC recommended this Chair (RoP 14.1.4, R12).
  std::optional<std::int64_t> recommended_by_silence_procedure = std::nullopt;
};

// Terms must be in date order, must not overlap, and each chair must be a Member State on the
// first day of its term. kInvalidArgument naming "terms[i]…".
Result<void> ValidateChairmanship(const std::vector<ChairmanshipTerm>& terms,
                                  const std::vector<Participant>& registry);

// The term in force on `day`, if any.
const ChairmanshipTerm* ChairOn(const std::vector<ChairmanshipTerm>& terms, Date day);

enum class Office { kHeadOfSecretariat, kDeputyHeadOfSecretariat };

// A title in force from a date. The defaults follow the brief: "Executive Director" became
// "Secretary General" on 13 Oct 2022 [C]; the deputy's title changed after the SOC of
// 14 Dec 2022 [R], a date the brief asks to keep configurable.
struct OfficeTitle {
  Office office;
  Date from;
  std::string en, ru, kk;
};

std::vector<OfficeTitle> DefaultOfficeTitles();

// The title of `office` on `day` in `lang` (en, ru or kk); empty if none is recorded yet.
std::string TitleOn(const std::vector<OfficeTitle>& titles, Office office, Date day, std::string_view lang);

}  // namespace chancery::core
