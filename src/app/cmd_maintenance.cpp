// chancery backup | audit verify.
#include <iostream>

#include "app/commands.hpp"
#include "app/runtime.hpp"
#include "core/services/audit_trail.hpp"

namespace chancery::app {

int Backup(const cli::Arguments& args) {
  auto rt = OpenRuntime(*args.Get("data"), DataDir::kExisting);
  if (!rt) return Fail(rt.error());
  const std::string target = *args.Get("o");
  if (auto r = (*rt)->store->Backup(target); !r) return Fail(r.error());
  std::cout << "Backed up to " << target << "\n";
  return cli::kExitOk;
}

int AuditVerify(const cli::Arguments& args) {
  auto rt = OpenRuntime(*args.Get("data"), DataDir::kExisting);
  if (!rt) return Fail(rt.error());
  auto v = core::VerifyAudit(*(*rt)->deps, core::Actor::System());
  if (!v) return Fail(v.error());
  if (!v->intact) {
    std::cerr << "chancery: audit chain broken at record " << *v->first_bad_seq << ": " << v->problem << "\n";
    return cli::kExitCheckFailed;
  }
  std::cout << "audit chain intact: " << v->records_checked << " records\n";
  return cli::kExitOk;
}

}  // namespace chancery::app
