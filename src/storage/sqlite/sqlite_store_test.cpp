// What only the SQLite adapter has: a file that outlives the process, migrations, connection
// settings, online backup, and writers from several threads.
#include "storage/sqlite/sqlite_store.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>

#include "storage/sqlite/migrations.hpp"

namespace chancery::storage {
namespace {

using namespace std::chrono;
using core::ErrorCode;
using core::TxMode;
using OpenMode = SqliteStore::OpenMode;

// The file opened directly, behind the store's back: to tamper with it, and to look at how
// values are stored.
class RawDatabase {
 public:
  explicit RawDatabase(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
      ADD_FAILURE() << "open " << path << ": " << sqlite3_errmsg(db_);
    }
  }
  ~RawDatabase() { sqlite3_close_v2(db_); }

  void Exec(const std::string& sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      ADD_FAILURE() << sql << ": " << (message ? message : "?");
    }
    sqlite3_free(message);
  }

  // Runs `sql` expecting it to fail; returns SQLite's message, or "" if it succeeded.
  std::string ExecError(const std::string& sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
    std::string text = rc == SQLITE_OK ? "" : (message ? message : "?");
    sqlite3_free(message);
    return text;
  }

  // Every row, columns joined by '|', rows by '\n'.
  std::string Query(const std::string& sql) {
    std::string out;
    auto collect = [](void* arg, int n, char** values, char**) {
      auto& text = *static_cast<std::string*>(arg);
      if (!text.empty()) text += '\n';
      for (int i = 0; i < n; ++i) text += (i ? "|" : "") + std::string(values[i] ? values[i] : "NULL");
      return 0;
    };
    char* message = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), collect, &out, &message) != SQLITE_OK) {
      ADD_FAILURE() << sql << ": " << (message ? message : "?");
    }
    sqlite3_free(message);
    return out;
  }

 private:
  sqlite3* db_ = nullptr;
};

core::Participant MakeParticipant(std::string id, std::string kazakh_name) {
  core::Participant p;
  p.id = std::move(id);
  p.kind = core::ParticipantKind::kState;
  p.iso_alpha3 = p.id;
  p.names = {{"kk", kazakh_name, kazakh_name + " Республикасы", std::nullopt},
             {"en", p.id, p.id, core::Date{year{2020}, month{2}, day{29}}}};
  p.statuses = {{core::Date{year{2001}, month{6}, day{15}}, core::ParticipantStatus::kMember,
                 core::DatePrecision::kDay, "basis", "source", "C"}};
  return p;
}

// A draft with two versions, the first in two languages, and a former symbol.
core::Document MakeDocument() {
  core::Document d;
  d.symbol = "MM/2021/DRAFT/1";
  d.former_symbols = {"SOC/2021/DRAFT/2"};
  d.kind = core::DocumentKind::kDraftRegulation;
  d.body = core::BodyCode::kMm;
  d.access = core::AccessCategory::kMembersAndObservers;
  d.original_language = "kk";
  d.stages = {{core::BodyCode::kSoc, core::StageKind::kRecommended, core::Date{year{2021}, month{6}, day{23}},
               std::nullopt, 11, core::BodyCode::kMm}};
  core::DocumentVersion v1;
  v1.number = 1;
  v1.created_at = core::Instant{milliseconds{1624420800123}};
  v1.author = "әкімші";
  v1.reason = "draft circulated for comments";
  v1.languages = {
      {{"kk", "Ереже жобасы", {{"p1", core::ParagraphStyle::kText, "Қазақ мәтіні", 0, false},
                              {"item-4-p1", core::ParagraphStyle::kItemHeading, "4. Бақылаушылар", 4, true}}},
       core::TranslationStatus::kOriginal},
      {{"en", "Draft Regulation", {{"p1", core::ParagraphStyle::kText, "English text", 0, false}}},
       core::TranslationStatus::kTranslated},
  };
  core::DocumentVersion v2 = v1;
  v2.number = 2;
  v2.reason = "reflecting comments of Member States";
  v2.languages.pop_back();
  d.versions = {v1, v2};
  return d;
}

core::User MakeUser(std::string username) {
  core::User u;
  u.username = std::move(username);
  u.display_name = "Нұрлан";
  u.role = core::Role::kOfficer;
  u.password_hash = "$argon2id$hash";
  u.created_at = core::Instant{milliseconds{1624420800123}};
  return u;
}

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "chancery-sqlite-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  std::string PathOf(const std::string& name) const { return (dir_ / name).string(); }

  std::unique_ptr<SqliteStore> Open(const std::string& path, OpenMode mode = OpenMode::kCreate) {
    auto store = SqliteStore::Open(path, mode);
    if (!store) {
      ADD_FAILURE() << "open " << path << ": " << store.error().message;
      return nullptr;
    }
    return std::move(*store);
  }

  static void Commit(core::Transaction& tx) {
    auto r = tx.Commit();
    ASSERT_TRUE(r) << r.error().message;
  }

  static std::vector<std::string> ParticipantIds(SqliteStore& store) {
    auto tx = store.Begin(TxMode::kRead);
    EXPECT_TRUE(tx);
    std::vector<std::string> ids;
    if (!tx) return ids;
    auto list = (*tx)->Participants().List();
    EXPECT_TRUE(list);
    if (list) {
      for (const auto& p : *list) ids.push_back(p.id);
    }
    return ids;
  }

  std::filesystem::path dir_;
};

