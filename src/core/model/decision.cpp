#include "core/model/decision.hpp"

namespace chancery::core {

std::string_view ToString(AdoptionMode mode) {
  return mode == AdoptionMode::kBySilence ? "silence_procedure" : "at_meeting";
}

std::optional<AdoptionMode> ParseAdoptionMode(std::string_view text) {
  for (auto m : {AdoptionMode::kAtMeeting, AdoptionMode::kBySilence}) {
    if (ToString(m) == text) return m;
  }
  return std::nullopt;
}

std::string_view ToString(FloorPositionKind kind) {
  switch (kind) {
    case FloorPositionKind::kObjection: return "objection";
    case FloorPositionKind::kInterpretativeStatement: return "interpretative_statement";
    case FloorPositionKind::kReservation: return "reservation";
  }
  return "objection";
}

std::optional<FloorPositionKind> ParseFloorPositionKind(std::string_view text) {
  for (auto k : {FloorPositionKind::kObjection, FloorPositionKind::kInterpretativeStatement,
                 FloorPositionKind::kReservation}) {
    if (ToString(k) == text) return k;
  }
  return std::nullopt;
}

}  // namespace chancery::core
