#include "core/model/participant.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace chancery::core {
namespace {

constexpr std::array<std::pair<ParticipantStatus, std::string_view>, 5> kStatusNames{{
    {ParticipantStatus::kMember, "member"},
    {ParticipantStatus::kObserverState, "observer_state"},
    {ParticipantStatus::kObserverOrganisation, "observer_organisation"},
    {ParticipantStatus::kPartner, "partner"},
    {ParticipantStatus::kNone, "none"},
}};

bool IsUpperAscii(std::string_view s, std::size_t min, std::size_t max) {
  if (s.size() < min || s.size() > max) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::string Indexed(std::string_view field, std::size_t i, std::string_view member) {
  return std::string(field) + "[" + std::to_string(i) + "]." + std::string(member);
}

}  // namespace

std::string_view ToString(ParticipantKind kind) {
  return kind == ParticipantKind::kState ? "state" : "organisation";
}

std::optional<ParticipantKind> ParseParticipantKind(std::string_view text) {
  if (text == "state") return ParticipantKind::kState;
  if (text == "organisation") return ParticipantKind::kOrganisation;
  return std::nullopt;
}

std::string_view ToString(ParticipantStatus status) {
  for (const auto& [s, name] : kStatusNames) {
    if (s == status) return name;
  }
  return "none";
}

std::optional<ParticipantStatus> ParseParticipantStatus(std::string_view text) {
  for (const auto& [s, name] : kStatusNames) {
    if (name == text) return s;
  }
  return std::nullopt;
}

bool IsSupportedLanguage(std::string_view lang) {
  return std::find(std::begin(kLanguages), std::end(kLanguages), lang) != std::end(kLanguages);
}

std::string_view ToString(DatePrecision precision) {
  switch (precision) {
    case DatePrecision::kDay: return "day";
    case DatePrecision::kYear: return "year";
    case DatePrecision::kBy: return "by";
  }
  return "day";
}

std::optional<DatePrecision> ParseDatePrecision(std::string_view text) {
  if (text == "day") return DatePrecision::kDay;
  if (text == "year") return DatePrecision::kYear;
  if (text == "by") return DatePrecision::kBy;
  return std::nullopt;
}

Result<void> Validate(const Participant& p) {
  // Ids appear in URLs and document symbols: upper-case ASCII only.
  if (!IsUpperAscii(p.id, 2, 12)) {
    return Error::InvalidArgument("id must be 2 to 12 upper-case letters A-Z", "id");
  }
  if (p.kind == ParticipantKind::kState) {
    if (!p.iso_alpha3 || !IsUpperAscii(*p.iso_alpha3, 3, 3)) {
      return Error::InvalidArgument("a state needs an ISO 3166-1 alpha-3 code", "iso_alpha3");
    }
    if (p.iso_alpha2 && !IsUpperAscii(*p.iso_alpha2, 2, 2)) {
      return Error::InvalidArgument("iso_alpha2 must be two upper-case letters", "iso_alpha2");
    }
  } else if (p.iso_alpha2 || p.iso_alpha3) {
    return Error::InvalidArgument("an organisation has no ISO country code", "iso_alpha3");
  }
  if (p.names.empty()) return Error::InvalidArgument("at least one name is required", "names");
  for (std::size_t i = 0; i < p.names.size(); ++i) {
    const auto& n = p.names[i];
    if (!IsSupportedLanguage(n.lang)) {
      return Error::InvalidArgument("language must be one of en, ru, kk", Indexed("names", i, "lang"));
    }
    if (n.short_name.empty() || n.short_name.size() > 200) {
      return Error::InvalidArgument("short name must have 1 to 200 bytes", Indexed("names", i, "short"));
    }
    if (n.full_name.empty() || n.full_name.size() > 400) {
      return Error::InvalidArgument("full name must have 1 to 400 bytes", Indexed("names", i, "full"));
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (p.names[j].lang == n.lang && p.names[j].from == n.from) {
        return Error::InvalidArgument("two names in one language from the same date",
                                      Indexed("names", i, "from"));
      }
    }
  }
  for (std::size_t i = 0; i < p.statuses.size(); ++i) {
    if (!p.statuses[i].from.ok()) {
      return Error::InvalidArgument("invalid date", Indexed("statuses", i, "from"));
    }
    if (i > 0 && !(p.statuses[i - 1].from < p.statuses[i].from)) {
      return Error::InvalidArgument("status changes must be in date order, one per day",
                                    Indexed("statuses", i, "from"));
    }
    if (p.statuses[i].basis.empty()) {
      return Error::InvalidArgument("every status change needs its basis",
                                    Indexed("statuses", i, "basis"));
    }
    auto status = p.statuses[i].status;
    bool state_status = status == ParticipantStatus::kMember || status == ParticipantStatus::kObserverState;
    bool org_status = status == ParticipantStatus::kObserverOrganisation;
    if ((p.kind == ParticipantKind::kOrganisation && state_status) ||
        (p.kind == ParticipantKind::kState && org_status)) {
      return Error::InvalidArgument(std::string("status '") + std::string(ToString(status)) +
                                        "' does not fit a " + std::string(ToString(p.kind)),
                                    Indexed("statuses", i, "status"));
    }
  }
  return Ok();
}

Result<void> AddStatusChange(Participant& p, StatusChange change) {
  const Date from = change.from;
  auto at = std::lower_bound(p.statuses.begin(), p.statuses.end(), from,
                             [](const StatusChange& c, Date d) { return c.from < d; });
  if (at != p.statuses.end() && at->from == from) {
    return Error::AlreadyExists("a status change on " + FormatDate(from) + " already exists");
  }
  p.statuses.insert(at, std::move(change));
  if (auto valid = Validate(p); !valid) {
    auto it = std::find_if(p.statuses.begin(), p.statuses.end(),
                           [&](const StatusChange& c) { return c.from == from; });
    p.statuses.erase(it);
    return valid.error();
  }
  return Ok();
}

ParticipantStatus StatusOn(const Participant& p, Date day) {
  ParticipantStatus status = ParticipantStatus::kNone;
  for (const auto& change : p.statuses) {
    if (day < change.from) break;
    status = change.status;
  }
  return status;
}

const NameVersion* NameOn(const Participant& p, std::string_view lang, Date day) {
  auto in_lang = [&](std::string_view l) -> const NameVersion* {
    const NameVersion* best = nullptr;
    for (const auto& n : p.names) {
      if (n.lang != l) continue;
      if (n.from && day < *n.from) continue;
      if (!best || (n.from && (!best->from || *best->from < *n.from))) best = &n;
    }
    return best;
  };
  if (auto* n = in_lang(lang)) return n;
  if (auto* n = in_lang("en")) return n;
  return p.names.empty() ? nullptr : &p.names.front();
}

const Participant* FindById(const std::vector<Participant>& registry, std::string_view id) {
  for (const auto& p : registry) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

std::vector<const Participant*> WithStatusOn(const std::vector<Participant>& participants,
                                             ParticipantStatus status, Date day) {
  std::vector<const Participant*> out;
  for (const auto& p : participants) {
    if (StatusOn(p, day) == status) out.push_back(&p);
  }
  return out;
}

}  // namespace chancery::core
