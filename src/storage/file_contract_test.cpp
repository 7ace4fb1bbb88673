// The storage contract of uploaded files, run against both adapters: bytes kept exactly (NULs
// and all), what was read from them, and which notes enclose a file — with the enclosures'
// file ids and frozen page counts that a note carries.
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

// Bytes a text column would mangle: NULs, high bytes, no trailing newline.
const std::string kBytes("%PDF-1.7\n\0\xff\xfe binary\0end", 28);

core::StoredFile File(std::int64_t size, int pages) {
  core::StoredFile f;
  f.size = size;
  f.pages = pages;
  f.sha256 = std::string(64, 'a');
  f.uploaded_at = core::Instant{milliseconds{1626062400123}};
  f.uploaded_by = 2;
  return f;
}

class FileContract : public AdapterContract {};

TEST_P(FileContract, BytesAndWhatWasReadFromThemRoundTrip) {
  ASSERT_EQ(kBytes.size(), 28u);
  auto tx = Begin(TxMode::kWrite);
  auto first = tx->Files().Insert(File(28, 8), kBytes);
  auto second = tx->Files().Insert(File(5, 1), "%PDF-");
  ASSERT_TRUE(first && second);
  EXPECT_LT(*first, *second);
  EXPECT_EQ(tx->Files().Insert(File(27, 8), kBytes).error().code, ErrorCode::kInvalidArgument);
  ASSERT_TRUE(tx->Commit());
  tx.reset();  // one writer at a time
  tx = Begin(TxMode::kRead);
  auto f = tx->Files().Find(*first);
  ASSERT_TRUE(f && *f);
  EXPECT_EQ((*f)->id, *first);
  EXPECT_EQ((*f)->media_type, "application/pdf");
  EXPECT_EQ((*f)->size, 28);
  EXPECT_EQ((*f)->pages, 8);
  EXPECT_EQ((*f)->sha256, std::string(64, 'a'));
  EXPECT_EQ((*f)->uploaded_at, core::Instant{milliseconds{1626062400123}});
  EXPECT_EQ((*f)->uploaded_by, 2);
  EXPECT_EQ(**tx->Files().Content(*first), kBytes);
  EXPECT_EQ(**tx->Files().Content(*second), "%PDF-");
  EXPECT_FALSE(tx->Files().Find(*second + 1)->has_value());
  EXPECT_FALSE(tx->Files().Content(*second + 1)->has_value());
  EXPECT_FALSE(tx->Files().Insert(File(5, 1), "%PDF-"));  // a read transaction writes nothing
}

TEST_P(FileContract, AnUncommittedUploadLeavesNothing) {
  {
    auto tx = Begin(TxMode::kWrite);
    ASSERT_TRUE(tx->Files().Insert(File(5, 1), "%PDF-"));
  }
  auto tx = Begin(TxMode::kRead);
  EXPECT_FALSE(tx->Files().Find(1)->has_value());
}

TEST_P(FileContract, EnclosuresKeepTheirFileAndFrozenPagesAndTellWhichNotesEncloseAFile) {
  auto tx = Begin(TxMode::kWrite);
  const auto file = *tx->Files().Insert(File(5, 3), "%PDF-");
  const auto other_file = *tx->Files().Insert(File(5, 1), "%PDF-");
  core::OutgoingNote n;
  n.index = "17-1";
  n.subject = "Final minutes";
  n.languages = {"ru", "en"};
  n.enclosures = {{"Minutes", 12, 2, 8, std::nullopt, {{"ru", 9}, {"en", 8}}},
                  {"Letter", std::nullopt, std::nullopt, 3, file}};
  const auto with = *tx->Notes().Insert(n);
  n.enclosures = {{"Brochure", std::nullopt, std::nullopt, 20}};
  const auto without = *tx->Notes().Insert(n);
  n.enclosures = {{"Letter again", std::nullopt, std::nullopt, 3, file}, {"Same letter", std::nullopt, std::nullopt, 3, file}};
  const auto twice = *tx->Notes().Insert(n);
  ASSERT_TRUE(tx->Commit());
  tx.reset();
  tx = Begin(TxMode::kWrite);
  auto got = **tx->Notes().Find(with);
  ASSERT_EQ(got.enclosures.size(), 2u);
  EXPECT_EQ(got.enclosures[0].file_id, std::nullopt);
  EXPECT_EQ(got.enclosures[0].pages_by_lang, (std::vector<core::EnclosurePages>{{"ru", 9}, {"en", 8}}));
  EXPECT_EQ(got.enclosures[1].file_id, file);
  EXPECT_TRUE(got.enclosures[1].pages_by_lang.empty());
  EXPECT_EQ(*tx->Files().EnclosedBy(file), (std::vector<std::int64_t>{with, twice}));
  EXPECT_TRUE(tx->Files().EnclosedBy(other_file)->empty());
  // Update rewrites the enclosures, their pages included.
  got.enclosures[0].pages_by_lang = {{"ru", 7}};
  got.enclosures.pop_back();
  ASSERT_TRUE(tx->Notes().Update(got));
  ASSERT_TRUE(tx->Commit());
  tx.reset();
  tx = Begin(TxMode::kRead);
  auto updated = **tx->Notes().Find(with);
  ASSERT_EQ(updated.enclosures.size(), 1u);
  EXPECT_EQ(updated.enclosures[0].pages_by_lang, (std::vector<core::EnclosurePages>{{"ru", 7}}));
  EXPECT_EQ(*tx->Files().EnclosedBy(file), (std::vector<std::int64_t>{twice}));
  EXPECT_TRUE((**tx->Notes().Find(without)).enclosures[0].pages_by_lang.empty());
}

INSTANTIATE_TEST_SUITE_P(Adapters, FileContract, kBothAdapters, AdapterName);

}  // namespace
}  // namespace chancery::storage
