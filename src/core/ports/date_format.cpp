#include "core/ports/date_format.hpp"

namespace chancery::core {

std::string_view ToString(DateForm form) {
  switch (form) {
    case DateForm::kLong: return "long";
    case DateForm::kText: return "text";
    case DateForm::kLocative: return "locative";
    case DateForm::kAttributive: return "attributive";
  }
  return "long";
}

std::optional<DateForm> ParseDateForm(std::string_view name) {
  if (name.empty()) return DateForm::kLong;
  for (auto form : {DateForm::kLong, DateForm::kText, DateForm::kLocative, DateForm::kAttributive}) {
    if (ToString(form) == name) return form;
  }
  return std::nullopt;
}

}  // namespace chancery::core
