#include "core/model/silence_procedure.hpp"

#include <algorithm>

#include "core/local_time.hpp"

namespace chancery::core {

std::string_view ToString(ResponseEffect effect) {
  switch (effect) {
    case ResponseEffect::kBreaksSilence: return "breaks_silence";
    case ResponseEffect::kNotAMemberState: return "not_a_member_state";
    case ResponseEffect::kAtOrAfterExpiry: return "at_or_after_expiry";
    case ResponseEffect::kDoesNotObject: return "does_not_object";
    case ResponseEffect::kAlreadyBroken: return "already_broken";
    case ResponseEffect::kUnknownParticipant: return "unknown_participant";
    case ResponseEffect::kNotYetReceived: return "not_yet_received";
  }
  return "unknown_participant";
}

std::string_view ToString(SilenceState state) {
  switch (state) {
    case SilenceState::kRunning: return "running";
    case SilenceState::kAdopted: return "adopted";
    case SilenceState::kNotAdopted: return "not_adopted";
  }
  return "running";
}

std::optional<SilenceState> ParseSilenceState(std::string_view text) {
  for (auto s : {SilenceState::kRunning, SilenceState::kAdopted, SilenceState::kNotAdopted}) {
    if (ToString(s) == text) return s;
  }
  return std::nullopt;
}

std::string_view ToString(ResponseKind kind) {
  switch (kind) {
    case ResponseKind::kObjection: return "objection";
    case ResponseKind::kAmendment: return "amendment";
    case ResponseKind::kComment: return "comment";
  }
  return "comment";
}

std::optional<ResponseKind> ParseResponseKind(std::string_view text) {
  for (auto k : {ResponseKind::kObjection, ResponseKind::kAmendment, ResponseKind::kComment}) {
    if (ToString(k) == text) return k;
  }
  return std::nullopt;
}

std::string_view ToString(SilenceInitiator initiator) {
  return initiator == SilenceInitiator::kMeeting ? "meeting" : "chairmanship";
}

std::optional<SilenceInitiator> ParseSilenceInitiator(std::string_view text) {
  for (auto i : {SilenceInitiator::kChairmanship, SilenceInitiator::kMeeting}) {
    if (ToString(i) == text) return i;
  }
  return std::nullopt;
}

Result<void> ValidateOpening(const SilenceProcedure& p, const SilenceSettings& settings) {
  if (p.title.empty()) return Error::InvalidArgument("a silence procedure needs its text's title", "title");
  if (p.expires_at <= p.opened_at) {
    return Error::InvalidArgument("the expiry instant must come after the opening", "expires_at");
  }
  if (p.expires_at - p.opened_at < settings.minimum_period) {
    return Error::InvalidArgument("the silence period must last at least " +
                                      std::to_string(settings.minimum_period.count()) + " days",
                                  "expires_at");
  }
  return Ok();
}

SilenceOutcome Evaluate(const SilenceProcedure& procedure, const std::vector<SilenceResponse>& responses,
                        const std::vector<Participant>& registry, const TimeZone& zone, Instant now,
                        const SilenceSettings& settings) {
  SilenceOutcome out;
  out.effects.resize(responses.size(), ResponseEffect::kDoesNotObject);
  // Responses count in the order they were received, whatever order they are listed in.
  std::vector<std::size_t> order(responses.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return responses[a].received_at < responses[b].received_at; });

  for (std::size_t i : order) {
    const auto& r = responses[i];
    auto& effect = out.effects[i];
    const Participant* participant = FindById(registry, r.participant_id);
    if (!participant) {
      effect = ResponseEffect::kUnknownParticipant;
    } else if (r.received_at > now) {
      effect = ResponseEffect::kNotYetReceived;
    } else if (r.received_at >= procedure.expires_at) {
      effect = ResponseEffect::kAtOrAfterExpiry;
    } else if (!IsMemberStateOn(*participant, LocalDate(r.received_at, zone))) {
      effect = ResponseEffect::kNotAMemberState;
    } else if (r.kind == ResponseKind::kComment ||
               (r.kind == ResponseKind::kAmendment && !settings.amendments_break_silence)) {
      effect = ResponseEffect::kDoesNotObject;
    } else if (out.broken_by) {
      effect = ResponseEffect::kAlreadyBroken;
    } else {
      effect = ResponseEffect::kBreaksSilence;
      out.broken_by = i;
      out.state = SilenceState::kNotAdopted;
      out.decided_at = r.received_at;
    }
  }
  if (!out.broken_by && now >= procedure.expires_at) {
    out.state = SilenceState::kAdopted;
    out.decided_at = procedure.expires_at;  // R10: adopted at the expiry instant, not when noticed
  }
  return out;
}

Result<Instant> EndOfLocalDay(Date day, const TimeZone& zone) {
  const auto next = std::chrono::sys_days{day} + std::chrono::days{1};
  return zone.ToInstant(LocalTime{next.time_since_epoch()});
}

std::optional<HolidayCalendar> ParseHolidayCalendar(std::string_view text) {
  HolidayCalendar out;
  while (!text.empty()) {
    const auto comma = text.find(',');
    std::string_view entry = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
    while (!entry.empty() && entry.front() == ' ') entry.remove_prefix(1);
    while (!entry.empty() && entry.back() == ' ') entry.remove_suffix(1);
    if (entry.empty()) continue;
    if (entry.size() == 10) {
      auto date = ParseDate(entry);
      if (!date) return std::nullopt;
      out.dated.push_back(*date);
    } else if (entry.size() == 5) {
      // A leap year, so that 02-29 is accepted.
      auto date = ParseDate("2000-" + std::string(entry));
      if (!date) return std::nullopt;
      out.yearly.push_back(date->month() / date->day());
    } else {
      return std::nullopt;
    }
  }
  return out;
}

bool IsHoliday(Date day, const HolidayCalendar& calendar) {
  const std::chrono::month_day md = day.month() / day.day();
  return std::find(calendar.yearly.begin(), calendar.yearly.end(), md) != calendar.yearly.end() ||
         std::find(calendar.dated.begin(), calendar.dated.end(), day) != calendar.dated.end();
}

bool IsWeekend(Date day) {
  const std::chrono::weekday wd{std::chrono::sys_days{day}};
  return wd == std::chrono::Saturday || wd == std::chrono::Sunday;
}

std::optional<std::string> ProposalTitle(const SilenceProcedure& procedure, std::string_view lang) {
  if (lang == "en") {
    constexpr std::string_view kSuffix = " (under silence procedure)";  // R7, as OpenSilenceProcedure adds it
    std::string title = procedure.title;
    if (title.ends_with(kSuffix)) title.resize(title.size() - kSuffix.size());
    if (title.empty()) return std::nullopt;
    return title;
  }
  auto found = procedure.titles.find(std::string(lang));
  if (found == procedure.titles.end() || found->second.empty()) return std::nullopt;
  return found->second;
}

}  // namespace chancery::core
