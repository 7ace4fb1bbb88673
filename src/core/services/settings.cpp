#include "core/services/settings.hpp"

#include <algorithm>
#include <array>

#include "core/policy.hpp"
#include "core/services/audit_trail.hpp"
#include "core/services/canonical.hpp"
#include "core/services/dispatch.hpp"
#include "core/services/files.hpp"
#include "core/services/governance_settings.hpp"
#include "core/services/notices.hpp"

namespace chancery::core {
namespace {

bool Changeable(std::string_view key) {
  if (key == kSmtpFrom || key == kSmtpUrl || key == kDispatchMaxAttempts || key == kDispatchRetryBaseMs) return true;
  if (key == kNoticeReminderHours || key == kNoticeLookbackHours || key == kFilesMaxBytes) return true;
  for (const auto& [known, value] : DefaultGovernanceSettings()) {
    if (known == key) return true;
  }
  static constexpr std::array<std::string_view, 6> kNames = {
      "organisation.name.en", "organisation.name.ru", "organisation.name.kk",
      "organisation.acronym.en", "organisation.acronym.ru", "organisation.acronym.kk"};
  return std::find(kNames.begin(), kNames.end(), key) != kNames.end();
}

std::string CanonicalSetting(std::string_view key, const std::optional<std::string>& value) {
  std::string out;
  Put(out, "key", key);
  Put(out, "value", OrEmpty(value));
  return out;
}

}  // namespace

Result<std::vector<std::pair<std::string, std::string>>> ListSettings(Deps& deps, const Actor& actor) {
  if (auto denied = Check(actor, Action::kRead, {ObjectKind::kSettings, {}}, "settings")) return *denied;
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  return (*tx)->Settings().List();
}

Result<void> SetSetting(Deps& deps, const Actor& actor, std::string_view key, std::string value) {
  if (auto denied = Check(actor, Action::kUpdate, {ObjectKind::kSettings, {}}, "settings")) return *denied;
  if (!Changeable(key)) return Error::NotFound("no setting " + std::string(key) + " can be changed");
  auto tx = deps.store.Begin(TxMode::kWrite);
  if (!tx) return tx.error();
  auto before = (*tx)->Settings().Get(key);
  if (!before) return before.error();
  if (auto r = (*tx)->Settings().Set(key, value); !r) return r;
  // Read back through the rules, inside the transaction: a value they cannot use is refused
  // before anything is committed.
  if (auto rules = LoadGovernanceSettings(**tx); !rules) {
    return Error::InvalidArgument(rules.error().message, std::string(key));
  }
  if (key == kDeputyTitleFrom && !ParseDate(value)) {
    return Error::InvalidArgument(std::string("setting ") + kDeputyTitleFrom + " must be a date YYYY-MM-DD",
                                  std::string(key));
  }
  if (value.empty()) return Error::InvalidArgument("a setting needs a value", std::string(key));
  if (auto dispatch = CheckDispatchSetting(key, value); !dispatch) return dispatch.error();
  if (auto notices = CheckNoticeSetting(key, value); !notices) return notices.error();
  if (auto files = CheckFileSetting(key, value); !files) return files.error();
  if (auto r = Record(deps, **tx, actor,
                      {"settings.set", "settings", std::string(key), CanonicalSetting(key, *before),
                       CanonicalSetting(key, value)});
      !r) {
    return r;
  }
  return (*tx)->Commit();
}

}  // namespace chancery::core
