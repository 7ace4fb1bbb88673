// The storage contract: what every adapter of core::Store must do, asserted once and run
// against each adapter (memory, sqlite) with exact error codes, so that tests of core against
// MemoryStore mean the same against SQLite.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "core/ports/store.hpp"
#include "storage/memory/memory_store.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace chancery::core {
// Readable failures: "already_exists" rather than "2".
void PrintTo(ErrorCode code, std::ostream* os) { *os << ErrorCodeName(code); }
}  // namespace chancery::core

namespace chancery::storage {
namespace {

using namespace std::chrono;
using core::ErrorCode;
using core::TxMode;

struct Adapter {
  std::string name;
  // Makes a fresh, empty store; `dir` is a new temporary directory removed after the test.
  std::function<std::unique_ptr<core::Store>(const std::filesystem::path& dir)> make;
};

void PrintTo(const Adapter& adapter, std::ostream* os) { *os << adapter.name; }

const Adapter kMemory{"memory", [](const std::filesystem::path&) -> std::unique_ptr<core::Store> {
                        return std::make_unique<MemoryStore>();
                      }};
const Adapter kSqlite{"sqlite", [](const std::filesystem::path& dir) -> std::unique_ptr<core::Store> {
                        auto store = SqliteStore::Open((dir / "chancery.sqlite").string(),
                                                       SqliteStore::OpenMode::kCreate);
                        if (!store) {
                          ADD_FAILURE() << "open: " << store.error().message;
                          return nullptr;
                        }
                        return std::move(*store);
                      }};

core::Date D(int y, unsigned m, unsigned d) { return core::Date{year{y}, month{m}, day{d}}; }
core::Instant At(std::int64_t millis) { return core::Instant{milliseconds{millis}}; }

// Kazakhstan: Kazakh names with every letter special to Kazakh, a dated name version, three
// status changes with each precision.
core::Participant Kazakhstan() {
  core::Participant p;
  p.id = "KAZ";
  p.kind = core::ParticipantKind::kState;
  p.iso_alpha2 = "KZ";
  p.iso_alpha3 = "KAZ";
  p.names = {
      {"en", "Kazakhstan", "Republic of Kazakhstan", std::nullopt},
      {"kk", "Қазақстан", "Қазақстан Республикасы", std::nullopt},
      {"ru", "Казахстан", "Республика Казахстан", std::nullopt},
      {"kk", "Қазақстан", "ә ғ қ ң ө ұ ү һ і — Ә Ғ Қ Ң Ө Ұ Ү Һ І", D(2023, 1, 1)},
  };
  p.statuses = {
      {D(1992, 1, 1), core::ParticipantStatus::kMember, core::DatePrecision::kYear, "Founding act",
       "https://example.org/act", "C"},
      {D(2001, 6, 15), core::ParticipantStatus::kObserverState, core::DatePrecision::kBy, "Қазақ негіз", "", ""},
      {D(2021, 6, 23), core::ParticipantStatus::kMember, core::DatePrecision::kDay,
       "SOC decision SOC/2021-I/DEC/1 of 23 June 2021", "SOC/2021-I/DEC/1", "R"},
  };
  return p;
}

// Türkiye: an English name that changed on a date, given in the order newest first.
core::Participant Turkiye() {
  core::Participant p;
  p.id = "TUR";
  p.kind = core::ParticipantKind::kState;
  p.iso_alpha2 = std::nullopt;  // optional absent …
  p.iso_alpha3 = "TUR";
  p.names = {
      {"en", "Türkiye", "Republic of Türkiye", D(2022, 6, 1)},
      {"en", "Turkey", "Republic of Turkey", std::nullopt},
  };
  p.statuses = {{D(2002, 6, 4), core::ParticipantStatus::kPartner, core::DatePrecision::kDay, "basis", "src", "F"}};
  return p;
}

// An organisation: no ISO codes, no statuses.
core::Participant UnitedNations() {
  core::Participant p;
  p.id = "UN";
  p.kind = core::ParticipantKind::kOrganisation;
  p.names = {{"en", "UN", "United Nations", std::nullopt}};
  return p;
}

// Empty strings where the model has optionals: present-but-empty must not become absent.
core::Participant WithEmptyOptionals() {
  core::Participant p;
  p.id = "EMPTY";
  p.kind = core::ParticipantKind::kState;
  p.iso_alpha2 = "";
  p.iso_alpha3 = "";
  p.names = {{"", "", "", std::nullopt}};
  return p;
}

std::optional<std::string> Text(const std::optional<core::Date>& date) {
  if (!date) return std::nullopt;
  return core::FormatDate(*date);
}

void ExpectSame(const core::Participant& want, const core::Participant& got) {
  SCOPED_TRACE("participant " + want.id);
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.kind, want.kind);
  EXPECT_EQ(got.iso_alpha2, want.iso_alpha2);
  EXPECT_EQ(got.iso_alpha3, want.iso_alpha3);
  ASSERT_EQ(got.names.size(), want.names.size());
  for (std::size_t i = 0; i < want.names.size(); ++i) {
    SCOPED_TRACE("names[" + std::to_string(i) + "]");
    EXPECT_EQ(got.names[i].lang, want.names[i].lang);
    EXPECT_EQ(got.names[i].short_name, want.names[i].short_name);
    EXPECT_EQ(got.names[i].full_name, want.names[i].full_name);
    EXPECT_EQ(Text(got.names[i].from), Text(want.names[i].from));
  }
  ASSERT_EQ(got.statuses.size(), want.statuses.size());
  for (std::size_t i = 0; i < want.statuses.size(); ++i) {
    SCOPED_TRACE("statuses[" + std::to_string(i) + "]");
    EXPECT_EQ(core::FormatDate(got.statuses[i].from), core::FormatDate(want.statuses[i].from));
    EXPECT_EQ(got.statuses[i].status, want.statuses[i].status);
    EXPECT_EQ(got.statuses[i].precision, want.statuses[i].precision);
    EXPECT_EQ(got.statuses[i].basis, want.statuses[i].basis);
    EXPECT_EQ(got.statuses[i].source, want.statuses[i].source);
    EXPECT_EQ(got.statuses[i].confidence, want.statuses[i].confidence);
  }
}

core::User MakeUser(std::string username, std::optional<std::string> participant_id = std::nullopt) {
  core::User u;
  u.username = std::move(username);
  u.display_name = "Әсел Қуанышқызы";
  u.role = participant_id ? core::Role::kMemberDelegate : core::Role::kOfficer;
  u.participant_id = std::move(participant_id);
  u.password_hash = "$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA";
  u.created_at = At(1624420800123);
  u.active = true;
  return u;
}

void ExpectSame(const core::User& want, const core::User& got) {
  SCOPED_TRACE("user " + want.username);
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.username, want.username);
  EXPECT_EQ(got.display_name, want.display_name);
  EXPECT_EQ(got.role, want.role);
  EXPECT_EQ(got.participant_id, want.participant_id);
  EXPECT_EQ(got.password_hash, want.password_hash);
  EXPECT_EQ(got.created_at.time_since_epoch().count(), want.created_at.time_since_epoch().count());
  EXPECT_EQ(got.active, want.active);
}

