#include "core/model/body.hpp"

namespace chancery::core {

std::string_view ToString(BodyLevel level) {
  switch (level) {
    case BodyLevel::kGoverning: return "governing";
    case BodyLevel::kWorking: return "working";
    case BodyLevel::kAdvisory: return "advisory";
  }
  return "governing";
}

const std::vector<Body>& Bodies() {
  static const std::vector<Body> bodies{
      {BodyCode::kSummit, BodyLevel::kGoverning, std::nullopt, true, "Summit", "Саммит", "Саммит", "", "Саммита",
       "Саммиту", "", ""},
      {BodyCode::kMm, BodyLevel::kGoverning, BodyCode::kSummit, true, "Ministerial Meeting",
       "Совещание министров иностранных дел", "Сыртқы істер министрлерінің кеңесі", "СМИД",
       "Совещания министров иностранных дел", "Совещанию министров иностранных дел", "MM", ""},
      {BodyCode::kMc, BodyLevel::kGoverning, BodyCode::kSummit, true, "Ministerial Council", "Совет министров",
       "Министрлер кеңесі", "", "Совета министров", "Совету министров", "MC", ""},
      {BodyCode::kSoc, BodyLevel::kGoverning, BodyCode::kMm, true, "Senior Officials Committee",
       "Комитет старших должностных лиц", "Аға лауазымды тұлғалар комитеті", "КСДЛ",
       "Комитета старших должностных лиц", "Комитету старших должностных лиц", "SOC", "АЛТК"},
      {BodyCode::kSwg, BodyLevel::kWorking, BodyCode::kSoc, true, "Special Working Group",
       "Специальная рабочая группа", "Арнайы жұмыс тобы", "СРГ", "Специальной рабочей группы",
       "Специальной рабочей группе", "SWG", ""},
      {BodyCode::kExperts, BodyLevel::kWorking, BodyCode::kSwg, false, "Experts Meeting", "Совещание экспертов",
       "Сарапшылар кездесуі", "", "Совещания экспертов", "Совещанию экспертов", "", ""},
      {BodyCode::kCep, BodyLevel::kAdvisory, BodyCode::kMm, false, "Council of Eminent Persons",
       "Совет старейшин", "Беделді тұлғалар кеңесі", "", "Совета старейшин", "Совету старейшин", "", ""},
      {BodyCode::kTtf, BodyLevel::kAdvisory, BodyCode::kSoc, false, "Think Tank Forum",
       "Форум аналитических центров", "Талдау орталықтарының форумы", "", "Форума аналитических центров",
       "Форуму аналитических центров", "", ""},
  };
  return bodies;
}

const Body& BodyOf(BodyCode code) {
  for (const auto& body : Bodies()) {
    if (body.code == code) return body;
  }
  return Bodies().front();  // unreachable: every BodyCode is listed above (body_test checks it)
}

}  // namespace chancery::core
