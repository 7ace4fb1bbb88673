#include "core/model/audit.hpp"

namespace chancery::core {
namespace {

void Field(std::string& out, const std::string& value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
  out += ';';
}

}  // namespace

std::string CanonicalBytes(const AuditRecord& r) {
  std::string out = "chancery-audit-v1;";
  Field(out, std::to_string(r.seq));
  Field(out, FormatInstant(r.at));
  Field(out, r.actor);
  Field(out, r.action);
  Field(out, r.object_kind);
  Field(out, r.object_id);
  Field(out, r.before_digest);
  Field(out, r.after_digest);
  Field(out, r.prev_hash);
  return out;
}

void Seal(AuditRecord& record, const AuditRecord* previous, const Digest& digest) {
  record.seq = previous ? previous->seq + 1 : 1;
  record.prev_hash = previous ? previous->hash : kGenesisHash;
  record.hash = digest.Sha256Hex(CanonicalBytes(record));
}

bool ChainVerifier::Fail(std::int64_t seq, std::string problem) {
  result_.intact = false;
  result_.first_bad_seq = seq;
  result_.problem = std::move(problem);
  return false;
}

bool ChainVerifier::Feed(const AuditRecord& r) {
  if (!result_.intact) return false;
  const std::int64_t expected = last_seq_ + 1;
  if (r.seq != expected) {
    return Fail(expected, "record " + std::to_string(expected) + " is missing or out of order (found " +
                              std::to_string(r.seq) + " in its place)");
  }
  if (r.prev_hash != last_hash_) {
    return Fail(r.seq, "record " + std::to_string(r.seq) + " does not link to its predecessor");
  }
  if (digest_.Sha256Hex(CanonicalBytes(r)) != r.hash) {
    return Fail(r.seq, "record " + std::to_string(r.seq) + " was altered (hash mismatch)");
  }
  ++result_.records_checked;
  last_seq_ = r.seq;
  last_hash_ = r.hash;
  return true;
}

AuditVerification ChainVerifier::Finish(std::int64_t head_seq, const std::string& head_hash) {
  if (result_.intact && (last_seq_ != head_seq || last_hash_ != head_hash)) {
    Fail(last_seq_ + 1, "the chain ends at record " + std::to_string(last_seq_) +
                            " but the stored head is record " + std::to_string(head_seq) +
                            " (records removed or head altered)");
  }
  return result_;
}

AuditVerification Verify(const std::vector<AuditRecord>& records, std::int64_t head_seq,
                         const std::string& head_hash, const Digest& digest) {
  ChainVerifier verifier(digest);
  for (const auto& r : records) {
    if (!verifier.Feed(r)) break;
  }
  return verifier.Finish(head_seq, head_hash);
}

}  // namespace chancery::core
