#pragma once
// Mandates given under an item of a meeting ("the SOC tasked the SWG with … before the next
// SOC meeting"). Visible as the item is: hidden from observers when it is closed to them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/mandate.hpp"
#include "core/model/user.hpp"
#include "core/ports/store.hpp"
#include "core/services/deps.hpp"

namespace chancery::core {

struct NewMandate {
  std::int64_t meeting_id = 0;
  int item_number = 0;
  std::string subject = {};
  BodyCode assignee = BodyCode::kSwg;
  std::optional<Date> due_by = {};
  std::optional<BodyCode> due_before_next_meeting_of = {};
};

// given_by is the meeting's body and given_on its first day.
Result<Mandate> GiveMandate(Deps& deps, const Actor& actor, NewMandate mandate);
Result<std::vector<Mandate>> ListMandates(Deps& deps, const Actor& actor, const MandateFilter& filter);
Result<Mandate> GetMandate(Deps& deps, const Actor& actor, std::int64_t id);
Result<Mandate> SetMandateStatus(Deps& deps, const Actor& actor, std::int64_t id, MandateStatus status);

}  // namespace chancery::core
