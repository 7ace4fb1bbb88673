#include "core/services/audit_trail.hpp"

#include "core/policy.hpp"
#include "core/services/canonical.hpp"

namespace chancery::core {

std::string Canonical(const Participant& p) {
  std::string out;
  Put(out, "id", p.id);
  Put(out, "kind", ToString(p.kind));
  Put(out, "iso_alpha2", OrEmpty(p.iso_alpha2));
  Put(out, "iso_alpha3", OrEmpty(p.iso_alpha3));
  for (const auto& n : p.names) {
    Put(out, "name.lang", n.lang);
    Put(out, "name.short", n.short_name);
    Put(out, "name.full", n.full_name);
    Put(out, "name.from", n.from ? FormatDate(*n.from) : std::string(kCanonicalNull));
  }
  for (const auto& s : p.statuses) {
    Put(out, "status.from", FormatDate(s.from));
    Put(out, "status.status", ToString(s.status));
    Put(out, "status.precision", ToString(s.precision));
    Put(out, "status.basis", s.basis);
    Put(out, "status.source", s.source);
    Put(out, "status.confidence", s.confidence);
  }
  return out;
}

std::string Canonical(const User& u) {
  std::string out;
  Put(out, "id", std::to_string(u.id));
  Put(out, "username", u.username);
  Put(out, "display_name", u.display_name);
  Put(out, "role", ToString(u.role));
  Put(out, "participant_id", OrEmpty(u.participant_id));
  Put(out, "password_hash", u.password_hash);
  Put(out, "active", u.active ? "1" : "0");
  Put(out, "email", OrEmpty(u.email));
  Put(out, "language", u.language);
  Put(out, "notices_off", FormatNoticesOff(u.notices));
  return out;
}

Result<void> Record(const Deps& deps, Transaction& tx, const Actor& actor, const AuditEvent& event) {
  auto last = tx.Audit().Last();
  if (!last) return last.error();
  AuditRecord record;
  record.at = deps.clock.Now();
  record.actor = actor.username;
  record.action = event.action;
  record.object_kind = event.object_kind;
  record.object_id = event.object_id;
  record.before_digest = event.before ? deps.digest.Sha256Hex(*event.before) : "";
  record.after_digest = event.after ? deps.digest.Sha256Hex(*event.after) : "";
  Seal(record, last->has_value() ? &**last : nullptr, deps.digest);
  return tx.Audit().Append(record);
}

Result<std::vector<AuditRecord>> ListAudit(Deps& deps, const Actor& actor, std::int64_t after_seq,
                                           std::int64_t limit) {
  if (auto denied = Check(actor, Action::kList, {ObjectKind::kAuditLog, {}}, "audit log")) return *denied;
  if (limit < 1 || limit > 1000) return Error::InvalidArgument("limit must be 1 to 1000", "limit");
  if (after_seq < 0) return Error::InvalidArgument("after must not be negative", "after");
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  return (*tx)->Audit().List(after_seq, limit);
}

Result<AuditVerification> VerifyAudit(Deps& deps, const Actor& actor) {
  if (auto denied = Check(actor, Action::kRead, {ObjectKind::kAuditLog, {}}, "audit log")) return *denied;
  // One read transaction: a consistent snapshot of records and head while writers go on.
  auto tx = deps.store.Begin(TxMode::kRead);
  if (!tx) return tx.error();
  auto head = (*tx)->Audit().Head();
  if (!head) return head.error();
  ChainVerifier verifier(deps.digest);
  constexpr std::int64_t kPage = 1000;
  std::int64_t after = 0;
  for (;;) {
    auto page = (*tx)->Audit().List(after, kPage);
    if (!page) return page.error();
    for (const auto& r : *page) {
      if (!verifier.Feed(r)) return verifier.Finish(head->seq, head->hash);
    }
    if (static_cast<std::int64_t>(page->size()) < kPage) break;
    after = page->back().seq;
  }
  return verifier.Finish(head->seq, head->hash);
}

}  // namespace chancery::core