core::Session MakeSession(std::string digest, std::int64_t user_id, std::int64_t expires_ms) {
  core::Session s;
  s.token_digest = std::move(digest);
  s.user_id = user_id;
  s.kind = core::SessionKind::kCookie;
  s.csrf_token = "csrf-" + s.token_digest;
  s.created_at = At(expires_ms - 1000);
  s.expires_at = At(expires_ms);
  return s;
}

// A record that follows `previous` (nullptr: the first). The hash only has to be distinct
// per record here; sealing with a real digest is core's business.
core::AuditRecord MakeRecord(const core::AuditRecord* previous) {
  core::AuditRecord r;
  r.seq = previous ? previous->seq + 1 : 1;
  r.at = At(1624420800000 + r.seq);
  r.actor = "әкімші";
  r.action = "participant.update";
  r.object_kind = "participant";
  r.object_id = "KAZ";
  r.before_digest = r.seq == 1 ? "" : std::string(64, 'b');
  r.after_digest = std::string(64, 'a');
  r.prev_hash = previous ? previous->hash : core::kGenesisHash;
  std::string n = std::to_string(r.seq);
  r.hash = std::string(64 - n.size(), 'f') + n;
  return r;
}

void ExpectSame(const core::AuditRecord& want, const core::AuditRecord& got) {
  SCOPED_TRACE("audit record " + std::to_string(want.seq));
  EXPECT_EQ(got.seq, want.seq);
  EXPECT_EQ(got.at.time_since_epoch().count(), want.at.time_since_epoch().count());
  EXPECT_EQ(got.actor, want.actor);
  EXPECT_EQ(got.action, want.action);
  EXPECT_EQ(got.object_kind, want.object_kind);
  EXPECT_EQ(got.object_id, want.object_id);
  EXPECT_EQ(got.before_digest, want.before_digest);
  EXPECT_EQ(got.after_digest, want.after_digest);
  EXPECT_EQ(got.prev_hash, want.prev_hash);
  EXPECT_EQ(got.hash, want.hash);
}

