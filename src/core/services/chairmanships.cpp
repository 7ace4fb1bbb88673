#include "core/services/chairmanships.hpp"

#include <algorithm>

#include "core/policy.hpp"
#include "core/services/audit_trail.hpp"
#include "core/services/governance_canonical.hpp"
#include "core/services/governance_settings.hpp"

namespace chancery::core {

Result<std::vector<ChairmanshipTerm>> ListChairmanships(Deps& deps, const Actor& actor, std::optional<Date> on) {
  if (auto denied = Check(actor, Action::kList, {ObjectKind::kChairmanship, {}}, "chairmanships")) return *denied;
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  auto terms = (*tx)->Chairmanships().List();
  if (!terms || !on) return terms;
  const ChairmanshipTerm* term = ChairOn(*terms, *on);
  if (!term) return std::vector<ChairmanshipTerm>{};
  return std::vector<ChairmanshipTerm>{*term};
}

Result<ChairmanshipTerm> AddChairmanship(Deps& deps, const Actor& actor, ChairmanshipTerm term, TermEntry entry) {
  if (auto denied = Check(actor, Action::kCreate, {ObjectKind::kChairmanship, {}}, "chairmanships")) return *denied;
  auto tx = deps.store.Begin(TxMode::kWrite);
  if (!tx) return tx.error();
  auto terms = (*tx)->Chairmanships().List();
  if (!terms) return terms.error();
  auto registry = deps.participants->Get(**tx);
  if (!registry) return registry.error();
  terms->push_back(term);
  std::stable_sort(terms->begin(), terms->end(),
                   [](const ChairmanshipTerm& a, const ChairmanshipTerm& b) { return a.from < b.from; });
  if (auto r = ValidateChairmanship(*terms, **registry); !r) return r.error();
  if (term.recommended_by_silence_procedure) {
    auto procedure = (*tx)->SilenceProcedures().Find(*term.recommended_by_silence_procedure);
    if (!procedure) return procedure.error();
    if (!*procedure) {
      return Error::InvalidArgument("unknown silence procedure", "recommended_by_silence_procedure");
    }
    if ((*procedure)->state != SilenceState::kAdopted || (*procedure)->body != BodyCode::kSoc) {
      return Error::FailedPrecondition("the SOC's recommendation must be a silence procedure it adopted (R12)",
                                       "recommended_by_silence_procedure");
    }
  } else if (entry == TermEntry::kNew && Today(deps) < term.from) {
    return Error::FailedPrecondition(
        "a new Chair is recommended by the SOC through a silence procedure (RoP 14.1.4, R12): cite the adopted "
        "procedure",
        "recommended_by_silence_procedure");
  }
  if (auto r = (*tx)->Chairmanships().Insert(term); !r) return r.error();
  if (auto r = Record(deps, **tx, actor,
                      {"chairmanship.create", "chairmanship", FormatDate(term.from), std::nullopt, Canonical(term)});
      !r) {
    return r.error();
  }
  if (auto r = (*tx)->Commit(); !r) return r.error();
  return term;
}

Result<OfficeTitles> TitlesOn(Deps& deps, const Actor& actor, Date day, std::string_view lang) {
  if (auto denied = Check(actor, Action::kRead, {ObjectKind::kBody, {}}, "titles")) return *denied;
  if (!IsSupportedLanguage(lang)) return Error::InvalidArgument("lang must be en, ru or kk", "lang");
  auto titles = DefaultOfficeTitles();
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  auto deputy_from = (*tx)->Settings().Get(kDeputyTitleFrom);
  if (!deputy_from) return deputy_from.error();
  if (*deputy_from) {
    auto from = ParseDate(**deputy_from);
    if (!from) {
      return Error::FailedPrecondition(std::string("setting ") + kDeputyTitleFrom + " must be a date YYYY-MM-DD",
                                       kDeputyTitleFrom);
    }
    // The later of the deputy's titles starts on the configured day (R17).
    for (auto& t : titles) {
      if (t.office == Office::kDeputyHeadOfSecretariat && t.en == "Deputy Secretary General") t.from = *from;
    }
  }
  return OfficeTitles{TitleOn(titles, Office::kHeadOfSecretariat, day, lang),
                      TitleOn(titles, Office::kDeputyHeadOfSecretariat, day, lang)};
}

}  // namespace chancery::core
