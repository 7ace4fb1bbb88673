#pragma once
// Participants: the states and organisations the organisation deals with, their official
// names (dated, per language) and their dated status history. "Who was a Member State on
// day D" is answered here, from the history, never from a flag.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"

namespace chancery::core {

enum class ParticipantKind { kState, kOrganisation };

enum class ParticipantStatus {
  kMember,
  kObserverState,
  kObserverOrganisation,
  kPartner,
  kNone,  // a status that ended (withdrawal, lapse)
};

std::string_view ToString(ParticipantKind kind);
std::optional<ParticipantKind> ParseParticipantKind(std::string_view text);
std::string_view ToString(ParticipantStatus status);
std::optional<ParticipantStatus> ParseParticipantStatus(std::string_view text);

// The languages the organisation writes names in.
inline constexpr std::string_view kLanguages[] = {"en", "ru", "kk"};
bool IsSupportedLanguage(std::string_view lang);

// An official name in one language, in force from `from` (or always, if unset) until the
// next version of the same language. "Turkey" → "Türkiye" on 2022-06-01 is two versions.
struct NameVersion {
  std::string lang;
  std::string short_name;
  std::string full_name;
  std::optional<Date> from;
};

// How precisely the date of a status change is known: historical records often say only
// "observer by 2001".
enum class DatePrecision { kDay, kYear, kBy };
std::string_view ToString(DatePrecision precision);
std::optional<DatePrecision> ParseDatePrecision(std::string_view text);

// A change of status, effective from `from`. The status on day D is that of the last change
// with from <= D; before the first change the participant has no status.
struct StatusChange {
  Date from;
  ParticipantStatus status = ParticipantStatus::kNone;
  DatePrecision precision = DatePrecision::kDay;
  std::string basis;       // the act: "SOC decision SOC/2021-I/DEC/1 of 23 June 2021"
  std::string source;      // where the fact comes from (URL, document symbol)
  std::string confidence;  // the domain brief's tag: "C", "R", "F" or "I"; empty if unmarked
};

struct Participant {
  std::string id;  // ISO 3166-1 alpha-3 for states ("KAZ"), an acronym for organisations ("UN")
  ParticipantKind kind = ParticipantKind::kState;
  std::optional<std::string> iso_alpha2;
  std::optional<std::string> iso_alpha3;
  std::vector<NameVersion> names;
  std::vector<StatusChange> statuses;  // kept sorted by `from`
};

// Checks the invariants a participant must always satisfy; the first problem found, with the
// offending field, as kInvalidArgument.
Result<void> Validate(const Participant& participant);

// Adds a status change keeping the history sorted; two changes on one day are refused.
Result<void> AddStatusChange(Participant& participant, StatusChange change);

ParticipantStatus StatusOn(const Participant& participant, Date day);

// The rule every consensus rule rests on (R3, R4): only a Member State on that day objects,
// breaks silence, chairs or attends closed items.
inline bool IsMemberStateOn(const Participant& participant, Date day) {
  return StatusOn(participant, day) == ParticipantStatus::kMember;
}

// Linear search by id in a registry in any order; nullptr if absent.
const Participant* FindById(const std::vector<Participant>& registry, std::string_view id);

// The name in force on `day` in `lang`; falls back to English, then to any language, so a
// participant always has something to show. nullptr only if it has no names at all.
const NameVersion* NameOn(const Participant& participant, std::string_view lang, Date day);

// Participants having `status` on `day`, in the order given.
std::vector<const Participant*> WithStatusOn(const std::vector<Participant>& participants,
                                             ParticipantStatus status, Date day);

}  // namespace chancery::core