class StoreContract : public ::testing::TestWithParam<Adapter> {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "chancery-store-XXXXXX").string();
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
    if (!tx) {
      ADD_FAILURE() << "Begin: " << tx.error().message;
      return nullptr;
    }
    return std::move(*tx);
  }

  // Runs `body` in a write transaction and commits it.
  void Write(const std::function<void(core::Transaction&)>& body) {
    auto tx = Begin(TxMode::kWrite);
    ASSERT_NE(tx, nullptr);
    body(*tx);
    auto committed = tx->Commit();
    ASSERT_TRUE(committed) << committed.error().message;
  }

  std::optional<core::Participant> FindParticipant(std::string_view id) {
    auto tx = Begin(TxMode::kRead);
    if (!tx) return std::nullopt;
    auto found = tx->Participants().Find(id);
    if (!found) {
      ADD_FAILURE() << found.error().message;
      return std::nullopt;
    }
    return *found;
  }

  std::filesystem::path dir_;
  std::unique_ptr<core::Store> store_;
};

#define ASSERT_OK(expr)                                                      \
  do {                                                                       \
    auto&& assert_ok_result = (expr);                                        \
    ASSERT_TRUE(assert_ok_result) << assert_ok_result.error().message;       \
  } while (false)

// --- participants ---

TEST_P(StoreContract, ParticipantRoundTripsEveryField) {
  const std::vector<core::Participant> all = {Kazakhstan(), Turkiye(), UnitedNations(), WithEmptyOptionals()};
  Write([&](core::Transaction& tx) {
    for (const auto& p : all) ASSERT_OK(tx.Participants().Insert(p));
  });
  for (const auto& p : all) {
    auto found = FindParticipant(p.id);
    ASSERT_TRUE(found.has_value()) << p.id;
    ExpectSame(p, *found);
  }
  auto missing = FindParticipant("XXX");
  EXPECT_FALSE(missing.has_value());
}

TEST_P(StoreContract, ParticipantListIsOrderedById) {
  Write([&](core::Transaction& tx) {
    ASSERT_OK(tx.Participants().Insert(UnitedNations()));
    ASSERT_OK(tx.Participants().Insert(Turkiye()));
    ASSERT_OK(tx.Participants().Insert(Kazakhstan()));
  });
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  auto list = tx->Participants().List();
  ASSERT_TRUE(list) << list.error().message;
  ASSERT_EQ(list->size(), 3u);
  ExpectSame(Kazakhstan(), (*list)[0]);
  ExpectSame(Turkiye(), (*list)[1]);
  ExpectSame(UnitedNations(), (*list)[2]);
}

TEST_P(StoreContract, RegistryVersionMovesWithParticipantWritesOnly) {
  auto version = [&]() -> std::int64_t {
    auto tx = Begin(TxMode::kRead);
    EXPECT_NE(tx, nullptr);
    auto v = tx->Participants().Version();
    EXPECT_TRUE(v) << v.error().message;
    return v ? *v : -1;
  };
  const auto v0 = version();
  Write([&](core::Transaction& tx) { ASSERT_OK(tx.Participants().Insert(Kazakhstan())); });
  const auto v1 = version();
  EXPECT_GT(v1, v0);
  Write([&](core::Transaction& tx) { ASSERT_OK(tx.Settings().Set("time_zone", "Asia/Almaty")); });
  EXPECT_EQ(version(), v1);  // other tables leave it alone
  Write([&](core::Transaction& tx) {
    auto p = Kazakhstan();
    p.names.pop_back();
    ASSERT_OK(tx.Participants().Update(p));
  });
  const auto v2 = version();
  EXPECT_GT(v2, v1);
  {
    auto tx = Begin(TxMode::kWrite);  // rolled back: no move
    ASSERT_NE(tx, nullptr);
    ASSERT_OK(tx->Participants().Insert(UnitedNations()));
  }
  EXPECT_EQ(version(), v2);
}

TEST_P(StoreContract, ParticipantUpdateReplacesEveryField) {
  Write([&](core::Transaction& tx) { ASSERT_OK(tx.Participants().Insert(Kazakhstan())); });
  core::Participant changed = Kazakhstan();
  changed.iso_alpha2 = std::nullopt;
  changed.names = {{"kk", "Қазақ Елі", "Қазақ Елі", D(2030, 1, 1)}, {"en", "Kazakhstan", "Kazakhstan", std::nullopt}};
  changed.statuses.pop_back();
  changed.statuses[0].basis = "amended";
  Write([&](core::Transaction& tx) { ASSERT_OK(tx.Participants().Update(changed)); });
  auto found = FindParticipant("KAZ");
  ASSERT_TRUE(found.has_value());
  ExpectSame(changed, *found);
}

