// What only the memory adapter has: a configurable wait for the writer slot.
#include <gtest/gtest.h>

#include <thread>

#include "storage/memory/memory_store.hpp"

namespace chancery::storage {
namespace {

TEST(MemoryStore, SecondWriterGivesUpAfterTheTimeoutWithUnavailable) {
  MemoryStore store(std::chrono::milliseconds(50));
  auto first = store.Begin(core::TxMode::kWrite);
  ASSERT_TRUE(first);
  auto second = store.Begin(core::TxMode::kWrite);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, core::ErrorCode::kUnavailable);
  // Readers are never blocked by the writer.
  EXPECT_TRUE(store.Begin(core::TxMode::kRead));
  first->reset();
  EXPECT_TRUE(store.Begin(core::TxMode::kWrite));
}

TEST(MemoryStore, WriteTransactionMayEndOnAnotherThread) {
  MemoryStore store(std::chrono::milliseconds(50));
  auto tx = store.Begin(core::TxMode::kWrite);
  ASSERT_TRUE(tx);
  std::unique_ptr<core::Transaction> moved = std::move(*tx);
  std::thread([&] {
    ASSERT_TRUE(moved->Settings().Set("k", "v"));
    ASSERT_TRUE(moved->Commit());
    moved.reset();
  }).join();
  auto next = store.Begin(core::TxMode::kWrite);
  ASSERT_TRUE(next);
  EXPECT_EQ(*(*next)->Settings().Get("k"), std::optional<std::string>("v"));
}

}  // namespace
}  // namespace chancery::storage
