#include "core/services/settings.hpp"

#include "core/policy.hpp"

namespace chancery::core {

Result<std::vector<std::pair<std::string, std::string>>> ListSettings(Deps& deps, const Actor& actor) {
  if (auto denied = Check(actor, Action::kRead, {ObjectKind::kSettings, {}}, "settings")) return *denied;
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  return (*tx)->Settings().List();
}

}  // namespace chancery::core