TEST_P(StoreContract, DuplicateParticipantIdIsAlreadyExistsAndChangesNothing) {
  Write([&](core::Transaction& tx) { ASSERT_OK(tx.Participants().Insert(Kazakhstan())); });
  Write([&](core::Transaction& tx) {
    core::Participant again = UnitedNations();
    again.id = "KAZ";
    auto r = tx.Participants().Insert(again);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kAlreadyExists);
    // The transaction is still usable after a refused write.
    ASSERT_OK(tx.Participants().Insert(Turkiye()));
  });
  auto found = FindParticipant("KAZ");
  ASSERT_TRUE(found.has_value());
  ExpectSame(Kazakhstan(), *found);
  EXPECT_TRUE(FindParticipant("TUR").has_value());
}

TEST_P(StoreContract, TwoStatusChangesOnOneDayAreRefusedWhole) {
  core::Participant twice = Turkiye();
  twice.statuses.push_back(twice.statuses.front());
  Write([&](core::Transaction& tx) {
    auto r = tx.Participants().Insert(twice);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kAlreadyExists);
    ASSERT_OK(tx.Participants().Insert(Kazakhstan()));
    auto u = tx.Participants().Update([] {
      core::Participant k = Kazakhstan();
      k.statuses.push_back(k.statuses.front());
      k.names.clear();
      return k;
    }());
    ASSERT_FALSE(u);
    EXPECT_EQ(u.error().code, ErrorCode::kAlreadyExists);
  });
  // Neither the refused insert nor the refused update left anything half-done.
  EXPECT_FALSE(FindParticipant("TUR").has_value());
  auto kaz = FindParticipant("KAZ");
  ASSERT_TRUE(kaz.has_value());
  ExpectSame(Kazakhstan(), *kaz);
}

TEST_P(StoreContract, UpdateOfMissingParticipantIsNotFound) {
  auto tx = Begin(TxMode::kWrite);
  ASSERT_NE(tx, nullptr);
  auto r = tx->Participants().Update(Kazakhstan());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
}

// --- users ---

TEST_P(StoreContract, UsersGetIncreasingIdsAndRoundTrip) {
  core::User officer = MakeUser("officer");
  core::User delegate = MakeUser("delegate.kz", "KAZ");
  delegate.active = false;
  delegate.password_hash = "";
  Write([&](core::Transaction& tx) {
    ASSERT_OK(tx.Participants().Insert(Kazakhstan()));
    auto first = tx.Users().Insert(officer);
    ASSERT_TRUE(first) << first.error().message;
    auto second = tx.Users().Insert(delegate);
    ASSERT_TRUE(second) << second.error().message;
    EXPECT_GT(*first, 0);
    EXPECT_GT(*second, *first);
    officer.id = *first;
    delegate.id = *second;
  });
  Write([&](core::Transaction& tx) {
    auto third = tx.Users().Insert(MakeUser("third"));
    ASSERT_TRUE(third) << third.error().message;
    EXPECT_GT(*third, delegate.id);
  });

  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  auto found = tx->Users().Find(delegate.id);
  ASSERT_TRUE(found) << found.error().message;
  ASSERT_TRUE(found->has_value());
  ExpectSame(delegate, **found);
  auto by_name = tx->Users().FindByUsername("officer");
  ASSERT_TRUE(by_name) << by_name.error().message;
  ASSERT_TRUE(by_name->has_value());
  ExpectSame(officer, **by_name);
  auto nobody = tx->Users().FindByUsername("nobody");
  ASSERT_TRUE(nobody);
  EXPECT_FALSE(nobody->has_value());
  auto no_id = tx->Users().Find(9999);
  ASSERT_TRUE(no_id);
  EXPECT_FALSE(no_id->has_value());
  auto list = tx->Users().List();
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 3u);
  ExpectSame(officer, (*list)[0]);
  ExpectSame(delegate, (*list)[1]);
  EXPECT_EQ((*list)[2].username, "third");
}

TEST_P(StoreContract, DuplicateUsernameIsAlreadyExists) {
  std::int64_t other_id = 0;
  Write([&](core::Transaction& tx) {
    ASSERT_TRUE(tx.Users().Insert(MakeUser("alice")));
    auto other = tx.Users().Insert(MakeUser("bob"));
    ASSERT_TRUE(other);
    other_id = *other;
  });
  auto tx = Begin(TxMode::kWrite);
  ASSERT_NE(tx, nullptr);
  auto again = tx->Users().Insert(MakeUser("alice"));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kAlreadyExists);
  core::User renamed = MakeUser("alice");
  renamed.id = other_id;
  auto update = tx->Users().Update(renamed);
  ASSERT_FALSE(update);
  EXPECT_EQ(update.error().code, ErrorCode::kAlreadyExists);
}

