#pragma once
// Use cases of the participants registry.
#include <optional>
#include <string_view>
#include <vector>

#include "core/model/participant.hpp"
#include "core/model/user.hpp"
#include "core/services/deps.hpp"

namespace chancery::core {

struct ParticipantFilter {
  std::optional<ParticipantKind> kind;
  std::optional<ParticipantStatus> status;  // the status held on `on`
  std::optional<Date> on;                   // default: today in the organisation's zone
};

// The matching participants point into `snapshot`, which keeps them alive.
struct ParticipantList {
  ParticipantCache::Snapshot snapshot;
  std::vector<const Participant*> items;  // by id
};

Result<ParticipantList> ListParticipants(Deps& deps, const Actor& actor, const ParticipantFilter& filter);
Result<Participant> GetParticipant(Deps& deps, const Actor& actor, std::string_view id);
Result<Participant> CreateParticipant(Deps& deps, const Actor& actor, Participant participant);
Result<Participant> AddParticipantStatus(Deps& deps, const Actor& actor, std::string_view id,
                                         StatusChange change);
Result<Participant> AddParticipantName(Deps& deps, const Actor& actor, std::string_view id,
                                       NameVersion name);

}  // namespace chancery::core