TEST_F(SqliteStoreTest, DataSurvivesCloseAndReopen) {
  const std::string path = PathOf("db.sqlite");
  std::int64_t user_id = 0;
  {
    auto store = Open(path);
    ASSERT_NE(store, nullptr);
    auto tx = store->Begin(TxMode::kWrite);
    ASSERT_TRUE(tx);
    ASSERT_TRUE((*tx)->Participants().Insert(MakeParticipant("KAZ", "Қазақстан")));
    auto id = (*tx)->Users().Insert(MakeUser("nurlan"));
    ASSERT_TRUE(id);
    user_id = *id;
    ASSERT_TRUE((*tx)->Settings().Set("organisation.name.kk", "Ұйым"));
    Commit(**tx);
  }
  auto store = Open(path, OpenMode::kExisting);
  ASSERT_NE(store, nullptr);
  auto tx = store->Begin(TxMode::kRead);
  ASSERT_TRUE(tx);
  auto kaz = (*tx)->Participants().Find("KAZ");
  ASSERT_TRUE(kaz && kaz->has_value());
  EXPECT_EQ((*kaz)->names[0].short_name, "Қазақстан");
  EXPECT_EQ(core::FormatDate(*(*kaz)->names[1].from), "2020-02-29");
  auto user = (*tx)->Users().Find(user_id);
  ASSERT_TRUE(user && user->has_value());
  EXPECT_EQ((*user)->display_name, "Нұрлан");
  EXPECT_EQ((*user)->created_at.time_since_epoch().count(), 1624420800123);
  EXPECT_EQ(*(*tx)->Settings().Get("organisation.name.kk"), std::optional<std::string>("Ұйым"));
}

TEST_F(SqliteStoreTest, ValuesAreStoredAsDocumented) {
  const std::string path = PathOf("db.sqlite");
  {
    auto store = Open(path);
    ASSERT_NE(store, nullptr);
    auto tx = store->Begin(TxMode::kWrite);
    ASSERT_TRUE(tx);
    ASSERT_TRUE((*tx)->Participants().Insert(MakeParticipant("KAZ", "Қазақстан")));
    ASSERT_TRUE((*tx)->Users().Insert(MakeUser("nurlan")));
    Commit(**tx);
  }
  RawDatabase raw(path);
  // Dates as "YYYY-MM-DD" text, instants as integer milliseconds, absent optionals as NULL.
  EXPECT_EQ(raw.Query("SELECT valid_from, typeof(valid_from) FROM participant_statuses"), "2001-06-15|text");
  EXPECT_EQ(raw.Query("SELECT valid_from FROM participant_names ORDER BY position"), "NULL\n2020-02-29");
  EXPECT_EQ(raw.Query("SELECT created_at, typeof(created_at), participant_id FROM users"),
            "1624420800123|integer|NULL");
  EXPECT_EQ(raw.Query("SELECT iso_alpha2 IS NULL, iso_alpha3 FROM participants"), "1|KAZ");
}

TEST_F(SqliteStoreTest, GovernanceValuesAreStoredAsDocumented) {
  const std::string path = PathOf("db.sqlite");
  {
    auto store = Open(path);
    ASSERT_NE(store, nullptr);
    auto tx = store->Begin(TxMode::kWrite);
    ASSERT_TRUE(tx);
    core::Meeting m;
    m.body = core::BodyCode::kSoc;
    m.session = {2021, 1};
    m.starts_on = core::Date{year{2021}, month{6}, day{22}};
    m.ends_on = core::Date{year{2021}, month{6}, day{23}};
    m.venue = "Нұр-Сұлтан";
    m.agenda = {{1, "Opening", true, {}, false, {"TUR", "KAZ"}}, {2, "Observers", false, {"UN"}, false, {}}};
    ASSERT_TRUE((*tx)->Meetings().Insert(m));
    core::SilenceRecord r;
    r.procedure.expires_at = core::Instant{milliseconds{1616263200000}};
    r.decided_at = r.procedure.expires_at;
    r.state = core::SilenceState::kAdopted;
    ASSERT_TRUE((*tx)->SilenceProcedures().Insert(r));
    Commit(**tx);
  }
  RawDatabase raw(path);
  EXPECT_EQ(raw.Query("SELECT body, session_year, session_number, starts_on, typeof(starts_on), format, "
                      "agenda_status, agenda_adopted_at FROM meetings"),
            "SOC|2021|1|2021-06-22|text|in_person|draft|NULL");
  EXPECT_EQ(raw.Query("SELECT item_position, position, participant_id FROM agenda_item_attendance "
                      "ORDER BY item_position, position"),
            "0|0|TUR\n0|1|KAZ");
  EXPECT_EQ(raw.Query("SELECT expires_at, typeof(expires_at), decided_at, concluded_at, broken_by, state "
                      "FROM silence_procedures"),
            "1616263200000|integer|1616263200000|NULL|NULL|adopted");
  // Children go with their parent row (ON DELETE CASCADE), down to an item's invitations.
  raw.Exec("PRAGMA foreign_keys = ON; DELETE FROM meetings");
  EXPECT_EQ(raw.Query("SELECT (SELECT count(*) FROM agenda_items) + (SELECT count(*) FROM agenda_item_invitations) + "
                      "(SELECT count(*) FROM agenda_item_attendance)"),
            "0");
}

