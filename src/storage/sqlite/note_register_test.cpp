// The outgoing register under concurrent writers, on a real file: NextSerial then Insert in one
// write transaction must give every note its own serial, with no gap, however the threads
// interleave. What makes it hold is BEGIN IMMEDIATE (one writer at a time, from Begin on).
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "storage/sqlite/sqlite_store.hpp"

namespace chancery::storage {
namespace {

using namespace std::chrono;
using core::ErrorCode;
using core::TxMode;

class NoteRegisterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "chancery-notes-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    auto store = SqliteStore::Open((dir_ / "db.sqlite").string(), SqliteStore::OpenMode::kCreate);
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
  }
  void TearDown() override {
    store_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  std::filesystem::path dir_;
  std::unique_ptr<SqliteStore> store_;
};

core::OutgoingNote NoteNumbered(int serial, const std::string& subject) {
  core::OutgoingNote n;
  n.purpose = core::NotePurpose::kOther;
  n.index = "17-1";
  n.number = core::NoteNumber{"17-1", serial, 2021};
  n.date = core::Date{year{2021}, month{7}, day{12}};
  n.subject = subject;
  n.status = core::NoteStatus::kRegistered;
  n.texts = {{"ru", {{core::NoteBlockRole::kNumber, "№ 17-1/" + std::to_string(serial)}}}};
  return n;
}

// One registration as a use case would do it: the next serial and the insert in one write
// transaction. The pause between them gives another thread every chance to ask for the same
// serial, were writers not serialised.
core::Result<int> Register(core::Store& store, const std::string& subject) {
  auto tx = store.Begin(TxMode::kWrite);
  if (!tx) return tx.error();
  auto serial = (*tx)->Notes().NextSerial(2021);
  if (!serial) return serial.error();
  std::this_thread::sleep_for(microseconds(200));
  if (auto id = (*tx)->Notes().Insert(NoteNumbered(*serial, subject)); !id) return id.error();
  if (auto committed = (*tx)->Commit(); !committed) return committed.error();
  return *serial;
}

TEST_F(NoteRegisterTest, ConcurrentRegistrationsGetSerialsOneToNWithoutGapOrDuplicate) {
  constexpr int kThreads = 4;
  constexpr int kNotes = 200;
  std::atomic<int> tickets{0};  // the next note to register: each is taken by one thread
  std::atomic<int> retries{0};  // busy: the writer slot was not free in time
  std::mutex mutex;
  std::vector<int> serials;  // as Register reported them
  std::vector<std::string> errors;
  auto work = [&](int thread) {
    for (int ticket = tickets++; ticket < kNotes; ticket = tickets++) {
      const std::string subject = "thread " + std::to_string(thread) + " ticket " + std::to_string(ticket);
      for (;;) {
        auto serial = Register(*store_, subject);
        if (!serial && serial.error().code == ErrorCode::kUnavailable) {
          ++retries;
          continue;
        }
        std::lock_guard lock(mutex);
        if (serial) {
          serials.push_back(*serial);
        } else {
          errors.push_back(serial.error().message);
        }
        break;
      }
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) threads.emplace_back(work, t);
  for (auto& t : threads) t.join();

  ASSERT_TRUE(errors.empty()) << errors.size() << " failed, the first: " << errors.front();
  std::vector<int> expected(kNotes);
  for (int i = 0; i < kNotes; ++i) expected[i] = i + 1;
  std::sort(serials.begin(), serials.end());
  EXPECT_EQ(serials, expected);

  // What was stored says the same: 200 notes of 2021, serials 1..200, each once, each
  // findable by its number; the next is 201.
  auto tx = store_->Begin(TxMode::kRead);
  ASSERT_TRUE(tx) << tx.error().message;
  auto listed = (*tx)->Notes().List({.year = 2021});
  ASSERT_TRUE(listed) << listed.error().message;
  ASSERT_EQ(listed->size(), static_cast<std::size_t>(kNotes));
  std::vector<int> stored;
  for (const auto& n : *listed) {
    ASSERT_TRUE(n.number.has_value());
    stored.push_back(n.number->serial);
    EXPECT_EQ(n.texts.at(0).blocks.at(0).text, "№ 17-1/" + std::to_string(n.number->serial));
  }
  std::sort(stored.begin(), stored.end());
  EXPECT_EQ(stored, expected);
  for (int serial : {1, 100, 200}) {
    auto found = (*tx)->Notes().FindByNumber(2021, serial);
    ASSERT_TRUE(found && found->has_value()) << serial;
  }
  EXPECT_EQ(*(*tx)->Notes().NextSerial(2021), kNotes + 1);
  RecordProperty("busy_retries", retries.load());
}

}  // namespace
}  // namespace chancery::storage
