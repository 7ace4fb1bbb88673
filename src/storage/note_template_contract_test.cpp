// The storage contract of edited note templates, run against both adapters: one per purpose
// and language, blocks kept in order, replaced whole, deleted back to nothing, and only what a
// committed transaction wrote.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "core/ports/store.hpp"
#include "storage/memory/memory_store.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace chancery::storage {
namespace {

using core::NoteBlockRole;
using core::TxMode;

struct TemplateAdapter {
  std::string name;
  std::function<std::unique_ptr<core::Store>(const std::filesystem::path& dir)> make;
};
void PrintTo(const TemplateAdapter& adapter, std::ostream* os) { *os << adapter.name; }

const TemplateAdapter kMemory{"memory", [](const std::filesystem::path&) -> std::unique_ptr<core::Store> {
                                return std::make_unique<MemoryStore>();
                              }};
const TemplateAdapter kSqlite{"sqlite", [](const std::filesystem::path& dir) -> std::unique_ptr<core::Store> {
                                auto store = SqliteStore::Open((dir / "chancery.sqlite").string(),
                                                               SqliteStore::OpenMode::kCreate);
                                if (!store) return nullptr;
                                return std::move(*store);
                              }};

core::EditedNoteTemplate Edited(std::string purpose, std::string lang, std::string body, std::int64_t at_seconds) {
  core::EditedNoteTemplate t;
  t.note.purpose = std::move(purpose);
  t.note.lang = std::move(lang);
  t.note.title = "Note Verbale № {{number}}";
  t.note.blocks = {{NoteBlockRole::kLetterhead, "SECRETARIAT\nOF CICA"},
                   {NoteBlockRole::kNumber, "№ {{number}}"},
                   {NoteBlockRole::kText, std::move(body)},
                   {NoteBlockRole::kPlaceDate, "{{place}}, {{date}}"},
                   {NoteBlockRole::kAddressee, "{{addressee:block}}"}};
  t.edited_by = "officer";
  t.edited_at = core::Instant{std::chrono::seconds{at_seconds}};
  return t;
}

class NoteTemplateContract : public ::testing::TestWithParam<TemplateAdapter> {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "chancery-templates-XXXXXX").string();
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
  std::unique_ptr<core::Transaction> Begin(TxMode mode) {
    auto tx = store_->Begin(mode);
    EXPECT_TRUE(tx) << tx.error().message;
    return tx ? std::move(*tx) : nullptr;
  }
  void Put(const core::EditedNoteTemplate& t) {
    auto tx = Begin(TxMode::kWrite);
    ASSERT_TRUE(tx);
    auto r = tx->Templates().Put(t);
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_TRUE(tx->Commit());
  }

  std::filesystem::path dir_;
  std::unique_ptr<core::Store> store_;
};

TEST_P(NoteTemplateContract, NoneStoredAtFirst) {
  auto tx = Begin(TxMode::kRead);
  auto found = tx->Templates().Find("invite_to_meeting", "en");
  ASSERT_TRUE(found);
  EXPECT_FALSE(*found);
  auto all = tx->Templates().List();
  ASSERT_TRUE(all);
  EXPECT_TRUE(all->empty());
}

TEST_P(NoteTemplateContract, StoredWholeWithBlocksInOrder) {
  const auto t = Edited("invite_to_meeting", "ru", "Секретариат {{body:genitive}}", 1'700'000'000);
  Put(t);
  auto tx = Begin(TxMode::kRead);
  auto found = tx->Templates().Find("invite_to_meeting", "ru");
  ASSERT_TRUE(found);
  ASSERT_TRUE(*found);
  EXPECT_EQ(**found, t);
  // Another language of the same purpose is not there.
  auto other = tx->Templates().Find("invite_to_meeting", "en");
  ASSERT_TRUE(other);
  EXPECT_FALSE(*other);
}

TEST_P(NoteTemplateContract, PutReplacesTheOneOfTheSamePurposeAndLanguage) {
  Put(Edited("silence_outcome", "en", "first wording", 10));
  auto second = Edited("silence_outcome", "en", "second wording", 20);
  second.note.blocks.pop_back();  // fewer blocks than before: none of the old ones may remain
  second.note.blocks.push_back({NoteBlockRole::kAddressee, "To all"});
  second.edited_by = "admin";
  Put(second);
  auto tx = Begin(TxMode::kRead);
  auto found = tx->Templates().Find("silence_outcome", "en");
  ASSERT_TRUE(found && *found);
  EXPECT_EQ(**found, second);
  auto all = tx->Templates().List();
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), 1u);
}

TEST_P(NoteTemplateContract, ListedByPurposeThenLanguage) {
  Put(Edited("silence_outcome", "ru", "b", 1));
  Put(Edited("invite_to_meeting", "ru", "a", 2));
  Put(Edited("invite_to_meeting", "en", "c", 3));
  auto tx = Begin(TxMode::kRead);
  auto all = tx->Templates().List();
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].note.purpose + "." + (*all)[0].note.lang, "invite_to_meeting.en");
  EXPECT_EQ((*all)[1].note.purpose + "." + (*all)[1].note.lang, "invite_to_meeting.ru");
  EXPECT_EQ((*all)[2].note.purpose + "." + (*all)[2].note.lang, "silence_outcome.ru");
  EXPECT_EQ((*all)[2].note.blocks.size(), 5u);
}

TEST_P(NoteTemplateContract, DeleteSaysWhetherThereWasOne) {
  Put(Edited("silence_broken", "kk", "x", 5));
  {
    auto tx = Begin(TxMode::kWrite);
    auto gone = tx->Templates().Delete("silence_broken", "kk");
    ASSERT_TRUE(gone);
    EXPECT_TRUE(*gone);
    auto again = tx->Templates().Delete("silence_broken", "kk");
    ASSERT_TRUE(again);
    EXPECT_FALSE(*again);
    ASSERT_TRUE(tx->Commit());
  }
  auto tx = Begin(TxMode::kRead);
  auto found = tx->Templates().Find("silence_broken", "kk");
  ASSERT_TRUE(found);
  EXPECT_FALSE(*found);
}

TEST_P(NoteTemplateContract, NothingStoredWithoutCommit) {
  {
    auto tx = Begin(TxMode::kWrite);
    ASSERT_TRUE(tx->Templates().Put(Edited("invite_to_meeting", "kk", "x", 1)));
  }  // rolled back
  auto tx = Begin(TxMode::kRead);
  auto found = tx->Templates().Find("invite_to_meeting", "kk");
  ASSERT_TRUE(found);
  EXPECT_FALSE(*found);
}

INSTANTIATE_TEST_SUITE_P(Adapters, NoteTemplateContract, ::testing::Values(kMemory, kSqlite),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace chancery::storage