TEST_P(StoreContract, UserUpdateRoundTripsAndMissingIsNotFound) {
  core::User user = MakeUser("carol");
  Write([&](core::Transaction& tx) {
    ASSERT_OK(tx.Participants().Insert(Turkiye()));
    auto id = tx.Users().Insert(user);
    ASSERT_TRUE(id);
    user.id = *id;
  });
  user.username = "carol.tr";
  user.display_name = "Carol Ünal";
  user.role = core::Role::kObserverDelegate;
  user.participant_id = "TUR";
  user.password_hash = "$argon2id$new";
  user.created_at = At(-1);  // before the epoch, to the millisecond
  user.active = false;
  Write([&](core::Transaction& tx) { ASSERT_OK(tx.Users().Update(user)); });
  {
    auto tx = Begin(TxMode::kRead);
    ASSERT_NE(tx, nullptr);
    auto found = tx->Users().Find(user.id);
    ASSERT_TRUE(found && found->has_value());
    ExpectSame(user, **found);
    auto old_name = tx->Users().FindByUsername("carol");
    ASSERT_TRUE(old_name);
    EXPECT_FALSE(old_name->has_value());
  }
  auto tx = Begin(TxMode::kWrite);
  ASSERT_NE(tx, nullptr);
  core::User ghost = MakeUser("ghost");
  ghost.id = user.id + 100;
  auto r = tx->Users().Update(ghost);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
}

TEST_P(StoreContract, UserOfUnknownParticipantIsFailedPrecondition) {
  auto tx = Begin(TxMode::kWrite);
  ASSERT_NE(tx, nullptr);
  auto r = tx->Users().Insert(MakeUser("delegate.xx", "XXX"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kFailedPrecondition);
}

// --- sessions ---

TEST_P(StoreContract, SessionsInsertFindDeleteAndExpire) {
  std::int64_t user_id = 0;
  Write([&](core::Transaction& tx) {
    auto id = tx.Users().Insert(MakeUser("dave"));
    ASSERT_TRUE(id);
    user_id = *id;
    ASSERT_OK(tx.Sessions().Insert(MakeSession("expired-before", user_id, 1000)));
    ASSERT_OK(tx.Sessions().Insert(MakeSession("expires-now", user_id, 2000)));
    core::Session bearer = MakeSession("live", user_id, 3000);
    bearer.kind = core::SessionKind::kBearer;
    bearer.csrf_token = "";
    ASSERT_OK(tx.Sessions().Insert(bearer));
  });
  {
    auto tx = Begin(TxMode::kRead);
    ASSERT_NE(tx, nullptr);
    auto found = tx->Sessions().Find("live");
    ASSERT_TRUE(found && found->has_value());
    const core::Session& s = **found;
    EXPECT_EQ(s.token_digest, "live");
    EXPECT_EQ(s.user_id, user_id);
    EXPECT_EQ(s.kind, core::SessionKind::kBearer);
    EXPECT_EQ(s.csrf_token, "");
    EXPECT_EQ(s.created_at.time_since_epoch().count(), 2000);
    EXPECT_EQ(s.expires_at.time_since_epoch().count(), 3000);
    auto cookie = tx->Sessions().Find("expires-now");
    ASSERT_TRUE(cookie && cookie->has_value());
    EXPECT_EQ((*cookie)->kind, core::SessionKind::kCookie);
    EXPECT_EQ((*cookie)->csrf_token, "csrf-expires-now");
  }
  Write([&](core::Transaction& tx) {
    auto removed = tx.Sessions().DeleteExpired(At(2000));  // expired from expires_at on
    ASSERT_TRUE(removed);
    EXPECT_EQ(*removed, 2);
    auto again = tx.Sessions().DeleteExpired(At(2000));
    ASSERT_TRUE(again);
    EXPECT_EQ(*again, 0);
  });
  Write([&](core::Transaction& tx) {
    auto gone = tx.Sessions().Find("expires-now");
    ASSERT_TRUE(gone);
    EXPECT_FALSE(gone->has_value());
    auto deleted = tx.Sessions().Delete("live");
    ASSERT_TRUE(deleted);
    EXPECT_TRUE(*deleted);
    auto deleted_again = tx.Sessions().Delete("live");
    ASSERT_TRUE(deleted_again);
    EXPECT_FALSE(*deleted_again);
  });
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  auto none = tx->Sessions().Find("live");
  ASSERT_TRUE(none);
  EXPECT_FALSE(none->has_value());
}

TEST_P(StoreContract, SessionDuplicateAndUnknownUser) {
  std::int64_t user_id = 0;
  Write([&](core::Transaction& tx) {
    auto id = tx.Users().Insert(MakeUser("erin"));
    ASSERT_TRUE(id);
    user_id = *id;
    ASSERT_OK(tx.Sessions().Insert(MakeSession("digest", user_id, 5000)));
  });
  auto tx = Begin(TxMode::kWrite);
  ASSERT_NE(tx, nullptr);
  auto duplicate = tx->Sessions().Insert(MakeSession("digest", user_id, 6000));
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().code, ErrorCode::kAlreadyExists);
  auto orphan = tx->Sessions().Insert(MakeSession("other", user_id + 100, 6000));
  ASSERT_FALSE(orphan);
  EXPECT_EQ(orphan.error().code, ErrorCode::kFailedPrecondition);
}

