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
      {BodyCode::kSummit, BodyLevel::kGoverning, std::nullopt, true, "Summit", "Саммит", "Саммит"},
      {BodyCode::kMm, BodyLevel::kGoverning, BodyCode::kSummit, true, "Ministerial Meeting",
       "Совещание министров иностранных дел", "Сыртқы істер министрлерінің кеңесі"},
      {BodyCode::kMc, BodyLevel::kGoverning, BodyCode::kSummit, true, "Ministerial Council", "Совет министров",
       "Министрлер кеңесі"},
      {BodyCode::kSoc, BodyLevel::kGoverning, BodyCode::kMm, true, "Senior Officials Committee",
       "Комитет старших должностных лиц", "Аға лауазымды тұлғалар комитеті"},
      {BodyCode::kSwg, BodyLevel::kWorking, BodyCode::kSoc, true, "Special Working Group",
       "Специальная рабочая группа", "Арнайы жұмыс тобы"},
      {BodyCode::kExperts, BodyLevel::kWorking, BodyCode::kSwg, false, "Experts Meeting", "Совещание экспертов",
       "Сарапшылар кездесуі"},
      {BodyCode::kCep, BodyLevel::kAdvisory, BodyCode::kMm, false, "Council of Eminent Persons",
       "Совет старейшин", "Беделді тұлғалар кеңесі"},
      {BodyCode::kTtf, BodyLevel::kAdvisory, BodyCode::kSoc, false, "Think Tank Forum",
       "Форум аналитических центров", "Талдау орталықтарының форумы"},
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