TEST_F(SqliteStoreTest, DocumentValuesAreStoredAsDocumented) {
  const std::string path = PathOf("db.sqlite");
  {
    auto store = Open(path);
    ASSERT_NE(store, nullptr);
    auto tx = store->Begin(TxMode::kWrite);
    ASSERT_TRUE(tx);
    auto id = (*tx)->Documents().Insert(MakeDocument());
    ASSERT_TRUE(id) << id.error().message;
    Commit(**tx);
  }
  RawDatabase raw(path);
  EXPECT_EQ(raw.Query("SELECT symbol, kind, body, access, original_language, meeting_id FROM documents"),
            "MM/2021/DRAFT/1|draft_regulation|MM|members_and_observers|kk|NULL");
  // The index holds every symbol, current and former.
  EXPECT_EQ(raw.Query("SELECT symbol FROM document_symbol_index ORDER BY symbol"),
            "MM/2021/DRAFT/1\nSOC/2021/DRAFT/2");
  EXPECT_EQ(raw.Query("SELECT body, kind, taken_on, typeof(taken_on), meeting_id, decision_id, recommended_to "
                      "FROM document_stages"),
            "SOC|recommended|2021-06-23|text|NULL|11|MM");
  EXPECT_EQ(raw.Query("SELECT number, created_at, typeof(created_at), author_id, reason FROM document_versions "
                      "ORDER BY number"),
            "1|1624420800123|integer|0|draft circulated for comments\n"
            "2|1624420800123|integer|0|reflecting comments of Member States");
  EXPECT_EQ(raw.Query("SELECT number, lang, position, status FROM document_languages ORDER BY number, position"),
            "1|kk|0|original\n1|en|1|translated\n2|kk|0|original");
  EXPECT_EQ(raw.Query("SELECT position, paragraph_id, style, item_number, closed_to_observers "
                      "FROM document_paragraphs WHERE number = 1 AND lang = 'kk' ORDER BY position"),
            "0|p1|text|0|0\n1|item-4-p1|item_heading|4|1");
}

// A stored version is never changed or removed, whoever writes to the file.
TEST_F(SqliteStoreTest, DocumentVersionsCannotBeChangedOrDeleted) {
  const std::string path = PathOf("db.sqlite");
  auto store = Open(path);
  ASSERT_NE(store, nullptr);
  std::int64_t id = 0;
  {
    auto tx = store->Begin(TxMode::kWrite);
    ASSERT_TRUE(tx);
    auto inserted = (*tx)->Documents().Insert(MakeDocument());
    ASSERT_TRUE(inserted) << inserted.error().message;
    id = *inserted;
    Commit(**tx);
  }
  {
    RawDatabase raw(path);
    raw.Exec("PRAGMA foreign_keys = ON");
    for (const char* sql : {
             "UPDATE document_paragraphs SET text = 'rewritten'",
             "UPDATE document_paragraphs SET position = position + 10 WHERE number = 1",
             "DELETE FROM document_paragraphs",
             "DELETE FROM document_paragraphs WHERE number = 2",
             "UPDATE document_languages SET title = 'rewritten'",
             "UPDATE document_languages SET status = 'verified' WHERE number = 1 AND lang = 'en'",
             "DELETE FROM document_languages WHERE number = 2",
             "UPDATE document_versions SET reason = 'rewritten'",
             "DELETE FROM document_versions WHERE number = 2",
             // The cascade from the document would delete its versions: refused too.
             "DELETE FROM documents",
         }) {
      EXPECT_NE(raw.ExecError(sql).find("document versions are immutable"), std::string::npos) << sql;
    }
    // What may change still can.
    EXPECT_EQ(raw.ExecError("UPDATE documents SET access = 'public'"), "");
    EXPECT_EQ(raw.ExecError("DELETE FROM document_stages"), "");
  }
  auto tx = store->Begin(TxMode::kRead);
  ASSERT_TRUE(tx);
  auto found = (*tx)->Documents().Find(id);
  ASSERT_TRUE(found && found->has_value());
  const core::Document want = MakeDocument();
  ASSERT_EQ((*found)->versions.size(), 2u);
  for (std::size_t i = 0; i < want.versions.size(); ++i) {
    const auto& got = (*found)->versions[i];
    EXPECT_EQ(got.reason, want.versions[i].reason);
    ASSERT_EQ(got.languages.size(), want.versions[i].languages.size());
    for (std::size_t j = 0; j < got.languages.size(); ++j) {
      EXPECT_EQ(got.languages[j].status, want.versions[i].languages[j].status);
      EXPECT_EQ(got.languages[j].content.title, want.versions[i].languages[j].content.title);
      ASSERT_EQ(got.languages[j].content.paragraphs.size(), want.versions[i].languages[j].content.paragraphs.size());
      for (std::size_t k = 0; k < got.languages[j].content.paragraphs.size(); ++k) {
        EXPECT_EQ(got.languages[j].content.paragraphs[k].text, want.versions[i].languages[j].content.paragraphs[k].text);
      }
    }
  }
  EXPECT_EQ((*found)->access, core::AccessCategory::kPublic);
  EXPECT_TRUE((*found)->stages.empty());
}