// --- login attempts ---

TEST_P(StoreContract, LoginFailuresAreCountedPerKeyWithinTheWindowAndCleared) {
  Write([&](core::Transaction& tx) {
    for (std::int64_t t : {1000, 2000, 3000}) ASSERT_OK(tx.LoginAttempts().RecordFailure("user:alice", At(t)));
    ASSERT_OK(tx.LoginAttempts().RecordFailure("user:alice", At(3000)));  // two at one instant
    ASSERT_OK(tx.LoginAttempts().RecordFailure("addr:10.0.0.1", At(2500)));
  });
  auto count = [&](core::Transaction& tx, std::string_view key, std::int64_t since) -> std::int64_t {
    auto n = tx.LoginAttempts().CountFailuresSince(key, At(since));
    EXPECT_TRUE(n) << n.error().message;
    return n ? *n : -1;
  };
  {
    auto tx = Begin(TxMode::kRead);
    ASSERT_NE(tx, nullptr);
    EXPECT_EQ(count(*tx, "user:alice", 0), 4);
    EXPECT_EQ(count(*tx, "user:alice", 2000), 3);  // the window includes its start
    EXPECT_EQ(count(*tx, "user:alice", 3001), 0);
    EXPECT_EQ(count(*tx, "addr:10.0.0.1", 0), 1);
    EXPECT_EQ(count(*tx, "user:nobody", 0), 0);
  }
  Write([&](core::Transaction& tx) { ASSERT_OK(tx.LoginAttempts().Clear("user:alice")); });
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  EXPECT_EQ(count(*tx, "user:alice", 0), 0);
  EXPECT_EQ(count(*tx, "addr:10.0.0.1", 0), 1);
}

TEST_P(StoreContract, LoginFailuresBeforeAnInstantAreForgottenForEveryKey) {
  Write([&](core::Transaction& tx) {
    for (std::int64_t t : {1000, 2000, 3000}) ASSERT_OK(tx.LoginAttempts().RecordFailure("user:bob", At(t)));
    ASSERT_OK(tx.LoginAttempts().RecordFailure("addr:10.0.0.2", At(1500)));
  });
  Write([&](core::Transaction& tx) {
    auto removed = tx.LoginAttempts().DeleteBefore(At(2000));
    ASSERT_TRUE(removed) << removed.error().message;
    EXPECT_EQ(*removed, 2);  // 1000 for bob, 1500 for the address; 2000 itself stays
  });
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  EXPECT_EQ(*tx->LoginAttempts().CountFailuresSince("user:bob", At(0)), 2);
  EXPECT_EQ(*tx->LoginAttempts().CountFailuresSince("addr:10.0.0.2", At(0)), 0);
}

// --- audit log ---

TEST_P(StoreContract, AuditAppendMovesTheHeadAndListsInPages) {
  {
    auto tx = Begin(TxMode::kRead);
    ASSERT_NE(tx, nullptr);
    auto head = tx->Audit().Head();
    ASSERT_TRUE(head) << head.error().message;
    EXPECT_EQ(head->seq, 0);
    EXPECT_EQ(head->hash, core::kGenesisHash);
    auto last = tx->Audit().Last();
    ASSERT_TRUE(last);
    EXPECT_FALSE(last->has_value());
  }
  std::vector<core::AuditRecord> records;
  Write([&](core::Transaction& tx) {
    for (int i = 0; i < 5; ++i) {
      records.push_back(MakeRecord(records.empty() ? nullptr : &records.back()));
      ASSERT_OK(tx.Audit().Append(records.back()));
    }
  });
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  auto head = tx->Audit().Head();
  ASSERT_TRUE(head);
  EXPECT_EQ(head->seq, 5);
  EXPECT_EQ(head->hash, records.back().hash);
  auto last = tx->Audit().Last();
  ASSERT_TRUE(last && last->has_value());
  ExpectSame(records.back(), **last);

  auto page = [&](std::int64_t after, std::int64_t limit) {
    auto list = tx->Audit().List(after, limit);
    EXPECT_TRUE(list) << list.error().message;
    std::vector<std::int64_t> seqs;
    if (list) {
      for (const auto& r : *list) {
        ExpectSame(records[static_cast<std::size_t>(r.seq - 1)], r);
        seqs.push_back(r.seq);
      }
    }
    return seqs;
  };
  EXPECT_EQ(page(0, 2), (std::vector<std::int64_t>{1, 2}));
  EXPECT_EQ(page(2, 2), (std::vector<std::int64_t>{3, 4}));
  EXPECT_EQ(page(4, 2), (std::vector<std::int64_t>{5}));
  EXPECT_EQ(page(5, 2), (std::vector<std::int64_t>{}));
  EXPECT_EQ(page(0, 100), (std::vector<std::int64_t>{1, 2, 3, 4, 5}));
  EXPECT_EQ(page(0, 0), (std::vector<std::int64_t>{}));
}

