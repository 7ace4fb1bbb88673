// The storage contract of dispatch, run against both adapters: registered addresses per
// participant and the delivery log, with the due query the worker claims from.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "core/ports/store.hpp"
#include "storage/store_contract_fixture.hpp"

namespace chancery::storage {
namespace {

using namespace std::chrono;
using core::ErrorCode;
using core::TxMode;

core::Instant At(std::int64_t seconds) { return core::Instant{std::chrono::seconds{seconds}}; }

class DispatchContract : public AdapterContract {
 protected:
  std::int64_t InsertNote(core::Transaction& tx) {
    core::OutgoingNote n;
    n.index = "17-1";
    n.subject = "Final minutes";
    n.languages = {"en"};
    auto id = tx.Notes().Insert(n);
    EXPECT_TRUE(id) << id.error().message;
    return id ? *id : 0;
  }
  core::Delivery Queued(std::int64_t note, std::string participant, std::string address, std::int64_t at) {
    core::Delivery d;
    d.note_id = note;
    d.participant_id = std::move(participant);
    d.address = std::move(address);
    d.next_attempt_at = At(at);
    return d;
  }
};

TEST_P(DispatchContract, AddressesAreReplacedWholeAndKeepTheirOrder) {
  auto tx = Begin(TxMode::kWrite);
  EXPECT_TRUE(tx->Addresses().Addresses("KAZ")->empty());
  ASSERT_TRUE(tx->Addresses().SetAddresses("KAZ", {"b@mfa.kz", "a@mfa.kz"}));
  ASSERT_TRUE(tx->Addresses().SetAddresses("IND", {"cica@mea.gov.in"}));
  ASSERT_TRUE(tx->Commit());
  tx.reset();  // one writer at a time: the last transaction ends first
  tx = Begin(TxMode::kWrite);
  EXPECT_EQ(*tx->Addresses().Addresses("KAZ"), (std::vector<std::string>{"b@mfa.kz", "a@mfa.kz"}));
  EXPECT_EQ(tx->Addresses().SetAddresses("KAZ", {"c@mfa.kz", "c@mfa.kz"}).error().code, ErrorCode::kAlreadyExists);
  tx.reset();  // one writer at a time: the last transaction ends first
  tx = Begin(TxMode::kWrite);
  ASSERT_TRUE(tx->Addresses().SetAddresses("KAZ", {"c@mfa.kz"}));
  ASSERT_TRUE(tx->Addresses().SetAddresses("IND", {}));
  ASSERT_TRUE(tx->Commit());
  tx.reset();  // one writer at a time: the last transaction ends first
  tx = Begin(TxMode::kRead);
  EXPECT_EQ(*tx->Addresses().Addresses("KAZ"), (std::vector<std::string>{"c@mfa.kz"}));
  EXPECT_TRUE(tx->Addresses().Addresses("IND")->empty());
  EXPECT_FALSE(tx->Addresses().SetAddresses("KAZ", {}));  // a read transaction writes nothing
}

TEST_P(DispatchContract, DeliveriesRoundTripAndListPerNote) {
  auto tx = Begin(TxMode::kWrite);
  const auto note = InsertNote(*tx);
  const auto other = InsertNote(*tx);
  auto first = tx->Deliveries().Insert(Queued(note, "KAZ", "nv@mfa.kz", 100));
  auto second = tx->Deliveries().Insert(Queued(other, "IND", "cica@mea.gov.in", 100));
  auto third = tx->Deliveries().Insert(Queued(note, "IND", "cica@mea.gov.in", 100));
  ASSERT_TRUE(first && second && third);
  EXPECT_LT(*first, *second);
  EXPECT_LT(*second, *third);
  EXPECT_EQ(tx->Deliveries().Insert(Queued(999, "KAZ", "x@y.z", 1)).error().code, ErrorCode::kFailedPrecondition);
  core::Delivery sent = **tx->Deliveries().Find(*first);
  sent.status = core::DeliveryStatus::kSent;
  sent.attempts = 2;
  sent.last_error = "421 try later";
  sent.next_attempt_at = std::nullopt;
  sent.sent_at = At(150);
  ASSERT_TRUE(tx->Deliveries().Update(sent));
  ASSERT_TRUE(tx->Commit());

  tx.reset();  // one writer at a time: the last transaction ends first
  tx = Begin(TxMode::kRead);
  auto log = *tx->Deliveries().ListForNote(note);
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].id, *first);
  EXPECT_EQ(log[0].note_id, note);
  EXPECT_EQ(log[0].participant_id, "KAZ");
  EXPECT_EQ(log[0].address, "nv@mfa.kz");
  EXPECT_EQ(log[0].status, core::DeliveryStatus::kSent);
  EXPECT_EQ(log[0].attempts, 2);
  EXPECT_EQ(log[0].last_error, "421 try later");
  EXPECT_EQ(log[0].next_attempt_at, std::nullopt);
  EXPECT_EQ(log[0].sent_at, At(150));
  EXPECT_EQ(log[1].id, *third);
  EXPECT_EQ(log[1].status, core::DeliveryStatus::kQueued);
  EXPECT_EQ(log[1].next_attempt_at, At(100));
  EXPECT_FALSE(tx->Deliveries().Find(12345)->has_value());
  core::Delivery missing = log[1];
  missing.id = 12345;
  tx.reset();  // one writer at a time: the last transaction ends first
  tx = Begin(TxMode::kWrite);
  EXPECT_EQ(tx->Deliveries().Update(missing).error().code, ErrorCode::kNotFound);
}

TEST_P(DispatchContract, DueListsQueuedDeliveriesByTimeThenIdUpToTheLimit) {
  auto tx = Begin(TxMode::kWrite);
  const auto note = InsertNote(*tx);
  const auto late = *tx->Deliveries().Insert(Queued(note, "KAZ", "a@mfa.kz", 300));
  const auto early = *tx->Deliveries().Insert(Queued(note, "KAZ", "b@mfa.kz", 100));
  const auto tie = *tx->Deliveries().Insert(Queued(note, "IND", "c@mea.gov.in", 100));
  auto failed = Queued(note, "IND", "d@mea.gov.in", 50);
  failed.status = core::DeliveryStatus::kFailed;
  failed.next_attempt_at = std::nullopt;
  ASSERT_TRUE(tx->Deliveries().Insert(failed));
  ASSERT_TRUE(tx->Commit());

  tx.reset();  // one writer at a time: the last transaction ends first
  tx = Begin(TxMode::kRead);
  EXPECT_TRUE(tx->Deliveries().Due(At(99), 10)->empty());
  auto due = *tx->Deliveries().Due(At(100), 10);
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].id, early);
  EXPECT_EQ(due[1].id, tie);
  due = *tx->Deliveries().Due(At(1000), 10);
  ASSERT_EQ(due.size(), 3u);
  EXPECT_EQ(due[2].id, late);
  EXPECT_EQ(tx->Deliveries().Due(At(1000), 1)->size(), 1u);
  EXPECT_EQ(*tx->Deliveries().NextAttempt(), At(100));
}

TEST_P(DispatchContract, NoQueuedDeliveryMeansNoNextAttempt) {
  auto tx = Begin(TxMode::kRead);
  EXPECT_EQ(*tx->Deliveries().NextAttempt(), std::nullopt);
}

INSTANTIATE_TEST_SUITE_P(Adapters, DispatchContract, kBothAdapters, AdapterName);

}  // namespace
}  // namespace chancery::storage