TEST_F(SqliteStoreTest, AVersion4DatabaseIsUpgradedKeepingItsData) {
  const std::string path = PathOf("old.sqlite");
  {
    // A file as a binary of schema version 4 left it, with a document in it.
    RawDatabase raw(path);
    const auto migrations = sqlite::Migrations();
    ASSERT_GE(migrations.size(), 5u);
    for (std::size_t i = 0; i < 4; ++i) raw.Exec(std::string(migrations[i]));
    raw.Exec("PRAGMA user_version = 4");
    raw.Exec("INSERT INTO documents (symbol, kind, body, access, original_language, meeting_id) VALUES "
             "('SOC/2021-I/Minutes', 'minutes', 'SOC', 'public', 'ru', NULL)");
  }
  auto store = Open(path, OpenMode::kExisting);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(*store->SchemaVersion(), SqliteStore::LatestSchemaVersion());
  auto tx = store->Begin(TxMode::kWrite);
  ASSERT_TRUE(tx);
  auto document = (*tx)->Documents().Find(1);
  ASSERT_TRUE(document && document->has_value());
  // And the new tables are there: a comment round on the document can be stored.
  core::CommentRound round;
  round.document_id = (*document)->id;
  round.version = 1;
  round.addressees = {"KAZ"};
  core::Comment comment;
  comment.seq = 1;
  comment.participant_id = "KAZ";
  comment.paragraph_id = "p1";
  comment.text = "Қазақ";
  round.comments.push_back(comment);
  auto id = (*tx)->CommentRounds().Insert(round);
  ASSERT_TRUE(id) << id.error().message;
  auto listed = (*tx)->CommentRounds().ListForDocument((*document)->id);
  ASSERT_TRUE(listed) << listed.error().message;
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].id, *id);
  ASSERT_EQ((*listed)[0].comments.size(), 1u);
  EXPECT_EQ((*listed)[0].comments[0].text, "Қазақ");
  Commit(**tx);
}

TEST_F(SqliteStoreTest, AVersion3DatabaseIsUpgradedKeepingItsData) {
  const std::string path = PathOf("old.sqlite");
  {
    // A file as a binary of schema version 3 left it, with a meeting and a mandate in it.
    RawDatabase raw(path);
    const auto migrations = sqlite::Migrations();
    ASSERT_GE(migrations.size(), 4u);
    for (std::size_t i = 0; i < 3; ++i) raw.Exec(std::string(migrations[i]));
    raw.Exec("PRAGMA user_version = 3");
    raw.Exec("INSERT INTO participants (id, kind, iso_alpha2, iso_alpha3) VALUES ('KAZ', 'state', 'KZ', 'KAZ')");
    raw.Exec("INSERT INTO meetings (body, session_year, session_number, starts_on, ends_on, format, venue, "
             "chair_participant_id, chair_person, agenda_status, agenda_symbol) VALUES ('SOC', 2021, 1, "
             "'2021-06-22', '2021-06-23', 'online', 'Нұр-Сұлтан', 'KAZ', '', 'adopted', 'SOC/2021-I/Agenda')");
    raw.Exec("INSERT INTO mandates (meeting_id, item_number, subject, given_by, given_on, assignee, "
             "due_before_next_meeting_of, status) VALUES (1, 5, 'Қазақ', 'SOC', '2021-06-23', 'SWG', 'SOC', 'open')");
  }
  auto store = Open(path, OpenMode::kExisting);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(*store->SchemaVersion(), SqliteStore::LatestSchemaVersion());
  auto tx = store->Begin(TxMode::kWrite);
  ASSERT_TRUE(tx);
  auto meeting = (*tx)->Meetings().FindBySession(core::BodyCode::kSoc, {2021, 1});
  ASSERT_TRUE(meeting && meeting->has_value());
  EXPECT_EQ((*meeting)->venue, "Нұр-Сұлтан");
  auto mandates = (*tx)->Mandates().List({});
  ASSERT_TRUE(mandates);
  ASSERT_EQ(mandates->size(), 1u);
  EXPECT_EQ((*mandates)[0].subject, "Қазақ");
  // And the new tables are there: the meeting's minutes can be stored.
  core::Document minutes = MakeDocument();
  minutes.symbol = "SOC/2021-I/Minutes";
  minutes.former_symbols.clear();
  minutes.kind = core::DocumentKind::kMinutes;
  minutes.meeting_id = (*meeting)->id;
  auto id = (*tx)->Documents().Insert(minutes);
  ASSERT_TRUE(id) << id.error().message;
  auto listed = (*tx)->Documents().List({std::nullopt, std::nullopt, (*meeting)->id});
  ASSERT_TRUE(listed) << listed.error().message;
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].symbol, "SOC/2021-I/Minutes");
  Commit(**tx);
}

TEST_F(SqliteStoreTest, AVersion2DatabaseIsUpgradedKeepingItsData) {
  const std::string path = PathOf("old.sqlite");
  {
    // A file as a binary of schema version 2 left it.
    RawDatabase raw(path);
    const auto migrations = sqlite::Migrations();
    ASSERT_GE(migrations.size(), 3u);
    raw.Exec(std::string(migrations[0]));
    raw.Exec(std::string(migrations[1]));
    raw.Exec("PRAGMA user_version = 2");
    raw.Exec("INSERT INTO participants (id, kind, iso_alpha2, iso_alpha3) VALUES ('KAZ', 'state', 'KZ', 'KAZ')");
  }
  auto store = Open(path, OpenMode::kExisting);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(*store->SchemaVersion(), SqliteStore::LatestSchemaVersion());
  auto tx = store->Begin(TxMode::kWrite);
  ASSERT_TRUE(tx);
  auto kaz = (*tx)->Participants().Find("KAZ");
  ASSERT_TRUE(kaz && kaz->has_value());
  EXPECT_EQ((*kaz)->iso_alpha2, std::optional<std::string>("KZ"));
  core::Mandate mandate;
  mandate.subject = "Қазақ";
  mandate.given_on = core::Date{year{2021}, month{6}, day{23}};  // a Date has no default value
  mandate.due_before_next_meeting_of = core::BodyCode::kSoc;
  auto id = (*tx)->Mandates().Insert(mandate);
  ASSERT_TRUE(id) << id.error().message;
  Commit(**tx);
}