TEST_P(StoreContract, AuditRecordNotFollowingTheHeadIsConflict) {
  core::AuditRecord first = MakeRecord(nullptr);
  Write([&](core::Transaction& tx) { ASSERT_OK(tx.Audit().Append(first)); });
  auto tx = Begin(TxMode::kWrite);
  ASSERT_NE(tx, nullptr);
  core::AuditRecord skip = MakeRecord(&first);
  skip.seq = 3;
  core::AuditRecord repeat = first;
  core::AuditRecord stale = MakeRecord(&first);
  stale.prev_hash = core::kGenesisHash;
  for (const auto* r : {&skip, &repeat, &stale}) {
    auto appended = tx->Audit().Append(*r);
    ASSERT_FALSE(appended);
    EXPECT_EQ(appended.error().code, ErrorCode::kConflict);
  }
  auto head = tx->Audit().Head();
  ASSERT_TRUE(head);
  EXPECT_EQ(head->seq, 1);
  EXPECT_EQ(head->hash, first.hash);
  auto all = tx->Audit().List(0, 10);
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), 1u);
}

// --- settings ---

TEST_P(StoreContract, SettingsGetSetAndListByKey) {
  Write([&](core::Transaction& tx) {
    ASSERT_OK(tx.Settings().Set("time_zone", "Asia/Almaty"));
    ASSERT_OK(tx.Settings().Set("organisation.name.kk", "Ұйым"));
    ASSERT_OK(tx.Settings().Set("organisation.name.en", "placeholder"));
    ASSERT_OK(tx.Settings().Set("organisation.name.en", "Organisation"));  // overwrite
    ASSERT_OK(tx.Settings().Set("empty", ""));
    ASSERT_OK(tx.Settings().Set("binary", std::string("a\0b", 3)));
  });
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  auto zone = tx->Settings().Get("time_zone");
  ASSERT_TRUE(zone);
  EXPECT_EQ(*zone, std::optional<std::string>("Asia/Almaty"));
  auto empty = tx->Settings().Get("empty");
  ASSERT_TRUE(empty);
  EXPECT_EQ(*empty, std::optional<std::string>(""));
  auto missing = tx->Settings().Get("missing");
  ASSERT_TRUE(missing);
  EXPECT_EQ(*missing, std::nullopt);
  auto list = tx->Settings().List();
  ASSERT_TRUE(list);
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(*list, (Pairs{{"binary", std::string("a\0b", 3)},
                          {"empty", ""},
                          {"organisation.name.en", "Organisation"},
                          {"organisation.name.kk", "Ұйым"},
                          {"time_zone", "Asia/Almaty"}}));
}

// --- transactions ---

TEST_P(StoreContract, WriteTransactionDroppedWithoutCommitLeavesNothing) {
  {
    auto tx = Begin(TxMode::kWrite);
    ASSERT_NE(tx, nullptr);
    ASSERT_OK(tx->Participants().Insert(Kazakhstan()));
    auto id = tx->Users().Insert(MakeUser("frank"));
    ASSERT_TRUE(id);
    ASSERT_OK(tx->Sessions().Insert(MakeSession("s", *id, 100)));
    ASSERT_OK(tx->LoginAttempts().RecordFailure("k", At(1)));
    ASSERT_OK(tx->Audit().Append(MakeRecord(nullptr)));
    ASSERT_OK(tx->Settings().Set("k", "v"));
    // Its own writes are visible inside it.
    auto own = tx->Participants().Find("KAZ");
    ASSERT_TRUE(own);
    EXPECT_TRUE(own->has_value());
  }
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  EXPECT_TRUE(tx->Participants().List()->empty());
  EXPECT_TRUE(tx->Users().List()->empty());
  EXPECT_FALSE(tx->Sessions().Find("s")->has_value());
  EXPECT_EQ(*tx->LoginAttempts().CountFailuresSince("k", At(0)), 0);
  EXPECT_EQ(tx->Audit().Head()->seq, 0);
  EXPECT_FALSE(tx->Audit().Last()->has_value());
  EXPECT_TRUE(tx->Settings().List()->empty());
}

