// The Russian wording where Russian grammar makes it differ from one record to the next: the
// verb agreeing with what was circulated, a body without an acronym declined, the title in
// capitals.
#include "core/model/minutes_wording.hpp"

#include <gtest/gtest.h>

namespace chancery::core {
namespace {

TEST(MinutesWording, RussianCirculationAgreesWithWhatWasSent) {
  auto ru = MinutesWordingFor("ru");
  EXPECT_EQ(ru->Circulated("SOC/2021-I/Agenda/3", {}),
            "Принятая повестка дня (SOC/2021-I/Agenda/3) была разослана государствам-членам.");
  EXPECT_EQ(ru->Circulated("", {"SOC/2021-I/DEC/1"}),
            "Принятое решение (SOC/2021-I/DEC/1) было разослано государствам-членам.");
  EXPECT_EQ(ru->Circulated("", {"SOC/2021-I/DEC/1", "SOC/2021-I/DEC/2"}),
            "Принятые решения (SOC/2021-I/DEC/1 и SOC/2021-I/DEC/2) были разосланы государствам-членам.");
  // English keeps the seed's "were" whatever was sent.
  EXPECT_EQ(MinutesWordingFor("en")->Circulated("SOC/2021-I/Agenda/3", {}),
            "The adopted agenda (SOC/2021-I/Agenda/3) were circulated to the Member States.");
}

TEST(MinutesWording, ABodyWithoutARussianAcronymIsDeclinedEachTime) {
  auto ru = MinutesWordingFor("ru");
  EXPECT_EQ(ru->Title(BodyCode::kSummit, MeetingFormat::kHybrid, "12 октября 2022 г."),
            "ПРОТОКОЛ ЗАСЕДАНИЯ САММИТА 12 октября 2022 г. (в гибридном формате)");
  EXPECT_EQ(ru->Held(BodyCode::kSummit, "", MeetingFormat::kInPerson, "12 октября 2022 г.", ""),
            "Заседание Саммита состоялось 12 октября 2022 г.");  // one full stop after "г."
  EXPECT_EQ(ru->ObserversAttended(BodyCode::kSummit, {1}),
            "В соответствии с п. 12.4 Правил процедуры СВМДА наблюдатели СВМДА по приглашению Председательства "
            "присутствовали на заседании Саммита при рассмотрении пункта 1 повестки дня.");
}

TEST(MinutesWording, ABodyIsNamedInFullOnceThenByItsAcronym) {
  auto ru = MinutesWordingFor("ru");
  Mandate m{"Drafting the Rules", BodyCode::kMm, {}, BodyCode::kSwg, std::nullopt, BodyCode::kMm};
  EXPECT_EQ(ru->Tasked(m, ""), "Поручение Совещания министров иностранных дел Специальной рабочей группе (СРГ): "
                               "drafting the Rules (срок – до следующего заседания СМИД).");
  EXPECT_EQ(ru->Tasked(m, ""), "Поручение Совещания министров иностранных дел СРГ: drafting the Rules (срок – до "
                               "следующего заседания СМИД).");
}

}  // namespace
}  // namespace chancery::core
