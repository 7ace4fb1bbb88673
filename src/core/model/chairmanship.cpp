#include "core/model/chairmanship.hpp"

namespace chancery::core {

using namespace std::chrono;

Result<void> ValidateChairmanship(const std::vector<ChairmanshipTerm>& terms,
                                  const std::vector<Participant>& registry) {
  for (std::size_t i = 0; i < terms.size(); ++i) {
    const auto& t = terms[i];
    const std::string at = "terms[" + std::to_string(i) + "]";
    const Participant* p = FindById(registry, t.participant_id);
    if (!p) return Error::InvalidArgument("no participant " + t.participant_id, at + ".participant_id");
    if (!IsMemberStateOn(*p, t.from)) {
      return Error::InvalidArgument(t.participant_id + " is not a Member State on " + FormatDate(t.from),
                                    at + ".participant_id");
    }
    if (t.until && *t.until < t.from) return Error::InvalidArgument("a term cannot end before it starts", at + ".until");
    if (i > 0) {
      const auto& prev = terms[i - 1];
      if (!(prev.from < t.from)) return Error::InvalidArgument("terms must be in date order", at + ".from");
      if (prev.until && !(*prev.until < t.from)) {
        return Error::InvalidArgument("overlaps the previous term", at + ".from");
      }
    }
  }
  return Ok();
}

const ChairmanshipTerm* ChairOn(const std::vector<ChairmanshipTerm>& terms, Date day) {
  const ChairmanshipTerm* found = nullptr;
  for (const auto& t : terms) {
    if (day < t.from) break;
    found = &t;
  }
  if (found && found->until && *found->until < day) return nullptr;
  return found;
}

std::vector<OfficeTitle> DefaultOfficeTitles() {
  return {
      {Office::kHeadOfSecretariat, year{2006} / June / 17, "Executive Director", "Исполнительный директор",
       "Атқарушы директор"},
      {Office::kHeadOfSecretariat, year{2022} / October / 13, "Secretary General", "Генеральный секретарь",
       "Бас хатшы"},
      {Office::kDeputyHeadOfSecretariat, year{2006} / June / 17, "Deputy Executive Director",
       "Заместитель исполнительного директора", "Атқарушы директордың орынбасары"},
      {Office::kDeputyHeadOfSecretariat, year{2022} / December / 15, "Deputy Secretary General",
       "Заместитель генерального секретаря", "Бас хатшының орынбасары"},
  };
}

std::string TitleOn(const std::vector<OfficeTitle>& titles, Office office, Date day, std::string_view lang) {
  const OfficeTitle* best = nullptr;
  for (const auto& t : titles) {
    if (t.office != office || day < t.from) continue;
    if (!best || best->from < t.from) best = &t;
  }
  if (!best) return {};
  if (lang == "ru") return best->ru;
  if (lang == "kk") return best->kk;
  return best->en;
}

}  // namespace chancery::core
