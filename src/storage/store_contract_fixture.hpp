#pragma once
// What every storage contract test file shares: the two adapters it runs against (memory, and
// SQLite in a temporary directory) and a fixture that opens a fresh store for each test.
// Usage:
//   class FooContract : public AdapterContract { … };
//   INSTANTIATE_TEST_SUITE_P(Adapters, FooContract, kBothAdapters, AdapterName);
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "core/ports/store.hpp"
#include "storage/memory/memory_store.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace chancery::storage {

struct StoreAdapter {
  std::string name;
  std::function<std::unique_ptr<core::Store>(const std::filesystem::path& dir)> make;
};
inline void PrintTo(const StoreAdapter& adapter, std::ostream* os) { *os << adapter.name; }

inline const StoreAdapter kMemoryAdapter{"memory", [](const std::filesystem::path&) -> std::unique_ptr<core::Store> {
                                           return std::make_unique<MemoryStore>();
                                         }};
inline const StoreAdapter kSqliteAdapter{
    "sqlite", [](const std::filesystem::path& dir) -> std::unique_ptr<core::Store> {
      auto store = SqliteStore::Open((dir / "chancery.sqlite").string(), SqliteStore::OpenMode::kCreate);
      if (!store) {
        ADD_FAILURE() << "open: " << store.error().message;
        return nullptr;
      }
      return std::move(*store);
    }};
inline const auto kBothAdapters = ::testing::Values(kMemoryAdapter, kSqliteAdapter);
inline std::string AdapterName(const ::testing::TestParamInfo<StoreAdapter>& info) { return info.param.name; }

class AdapterContract : public ::testing::TestWithParam<StoreAdapter> {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "chancery-contract-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    store_ = GetParam().make(dir_);
    ASSERT_NE(store_, nullptr);
  }
  void TearDown() override {
    store_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  std::unique_ptr<core::Transaction> Begin(core::TxMode mode) {
    auto tx = store_->Begin(mode);
    EXPECT_TRUE(tx) << tx.error().message;
    return tx ? std::move(*tx) : nullptr;
  }

  std::filesystem::path dir_;
  std::unique_ptr<core::Store> store_;
};

}  // namespace chancery::storage