TEST_F(SqliteStoreTest, OpenExistingOnMissingPathIsNotFound) {
  const std::string path = PathOf("missing.sqlite");
  auto store = SqliteStore::Open(path, OpenMode::kExisting);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store.error().message, "no chancery database at " + path);
  EXPECT_FALSE(std::filesystem::exists(path));  // and none was created
}

TEST_F(SqliteStoreTest, OpenOnAFileThatIsNotADatabaseIsFailedPrecondition) {
  const std::string path = PathOf("notes.txt");
  std::string content;
  for (int i = 0; i < 100; ++i) content += "these are notes, not a database\n";
  std::ofstream(path) << content;
  for (OpenMode mode : {OpenMode::kExisting, OpenMode::kCreate}) {
    auto store = SqliteStore::Open(path, mode);
    ASSERT_FALSE(store);
    EXPECT_EQ(store.error().code, ErrorCode::kFailedPrecondition);
    EXPECT_NE(store.error().message.find(path), std::string::npos) << store.error().message;
    EXPECT_EQ(store.error().message.find('\n'), std::string::npos) << store.error().message;
  }
  std::stringstream after;
  after << std::ifstream(path).rdbuf();
  EXPECT_EQ(after.str(), content);  // left untouched
}

TEST_F(SqliteStoreTest, OpenOnANewerSchemaIsFailedPrecondition) {
  const std::string path = PathOf("db.sqlite");
  ASSERT_NE(Open(path), nullptr);
  RawDatabase(path).Exec("PRAGMA user_version = 99");
  auto store = SqliteStore::Open(path, OpenMode::kExisting);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_NE(store.error().message.find("99"), std::string::npos) << store.error().message;
}

TEST_F(SqliteStoreTest, OpenOnAnotherProgramsDatabaseIsFailedPrecondition) {
  const std::string path = PathOf("other.sqlite");
  RawDatabase(path).Exec("CREATE TABLE photos (id INTEGER PRIMARY KEY)");
  auto store = SqliteStore::Open(path, OpenMode::kExisting);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(RawDatabase(path).Query("SELECT count(*) FROM sqlite_schema"), "1");  // nothing added
}

TEST_F(SqliteStoreTest, SchemaVersionIsTheLatestAndReopeningMigratesNothing) {
  const std::string path = PathOf("db.sqlite");
  {
    auto store = Open(path);
    ASSERT_NE(store, nullptr);
    auto version = store->SchemaVersion();
    ASSERT_TRUE(version);
    EXPECT_EQ(*version, SqliteStore::LatestSchemaVersion());
    EXPECT_GE(*version, 1);
  }
  auto store = Open(path, OpenMode::kExisting);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(*store->SchemaVersion(), SqliteStore::LatestSchemaVersion());
  auto tx = store->Begin(TxMode::kRead);
  ASSERT_TRUE(tx);
  EXPECT_EQ((*tx)->Audit().Head()->hash, core::kGenesisHash);  // seeded once, not twice
}

TEST_F(SqliteStoreTest, PooledConnectionsRunWithWalFullSyncAndForeignKeys) {
  auto store = Open(PathOf("db.sqlite"));
  ASSERT_NE(store, nullptr);
  auto check = [&] {
    auto settings = store->InspectConnection();
    ASSERT_TRUE(settings) << settings.error().message;
    EXPECT_EQ(settings->journal_mode, "wal");
    EXPECT_EQ(settings->synchronous, 2);  // FULL
    EXPECT_EQ(settings->foreign_keys, 1);
    EXPECT_EQ(settings->busy_timeout_ms, 5000);
  };
  check();  // the connection Open migrated with
  // With two connections on loan the pool has to open a third.
  auto writer = store->Begin(TxMode::kWrite);
  auto reader = store->Begin(TxMode::kRead);
  ASSERT_TRUE(writer && reader);
  check();
}

TEST_F(SqliteStoreTest, BackupProducesAnOpenableCopy) {
  auto store = Open(PathOf("db.sqlite"));
  ASSERT_NE(store, nullptr);
  {
    auto tx = store->Begin(TxMode::kWrite);
    ASSERT_TRUE(tx);
    ASSERT_TRUE((*tx)->Participants().Insert(MakeParticipant("KAZ", "Қазақстан")));
    ASSERT_TRUE((*tx)->Participants().Insert(MakeParticipant("UZB", "Өзбекстан")));
    Commit(**tx);
  }
  const std::string copy_path = PathOf("backup.sqlite");
  auto backup = store->Backup(copy_path);
  ASSERT_TRUE(backup) << backup.error().message;
  auto permissions = std::filesystem::status(copy_path).permissions();
  EXPECT_EQ(permissions & std::filesystem::perms::others_read, std::filesystem::perms::none);

  auto copy = Open(copy_path, OpenMode::kExisting);
  ASSERT_NE(copy, nullptr);
  EXPECT_EQ(ParticipantIds(*copy), (std::vector<std::string>{"KAZ", "UZB"}));
  auto tx = (*copy).Begin(TxMode::kRead);
  ASSERT_TRUE(tx);
  auto uzb = (*tx)->Participants().Find("UZB");
  ASSERT_TRUE(uzb && uzb->has_value());
  EXPECT_EQ((*uzb)->names[0].short_name, "Өзбекстан");
  EXPECT_EQ((*copy).InspectConnection()->journal_mode, "wal");
}

