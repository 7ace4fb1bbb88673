#include "core/model/mandate.hpp"

namespace chancery::core {

Result<void> ValidateMandate(const Mandate& m) {
  if (m.subject.empty()) return Error::InvalidArgument("a mandate needs its subject", "subject");
  if (m.due_by.has_value() == m.due_before_next_meeting_of.has_value()) {
    return Error::InvalidArgument("give either a due date or the body whose next meeting it is due before", "due");
  }
  if (m.due_by && *m.due_by < m.given_on) {
    return Error::InvalidArgument("a mandate cannot be due before it is given", "due_by");
  }
  return Ok();
}

std::vector<const Mandate*> ForDraftAgenda(const std::vector<Mandate>& mandates, BodyCode body, Date meeting_date) {
  std::vector<const Mandate*> out;
  for (const auto& m : mandates) {
    if (m.status != MandateStatus::kOpen || !(m.given_on < meeting_date)) continue;
    const bool due_at_this_body = m.due_before_next_meeting_of && *m.due_before_next_meeting_of == body;
    const bool dated_from_this_body = m.due_by && m.given_by == body;
    if (due_at_this_body || dated_from_this_body) out.push_back(&m);
  }
  return out;
}

bool IsOverdue(const Mandate& m, Date today) {
  return m.status == MandateStatus::kOpen && m.due_by && *m.due_by < today;
}

}  // namespace chancery::core

namespace chancery::core {

std::string_view ToString(MandateStatus status) {
  switch (status) {
    case MandateStatus::kOpen: return "open";
    case MandateStatus::kFulfilled: return "fulfilled";
    case MandateStatus::kWithdrawn: return "withdrawn";
  }
  return "open";
}

std::optional<MandateStatus> ParseMandateStatus(std::string_view text) {
  for (auto s : {MandateStatus::kOpen, MandateStatus::kFulfilled, MandateStatus::kWithdrawn}) {
    if (ToString(s) == text) return s;
  }
  return std::nullopt;
}

}  // namespace chancery::core
