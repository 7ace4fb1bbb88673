#pragma once
// Small builders of domain values for core's unit tests.
#include <string>
#include <utility>
#include <vector>

#include "core/model/participant.hpp"

namespace chancery::core::testing {

inline StatusChange Became(Date from, ParticipantStatus status) {
  return {from, status, DatePrecision::kDay, "basis", "", ""};
}

// A state whose English name is its id, with the given status history.
inline Participant StateWith(std::string id, std::vector<StatusChange> statuses) {
  Participant p;
  p.id = id;
  p.iso_alpha3 = id;
  p.names = {{"en", id, id, std::nullopt}};
  p.statuses = std::move(statuses);
  return p;
}

inline Participant StateWith(std::string id, Date since, ParticipantStatus status) {
  return StateWith(std::move(id), {Became(since, status)});
}

}  // namespace chancery::core::testing
