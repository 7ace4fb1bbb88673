#include "core/model/audit.hpp"

#include <gtest/gtest.h>

#include "core/testing/fakes.hpp"

namespace chancery::core {
namespace {

class AuditChain : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int i = 0; i < 5; ++i) {
      AuditRecord r;
      r.at = Instant{std::chrono::milliseconds{1624406400000LL + i * 1000}};
      r.actor = "officer";
      r.action = "participant.update";
      r.object_kind = "participant";
      r.object_id = "TKM";
      r.after_digest = digest_.Sha256Hex("state " + std::to_string(i));
      Seal(r, records_.empty() ? nullptr : &records_.back(), digest_);
      records_.push_back(r);
    }
  }
  AuditVerification Check() const {
    return Verify(records_, records_.empty() ? 0 : 5, records_.empty() ? kGenesisHash : head_hash(), digest_);
  }
  std::string head_hash() const { return original_head_; }

  testing::FakeDigest digest_;
  std::vector<AuditRecord> records_;
  std::string original_head_;
};

TEST_F(AuditChain, IntactChainVerifies) {
  original_head_ = records_.back().hash;
  auto v = Check();
  EXPECT_TRUE(v.intact);
  EXPECT_EQ(v.records_checked, 5);
  EXPECT_EQ(records_[0].seq, 1);
  EXPECT_EQ(records_[0].prev_hash, kGenesisHash);
  EXPECT_EQ(records_[3].prev_hash, records_[2].hash);
}

TEST_F(AuditChain, AlteredFieldIsDetectedAtThatRecord) {
  original_head_ = records_.back().hash;
  records_[2].actor = "intruder";
  auto v = Check();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_bad_seq, 3);
  EXPECT_NE(v.problem.find("altered"), std::string::npos);
}

TEST_F(AuditChain, AlteredAndResealedRecordBreaksTheLinkOfTheNext) {
  original_head_ = records_.back().hash;
  records_[1].after_digest = digest_.Sha256Hex("forged");
  records_[1].hash = digest_.Sha256Hex(CanonicalBytes(records_[1]));
  auto v = Check();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_bad_seq, 3);
}

TEST_F(AuditChain, RemovedRecordIsDetected) {
  original_head_ = records_.back().hash;
  records_.erase(records_.begin() + 2);
  auto v = Check();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_bad_seq, 3);
}

TEST_F(AuditChain, ReorderedRecordsAreDetected) {
  original_head_ = records_.back().hash;
  std::swap(records_[1], records_[2]);
  auto v = Check();
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_bad_seq, 2);
}

TEST_F(AuditChain, RemovedNewestRecordIsDetectedThroughTheHead) {
  original_head_ = records_.back().hash;
  records_.pop_back();
  auto v = Verify(records_, 5, original_head_, digest_);
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_bad_seq, 5);
  EXPECT_EQ(v.records_checked, 4);
}

TEST_F(AuditChain, EmptyLogWithGenesisHeadIsIntact) {
  records_.clear();
  EXPECT_TRUE(Verify(records_, 0, kGenesisHash, digest_).intact);
}

}  // namespace
}  // namespace chancery::core
