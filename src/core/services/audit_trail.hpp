#pragma once
// Appending to and verifying the audit log. Every use case that changes something calls
// Record inside its own transaction, so the change and its audit record commit together.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/audit.hpp"
#include "core/model/participant.hpp"
#include "core/model/user.hpp"
#include "core/services/deps.hpp"

namespace chancery::core {

// Canonical text forms whose digests go into audit records as before/after.
std::string Canonical(const Participant& participant);
std::string Canonical(const User& user);

struct AuditEvent {
  std::string action;       // "participant.create"
  std::string object_kind;  // "participant"
  std::string object_id;
  std::optional<std::string> before;  // canonical form, nullopt if the object did not exist
  std::optional<std::string> after;   // nullopt if it no longer exists
};

Result<void> Record(const Deps& deps, Transaction& tx, const Actor& actor, const AuditEvent& event);

Result<std::vector<AuditRecord>> ListAudit(Deps& deps, const Actor& actor, std::int64_t after_seq,
                                           std::int64_t limit);
Result<AuditVerification> VerifyAudit(Deps& deps, const Actor& actor);

}  // namespace chancery::core