TEST_P(StoreContract, ReadTransactionKeepsItsSnapshot) {
  auto writer = Begin(TxMode::kWrite);
  ASSERT_NE(writer, nullptr);
  ASSERT_OK(writer->Participants().Insert(Kazakhstan()));
  ASSERT_OK(writer->Settings().Set("k", "new"));

  // Open at the same time as the writer: its uncommitted rows are invisible …
  auto reader = Begin(TxMode::kRead);
  ASSERT_NE(reader, nullptr);
  auto before = reader->Participants().Find("KAZ");
  ASSERT_TRUE(before) << before.error().message;
  EXPECT_FALSE(before->has_value());

  ASSERT_OK(writer->Commit());
  writer.reset();

  // … and stay so after the commit: the reader keeps the snapshot it started with.
  auto after = reader->Participants().Find("KAZ");
  ASSERT_TRUE(after);
  EXPECT_FALSE(after->has_value());
  auto setting = reader->Settings().Get("k");
  ASSERT_TRUE(setting);
  EXPECT_FALSE(setting->has_value());
  reader.reset();

  // Committed data is visible to every later transaction.
  EXPECT_TRUE(FindParticipant("KAZ").has_value());
}

TEST_P(StoreContract, ReadTransactionSeesTheStateAsOfItsBegin) {
  auto reader = Begin(TxMode::kRead);  // no query yet
  ASSERT_NE(reader, nullptr);
  Write([&](core::Transaction& tx) { ASSERT_OK(tx.Settings().Set("k", "v")); });
  auto setting = reader->Settings().Get("k");
  ASSERT_TRUE(setting) << setting.error().message;
  EXPECT_FALSE(setting->has_value());
}

TEST_P(StoreContract, ReadTransactionRefusesWrites) {
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  auto set = tx->Settings().Set("k", "v");
  ASSERT_FALSE(set);
  EXPECT_EQ(set.error().code, ErrorCode::kFailedPrecondition);
  auto insert = tx->Participants().Insert(Kazakhstan());
  ASSERT_FALSE(insert);
  EXPECT_EQ(insert.error().code, ErrorCode::kFailedPrecondition);
  ASSERT_OK(tx->Commit());  // ending a read transaction is allowed
}

TEST_P(StoreContract, CommittedTransactionCannotBeUsedAgain) {
  auto tx = Begin(TxMode::kWrite);
  ASSERT_NE(tx, nullptr);
  ASSERT_OK(tx->Settings().Set("k", "v"));
  ASSERT_OK(tx->Commit());
  auto again = tx->Commit();
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kFailedPrecondition);
  auto get = tx->Settings().Get("k");
  ASSERT_FALSE(get);
  EXPECT_EQ(get.error().code, ErrorCode::kFailedPrecondition);
  auto set = tx->Settings().Set("k", "w");
  ASSERT_FALSE(set);
  EXPECT_EQ(set.error().code, ErrorCode::kFailedPrecondition);
  tx.reset();
  auto read = Begin(TxMode::kRead);
  ASSERT_NE(read, nullptr);
  EXPECT_EQ(*read->Settings().Get("k"), std::optional<std::string>("v"));
}

TEST_P(StoreContract, WriteTransactionsAreSerialisedWithoutLostUpdates) {
  // Read-modify-write from two threads: each write transaction sees every earlier commit.
  constexpr int kPerThread = 25;
  Write([&](core::Transaction& tx) { ASSERT_OK(tx.Settings().Set("counter", "0")); });
  std::atomic<int> failures{0};
  auto work = [&] {
    for (int i = 0; i < kPerThread; ++i) {
      auto tx = store_->Begin(TxMode::kWrite);
      if (!tx) {
        ++failures;
        continue;
      }
      auto value = (*tx)->Settings().Get("counter");
      if (!value || !value->has_value()) {
        ++failures;
        continue;
      }
      if (!(*tx)->Settings().Set("counter", std::to_string(std::stoi(**value) + 1)) || !(*tx)->Commit()) ++failures;
    }
  };
  std::thread a(work), b(work);
  a.join();
  b.join();
  EXPECT_EQ(failures.load(), 0);
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  EXPECT_EQ(*tx->Settings().Get("counter"), std::optional<std::string>(std::to_string(2 * kPerThread)));
}

INSTANTIATE_TEST_SUITE_P(Adapters, StoreContract, ::testing::Values(kMemory, kSqlite),
                         [](const ::testing::TestParamInfo<Adapter>& adapter) { return adapter.param.name; });

}  // namespace
}  // namespace chancery::storage