TEST_F(SqliteStoreTest, BackupRefusesToOverwrite) {
  auto store = Open(PathOf("db.sqlite"));
  ASSERT_NE(store, nullptr);
  const std::string existing = PathOf("precious.sqlite");
  std::ofstream(existing) << "keep me";
  auto backup = store->Backup(existing);
  ASSERT_FALSE(backup);
  EXPECT_EQ(backup.error().code, ErrorCode::kAlreadyExists);
  std::stringstream after;
  after << std::ifstream(existing).rdbuf();
  EXPECT_EQ(after.str(), "keep me");
}

TEST_F(SqliteStoreTest, BackupWhileAnotherThreadWrites) {
  auto store = Open(PathOf("db.sqlite"));
  ASSERT_NE(store, nullptr);
  {
    // Enough pages that the copy takes several steps.
    auto tx = store->Begin(TxMode::kWrite);
    ASSERT_TRUE(tx);
    for (int i = 0; i < 2000; ++i) {
      ASSERT_TRUE((*tx)->Settings().Set("filler." + std::to_string(i), std::string(500, 'x')));
    }
    Commit(**tx);
  }
  std::atomic<bool> stop{false};
  std::atomic<int> written{0}, failed{0};
  std::thread writer([&] {
    for (int i = 0; !stop && i < 1000; ++i) {
      auto tx = store->Begin(TxMode::kWrite);
      if (!tx || !(*tx)->Settings().Set("live." + std::to_string(i), "v") || !(*tx)->Commit()) {
        ++failed;
      } else {
        ++written;
      }
    }
  });
  while (written < 5) std::this_thread::sleep_for(milliseconds(1));
  auto backup = store->Backup(PathOf("backup.sqlite"));
  stop = true;
  writer.join();
  ASSERT_TRUE(backup) << backup.error().message;
  EXPECT_EQ(failed.load(), 0);

  RawDatabase raw(PathOf("backup.sqlite"));
  EXPECT_EQ(raw.Query("PRAGMA integrity_check"), "ok");
  EXPECT_EQ(raw.Query("SELECT count(*) FROM settings WHERE key LIKE 'filler.%'"), "2000");
  const int live = std::stoi(raw.Query("SELECT count(*) FROM settings WHERE key LIKE 'live.%'"));
  EXPECT_GE(live, 5);
  EXPECT_LE(live, written.load());
}

TEST_F(SqliteStoreTest, ConcurrentWritersAllLand) {
  auto store = Open(PathOf("db.sqlite"));
  ASSERT_NE(store, nullptr);
  constexpr int kPerThread = 200;
  std::atomic<int> failures{0};
  std::string first_error;
  std::mutex error_mutex;
  auto work = [&](const std::string& prefix) {
    for (int i = 0; i < kPerThread; ++i) {
      auto tx = store->Begin(TxMode::kWrite);
      core::Result<void> r = core::Ok();
      if (!tx) {
        r = tx.error();
      } else if (auto id = (*tx)->Users().Insert(MakeUser(prefix + std::to_string(i))); !id) {
        r = id.error();
      } else {
        r = (*tx)->Commit();
      }
      if (!r) {
        ++failures;
        std::lock_guard lock(error_mutex);
        if (first_error.empty()) first_error = r.error().message;
      }
    }
  };
  std::thread a(work, "alpha"), b(work, "beta");
  a.join();
  b.join();
  EXPECT_EQ(failures.load(), 0) << first_error;
  auto tx = store->Begin(TxMode::kRead);
  ASSERT_TRUE(tx);
  auto users = (*tx)->Users().List();
  ASSERT_TRUE(users);
  ASSERT_EQ(users->size(), 2u * kPerThread);
  std::set<std::int64_t> ids;
  for (std::size_t i = 0; i < users->size(); ++i) {
    ids.insert((*users)[i].id);
    if (i > 0) {
      EXPECT_LT((*users)[i - 1].id, (*users)[i].id);
    }
  }
  EXPECT_EQ(ids.size(), 2u * kPerThread);
}

TEST_F(SqliteStoreTest, WriterThatCannotStartInTimeIsUnavailable) {
  auto store = Open(PathOf("db.sqlite"));
  ASSERT_NE(store, nullptr);
  auto holder = store->Begin(TxMode::kWrite);
  ASSERT_TRUE(holder);
  const auto start = steady_clock::now();
  auto second = store->Begin(TxMode::kWrite);
  const auto waited = steady_clock::now() - start;
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, ErrorCode::kUnavailable);
  EXPECT_GE(waited, milliseconds(4500));  // busy_timeout = 5000 ms
  // A reader is not held up by the writer.
  auto reader = store->Begin(TxMode::kRead);
  ASSERT_TRUE(reader);
  EXPECT_TRUE((*reader)->Participants().List());
}

// --- search index: what the memory adapter does not do (stemming, FTS5) ---

core::SearchEntry SearchEntryOf(std::int64_t document_id, std::string lang, std::string text,
                                core::AccessCategory access = core::AccessCategory::kPublic) {
  core::SearchEntry e;
  e.document_id = document_id;
  e.version = 1;
  e.lang = std::move(lang);
  e.paragraph_id = "p" + std::to_string(document_id);
  e.access = access;
  e.kind = core::DocumentKind::kMinutes;
  e.body = core::BodyCode::kSoc;
  e.date = core::Date{year{2021}, month{6}, day{23}};
  e.text = std::move(text);
  return e;
}

