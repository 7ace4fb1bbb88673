#pragma once
// Mandates: "The Senior Officials Committee tasked the SWG with … before the next SOC meeting."
// A mandate is given by one body to another with a due point, either a date or "before the
// next meeting of" a body, and stays open until fulfilled or withdrawn. Open mandates go onto
// the draft agenda of the meeting they are due before.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/decision_symbol.hpp"
#include "core/result.hpp"
#include "core/time.hpp"

namespace chancery::core {

enum class MandateStatus { kOpen, kFulfilled, kWithdrawn };
std::string_view ToString(MandateStatus status);
std::optional<MandateStatus> ParseMandateStatus(std::string_view text);

struct Mandate {
  std::string subject;
  BodyCode given_by = BodyCode::kSoc;
  Date given_on;
  BodyCode assignee = BodyCode::kSwg;
  // Exactly one of the two.
  std::optional<Date> due_by;
  std::optional<BodyCode> due_before_next_meeting_of;
  MandateStatus status = MandateStatus::kOpen;
  std::int64_t id = 0;
  std::optional<std::int64_t> meeting_id = std::nullopt;  // the meeting that gave it, and under which item
  int item_number = 0;
};

Result<void> ValidateMandate(const Mandate& mandate);

// The open mandates to put on the draft agenda of a meeting of `body` held on `meeting_date`:
// those due before a meeting of that body and given before this one (a mandate that stays open
// after the meeting it was due at comes back at the next one), and those with a due date given
// by that body before this meeting, until they are closed.
std::vector<const Mandate*> ForDraftAgenda(const std::vector<Mandate>& mandates, BodyCode body, Date meeting_date);

// Past a due date and still open. ("Before the next meeting" mandates become overdue at that
// meeting; ForDraftAgenda brings them back there.)
bool IsOverdue(const Mandate& mandate, Date today);

}  // namespace chancery::core
