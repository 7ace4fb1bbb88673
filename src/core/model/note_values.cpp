#include "core/model/note_values.hpp"

#include <utility>

namespace chancery::core {
namespace {

constexpr DateForm kDateForms[] = {DateForm::kLong, DateForm::kText, DateForm::kLocative, DateForm::kAttributive};

std::string WithAcronym(const std::string& name, const std::string& acronym) {
  return acronym.empty() ? name : name + " (" + acronym + ")";
}

std::string FormList(const WordForms& forms) {
  std::string out;
  for (const auto& [form, text] : forms) {
    if (!out.empty()) out += ", ";
    out += form.empty() ? "{{name}}" : form;
  }
  return out;
}

}  // namespace

NoteValues& NoteValues::Set(std::string name, std::string text) {
  return Set(std::move(name), WordForms{{"", std::move(text)}});
}

NoteValues& NoteValues::Set(std::string name, WordForms forms) {
  dates_.erase(name);
  words_[std::move(name)] = std::move(forms);
  return *this;
}

NoteValues& NoteValues::SetDate(std::string name, Date date) {
  words_.erase(name);
  dates_[std::move(name)] = date;
  return *this;
}

NoteLookup NoteValues::Lookup(const DateFormatter& formatter, std::string lang) const {
  return [this, &formatter, lang = std::move(lang)](std::string_view name, std::string_view form) -> Result<std::string> {
    if (auto date = dates_.find(name); date != dates_.end()) {
      const std::optional<DateForm> date_form = ParseDateForm(form);
      if (!date_form) {
        std::string known;
        for (DateForm f : kDateForms) known += std::string(known.empty() ? "" : ", ") + std::string(ToString(f));
        return Error::InvalidArgument("a date has no form '" + std::string(form) + "'; it has " + known);
      }
      return formatter.WrittenDate(date->second, lang, *date_form);
    }
    auto word = words_.find(name);
    if (word == words_.end()) return Error::InvalidArgument("no such value");
    auto text = word->second.find(form);
    if (text == word->second.end()) {
      return Error::InvalidArgument("no form '" + std::string(form) + "'; there are: " + FormList(word->second));
    }
    return text->second;
  };
}

WordForms NoteBodyForms(const Body& body, std::string_view lang) {
  if (lang == "ru") {
    return {{"", body.name_ru},
            {"acronym", body.acronym_ru},
            {"with_acronym", WithAcronym(body.name_ru, body.acronym_ru)},
            {"genitive", body.name_ru_genitive},
            {"dative", body.name_ru_dative},
            {"genitive_with_acronym", WithAcronym(body.name_ru_genitive, body.acronym_ru)},
            {"dative_with_acronym", WithAcronym(body.name_ru_dative, body.acronym_ru)}};
  }
  const bool kk = lang == "kk";
  const std::string& name = kk ? body.name_kk : body.name_en;
  const std::string& acronym = kk ? body.acronym_kk : body.acronym_en;
  return {{"", name}, {"acronym", acronym}, {"with_acronym", WithAcronym(name, acronym)}};
}

}  // namespace chancery::core