class SqliteSearchTest : public SqliteStoreTest {
 protected:
  void SetUp() override {
    SqliteStoreTest::SetUp();
    store_ = Open(PathOf("search.sqlite"));
    ASSERT_NE(store_, nullptr);
  }
  void TearDown() override {
    store_.reset();
    SqliteStoreTest::TearDown();
  }

  void Add(const std::vector<core::SearchEntry>& entries) {
    auto tx = store_->Begin(TxMode::kWrite);
    ASSERT_TRUE(tx);
    for (const auto& e : entries) {
      auto r = (*tx)->Search().Add(e);
      ASSERT_TRUE(r) << r.error().message;
    }
    Commit(**tx);
  }

  core::Result<core::SearchResult> Search(std::string text, std::int64_t limit = 20, std::int64_t rank_within = 0) {
    auto tx = store_->Begin(TxMode::kRead);
    if (!tx) return tx.error();
    core::SearchQuery q;
    q.text = std::move(text);
    q.readable = {core::AccessCategory::kPublic};
    q.limit = limit;
    q.rank_within = rank_within;
    return (*tx)->Search().Query(q);
  }

  // The paragraph ids of the hits, sorted.
  std::set<std::string> Found(std::string text) {
    auto found = Search(text);
    if (!found) {
      ADD_FAILURE() << text << ": " << found.error().message;
      return {};
    }
    std::set<std::string> out;
    for (const auto& h : found->hits) out.insert(h.paragraph_id);
    return out;
  }

  std::unique_ptr<SqliteStore> store_;
};

using Ids = std::set<std::string>;

TEST_F(SqliteSearchTest, RussianAndEnglishWordFormsAreFoundByStem) {
  Add({SearchEntryOf(1, "ru", "Проект решения Совета министров"), SearchEntryOf(2, "ru", "Перечень принятых решений"),
       SearchEntryOf(3, "en", "Draft decisions of the Council"), SearchEntryOf(4, "ru", "Решётка и ёлка")});
  EXPECT_EQ(Found("решение"), (Ids{"p1", "p2"}));
  EXPECT_EQ(Found("решениями"), (Ids{"p1", "p2"}));
  EXPECT_EQ(Found("decision"), (Ids{"p3"}));
  EXPECT_EQ(Found("deciding"), Ids{});  // Porter2 keeps "decid" apart from "decis"
  EXPECT_EQ(Found("елки"), (Ids{"p4"}));  // the Russian stemmer folds ё to е
}

TEST_F(SqliteSearchTest, WordsWithADigitAreNotStemmed) {
  // Stemmed, "covid19s" would be "covid19" and "2021году" "2021год": symbols and years are
  // matched as written (and so are the index's own filter tokens).
  Add({SearchEntryOf(1, "en", "Measures against covid19s"), SearchEntryOf(2, "en", "Measures against covid19"),
       SearchEntryOf(3, "ru", "Бюджет на 2021году"), SearchEntryOf(4, "ru", "Бюджет 2021года")});
  EXPECT_EQ(Found("covid19"), (Ids{"p2"}));
  EXPECT_EQ(Found("covid19s"), (Ids{"p1"}));
  EXPECT_EQ(Found("measure"), (Ids{"p1", "p2"}));  // words without digits are still stemmed
  EXPECT_EQ(Found("2021года"), (Ids{"p4"}));
}

TEST_F(SqliteSearchTest, KazakhIsTokenisedButNotStemmed) {
  Add({SearchEntryOf(1, "kk", "Сыртқы істер министрлігінің шешімі"), SearchEntryOf(2, "kk", "ҚАЗАҚСТАН Республикасы")});
  EXPECT_EQ(Found("шешімі"), (Ids{"p1"}));
  EXPECT_EQ(Found("шешім"), Ids{});  // no Kazakh stemmer: other forms are not found
  EXPECT_EQ(Found("қазақстан"), (Ids{"p2"}));  // but case is folded
}

TEST_F(SqliteSearchTest, Fts5SyntaxInTheQueryIsNeitherAnErrorNorSyntax) {
  Add({SearchEntryOf(1, "en", "Item \"NEAR(a b)\" - the draftsman's note"), SearchEntryOf(2, "en", "Another note")});
  EXPECT_EQ(Search("\" * -").error().code, ErrorCode::kInvalidArgument);  // syntax only: no word
  for (std::string text : {"note\"", "draft*", "NEAR(", "NEAR(note item", "-item", "note -item", "item OR",
                           "AND note", "note NOT item", "\"note\" \"\"", "^note", "col:note", "{note}"}) {
    EXPECT_TRUE(Search(text)) << text << ": " << Search(text).error().message;
  }
  EXPECT_EQ(Found("draft*"), Ids{});          // * is no prefix operator: "draft" is not in the text
  EXPECT_EQ(Found("NEAR( note"), (Ids{"p1"}));  // NEAR is a word here
  EXPECT_EQ(Found("note -item"), (Ids{"p1"}));  // - is not NOT: both words are required
  EXPECT_EQ(Found("note OR another"), Ids{});   // OR is a word, not in either text
  EXPECT_EQ(Found("\"note\""), (Ids{"p1", "p2"}));
}

