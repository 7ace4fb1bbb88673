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
#include "storage/store_contract_fixture.hpp"

namespace chancery::storage {
namespace {

using core::NoteBlockRole;
using core::TxMode;

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

class NoteTemplateContract : public AdapterContract {
 protected:
  void Put(const core::EditedNoteTemplate& t) {
    auto tx = Begin(TxMode::kWrite);
    ASSERT_TRUE(tx);
    auto r = tx->Templates().Put(t);
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_TRUE(tx->Commit());
  }
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

INSTANTIATE_TEST_SUITE_P(Adapters, NoteTemplateContract, kBothAdapters, AdapterName);

}  // namespace
}  // namespace chancery::storage
