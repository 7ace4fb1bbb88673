#include "core/services/request_store.hpp"

#include <gtest/gtest.h>

#include "storage/memory/memory_store.hpp"

namespace chancery::core {
namespace {

// Counts the transactions the wrapped store really begins.
class CountingStore : public Store {
 public:
  Result<std::unique_ptr<Transaction>> Begin(TxMode mode) override {
    ++(mode == TxMode::kRead ? reads : writes);
    return inner.Begin(mode);
  }
  storage::MemoryStore inner;
  int reads = 0, writes = 0;
};

TEST(RequestStore, ReadsOfOneRequestShareOneTransaction) {
  CountingStore counting;
  RequestStore request(counting);
  for (int i = 0; i < 3; ++i) {
    auto tx = request.Begin(TxMode::kRead);
    ASSERT_TRUE(tx);
    EXPECT_TRUE((*tx)->Commit());
    EXPECT_TRUE((*tx)->Settings().List());  // still usable: the shared read goes on
  }
  EXPECT_EQ(counting.reads, 1);
}

TEST(RequestStore, AReadAfterAWriteSeesTheWrite) {
  CountingStore counting;
  RequestStore request(counting);
  auto before = request.Begin(TxMode::kRead);
  ASSERT_TRUE(before);
  {
    auto write = request.Begin(TxMode::kWrite);
    ASSERT_TRUE(write);
    ASSERT_TRUE((*write)->Settings().Set("time_zone", "Asia/Almaty"));
    ASSERT_TRUE((*write)->Commit());
  }
  // The view taken before the write keeps its snapshot and stays valid.
  EXPECT_FALSE(*(*before)->Settings().Get("time_zone"));
  auto after = request.Begin(TxMode::kRead);
  ASSERT_TRUE(after);
  EXPECT_EQ(*(*after)->Settings().Get("time_zone"), std::optional<std::string>("Asia/Almaty"));
  EXPECT_EQ(counting.reads, 2);
  EXPECT_EQ(counting.writes, 1);
}

}  // namespace
}  // namespace chancery::core