TEST_F(SqliteSearchTest, SnippetsMarkTheStemmedMatchesAndCutLongTexts) {
  std::string long_text = "Проект решения";
  for (int i = 0; i < 40; ++i) long_text += " слово" + std::to_string(i);
  long_text += " и снова решений";
  for (int i = 0; i < 40; ++i) long_text += " хвост" + std::to_string(i);
  Add({SearchEntryOf(1, "ru", "Проект решения Совета"), SearchEntryOf(2, "ru", long_text)});
  auto found = Search("решение");
  ASSERT_TRUE(found) << found.error().message;
  ASSERT_EQ(found->hits.size(), 2u);
  std::map<std::string, std::string> snippets;
  for (const auto& h : found->hits) snippets[h.paragraph_id] = h.snippet;
  EXPECT_EQ(snippets["p1"], "Проект [решения] Совета");
  EXPECT_NE(snippets["p2"].find("[реш"), std::string::npos) << snippets["p2"];
  EXPECT_NE(snippets["p2"].find("…"), std::string::npos) << snippets["p2"];
  EXPECT_LT(snippets["p2"].size(), long_text.size());
  for (const auto& h : found->hits) EXPECT_LT(h.rank, 0.0);  // bm25: smaller is better
}

TEST_F(SqliteSearchTest, TheRankWeighsARareWordOverACommonOne) {
  // "beta" is in every row, "alpha" in two (BM25's inverse document frequency): two alphas and
  // one beta beat one alpha and three betas, though the latter has more hits in all.
  std::vector<core::SearchEntry> entries = {SearchEntryOf(1, "en", "alpha beta beta beta gamma"),
                                            SearchEntryOf(2, "en", "alpha alpha beta gamma delta")};
  for (int i = 3; i < 13; ++i) entries.push_back(SearchEntryOf(i, "en", "beta and some other words"));
  Add(entries);
  auto found = Search("alpha beta");
  ASSERT_TRUE(found) << found.error().message;
  ASSERT_EQ(found->hits.size(), 2u);
  EXPECT_EQ(found->hits[0].paragraph_id, "p2");
  EXPECT_LT(found->hits[0].rank, found->hits[1].rank);
}

TEST_F(SqliteSearchTest, AGeneratedCorpusOf20000ParagraphsCountsACommonWordExactly) {
  // "council" in 6 of every 7 paragraphs, "rare" in every 1000th; half of them public.
  constexpr int kParagraphs = 20000;
  std::vector<core::SearchEntry> entries;
  std::int64_t council_public = 0, rare_public = 0;
  std::vector<std::int64_t> council_documents;  // of the visible "council" entries, in indexing order
  for (int i = 0; i < kParagraphs; ++i) {
    std::string text = "paragraph " + std::to_string(i) + " of the minutes";
    const bool council = i % 7 != 0, rare = i % 1000 == 0;
    if (council) text += " the council decided";
    if (rare) text += " a rare word";
    const bool is_public = i % 2 == 0;
    council_public += council && is_public;
    if (council && is_public) council_documents.push_back(i / 10 + 1);
    rare_public += rare && is_public;
    entries.push_back(SearchEntryOf(i / 10 + 1, i % 3 == 0 ? "ru" : "en", text,
                                    is_public ? core::AccessCategory::kPublic : core::AccessCategory::kSecretariatOnly));
  }
  Add(entries);
  auto common = Search("council");  // exact: ru paragraphs stem Latin words with the Russian stemmer
  ASSERT_TRUE(common) << common.error().message;
  EXPECT_EQ(common->total, council_public);
  EXPECT_EQ(common->hits.size(), 20u);
  for (std::size_t i = 1; i < common->hits.size(); ++i) EXPECT_LE(common->hits[i - 1].rank, common->hits[i].rank);
  EXPECT_EQ(common->ranked, council_public);
  // Ranked among the newest 1000 only: same total, hits from those, still best first.
  auto newest = Search("council", 20, 1000);
  ASSERT_TRUE(newest) << newest.error().message;
  EXPECT_EQ(newest->total, council_public);
  EXPECT_EQ(newest->ranked, 1000);
  ASSERT_EQ(newest->hits.size(), 20u);
  const std::int64_t oldest_ranked = council_documents[council_documents.size() - 1000];
  for (std::size_t i = 0; i < newest->hits.size(); ++i) {
    EXPECT_GE(newest->hits[i].document_id, oldest_ranked);
    EXPECT_LT(newest->hits[i].rank, 0.0);
    if (i > 0) EXPECT_LE(newest->hits[i - 1].rank, newest->hits[i].rank);
  }
  // Past the ranked ones, the older matches come newest first, unranked.
  auto older = Search("council", 20, 1000);
  {
    auto tx = store_->Begin(TxMode::kRead);
    ASSERT_TRUE(tx);
    core::SearchQuery q;
    q.text = "council";
    q.readable = {core::AccessCategory::kPublic};
    q.rank_within = 1000;
    q.offset = 1000;
    q.limit = 3;
    older = (*tx)->Search().Query(q);
  }
  ASSERT_TRUE(older) << older.error().message;
  ASSERT_EQ(older->hits.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(older->hits[i].document_id, council_documents[council_documents.size() - 1001 - i]);
    EXPECT_EQ(older->hits[i].rank, 0.0);
  }
  auto few = Search("rare", 1000);
  ASSERT_TRUE(few) << few.error().message;
  EXPECT_EQ(few->total, rare_public);
  EXPECT_EQ(static_cast<std::int64_t>(few->hits.size()), rare_public);
}

}  // namespace
}  // namespace chancery::storage
