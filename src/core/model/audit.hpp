#pragma once
// The audit log: one record per change, hash-chained so that altering, removing or
// reordering any record is detected by Verify.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/ports/crypto.hpp"
#include "core/time.hpp"

namespace chancery::core {

struct AuditRecord {
  std::int64_t seq = 0;  // 1, 2, 3, … without gaps
  Instant at{};
  std::string actor;        // username, or "system"
  std::string action;       // "participant.create", "user.login", …
  std::string object_kind;  // "participant"
  std::string object_id;    // "TKM"
  std::string before_digest;  // hex SHA-256 of the object's canonical form before; "" if none
  std::string after_digest;   // … and after; "" if deleted
  std::string prev_hash;      // hash of record seq-1; 64 zeros for the first
  std::string hash;           // hex SHA-256 over prev_hash and the fields above
};

inline const std::string kGenesisHash(64, '0');

// The exact bytes the hash covers. Fields are length-prefixed so that no two different
// records share one canonical form.
std::string CanonicalBytes(const AuditRecord& record);

// Fills seq, prev_hash and hash so that `record` follows `previous` (nullptr for the first).
void Seal(AuditRecord& record, const AuditRecord* previous, const Digest& digest);

struct AuditVerification {
  bool intact = true;
  std::int64_t records_checked = 0;
  std::optional<std::int64_t> first_bad_seq;  // where the chain breaks
  std::string problem;                        // one line: what is wrong there
};

// Checks a chain fed record by record in storage order, so that a log of any length is
// verified in pages without holding it in memory.
class ChainVerifier {
 public:
  explicit ChainVerifier(const Digest& digest) : digest_(digest) {}
  // False once the chain is broken; later records are then ignored.
  bool Feed(const AuditRecord& record);
  // `head_seq`/`head_hash` are the chain head stored apart from the records; they catch a
  // removal of the newest records, which the chain alone cannot.
  AuditVerification Finish(std::int64_t head_seq, const std::string& head_hash);

 private:
  bool Fail(std::int64_t seq, std::string problem);

  const Digest& digest_;
  AuditVerification result_;
  std::int64_t last_seq_ = 0;
  std::string last_hash_ = kGenesisHash;
};

AuditVerification Verify(const std::vector<AuditRecord>& records, std::int64_t head_seq,
                         const std::string& head_hash, const Digest& digest);

}  // namespace chancery::core
