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
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "core/ports/store.hpp"
#include "storage/memory/memory_store.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "storage/store_contract_fixture.hpp"

namespace chancery::core {
// Readable failures: "already_exists" rather than "2".
void PrintTo(ErrorCode code, std::ostream* os) { *os << ErrorCodeName(code); }
}  // namespace chancery::core

namespace chancery::storage {
namespace {

using namespace std::chrono;
using core::ErrorCode;
using core::TxMode;

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

class StoreContract : public AdapterContract {
 protected:
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

// --- governance records: builders ---

std::int64_t Ms(core::Instant instant) { return instant.time_since_epoch().count(); }
std::optional<std::int64_t> Ms(const std::optional<core::Instant>& instant) {
  if (!instant) return std::nullopt;
  return Ms(*instant);
}

// Reports the error code of a failed call, nothing for a success.
template <class R>
std::optional<ErrorCode> CodeOf(const R& result) {
  if (result) return std::nullopt;
  return result.error().code;
}

core::ChairmanshipTerm Term(std::string participant_id, core::Date from, std::optional<core::Date> until,
                            std::string basis, std::optional<std::int64_t> recommended_by = std::nullopt) {
  return core::ChairmanshipTerm{std::move(participant_id), from, until, std::move(basis), recommended_by};
}

void ExpectSame(const core::ChairmanshipTerm& want, const core::ChairmanshipTerm& got) {
  SCOPED_TRACE("chairmanship term from " + core::FormatDate(want.from));
  EXPECT_EQ(got.participant_id, want.participant_id);
  EXPECT_EQ(core::FormatDate(got.from), core::FormatDate(want.from));
  EXPECT_EQ(Text(got.until), Text(want.until));
  EXPECT_EQ(got.basis, want.basis);
  EXPECT_EQ(got.recommended_by_silence_procedure, want.recommended_by_silence_procedure);
}

// SOC 2021-I: every field set, Kazakh and Cyrillic text, items with and without invitations
// and attendance, given in an order that is not sorted.
core::Meeting SocMeeting() {
  core::Meeting m;
  m.body = core::BodyCode::kSoc;
  m.session = {2021, 1};
  m.starts_on = D(2021, 6, 22);
  m.ends_on = D(2021, 6, 23);
  m.format = core::MeetingFormat::kHybrid;
  m.venue = "Нұр-Сұлтан";
  m.chair_participant_id = "KAZ";
  m.chair_person = "H.E. Mr. Shakhrat Nuryshev — Бірінші вице-министр ә ғ қ ң ө ұ ү һ і";
  m.agenda_status = core::AgendaStatus::kAdopted;
  m.agenda_symbol = "SOC/2021-I/Agenda/3";
  m.agenda_adopted_at = At(1624338000123);
  m.agenda = {
      {1, "Opening of the meeting", true, {}, false, {"TUR", "KAZ", "AZE"}},
      {2, "Наблюдатели: Қазақстан", false, {"UN", "OSCE"}, false, {"OSCE", "KAZ", "UN"}},
      {3, "Any other business", true, {}, true, {}},
  };
  m.amendments = {{4, "IND", "Old title", "New title"}, {2, "KAZ", "", "Қазақ тақырыбы"}};
  m.statements = {
      {1, 1, core::SpeakerRole::kChair, "KAZ", "H.E. Mr. Shakhrat Nuryshev", "en", "Welcome.", At(1624338000000)},
      {2, 2, core::SpeakerRole::kGuest, "UN", "Ms. Гость", "ru", "Приветствие", At(1624338060000)},
      {3, 2, core::SpeakerRole::kSecretariat, "", "", "kk", "", At(-5)},
  };
  return m;
}

// Nothing optional present, empty strings, no children.
core::Meeting BareMeeting(core::BodyCode body, core::SessionCode session, core::Date starts, core::Date ends) {
  core::Meeting m;
  m.body = body;
  m.session = session;
  m.starts_on = starts;
  m.ends_on = ends;
  m.format = core::MeetingFormat::kOnline;
  m.venue = "";
  m.chair_participant_id = "";
  m.chair_person = "";
  m.agenda_status = core::AgendaStatus::kDraft;
  m.agenda_symbol = "";
  return m;
}

void ExpectSame(const core::Meeting& want, const core::Meeting& got) {
  SCOPED_TRACE("meeting " + core::MeetingCode(want.body, want.session));
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.body, want.body);
  EXPECT_EQ(got.session.year, want.session.year);
  EXPECT_EQ(got.session.number, want.session.number);
  EXPECT_EQ(core::FormatDate(got.starts_on), core::FormatDate(want.starts_on));
  EXPECT_EQ(core::FormatDate(got.ends_on), core::FormatDate(want.ends_on));
  EXPECT_EQ(got.format, want.format);
  EXPECT_EQ(got.venue, want.venue);
  EXPECT_EQ(got.chair_participant_id, want.chair_participant_id);
  EXPECT_EQ(got.chair_person, want.chair_person);
  EXPECT_EQ(got.agenda_status, want.agenda_status);
  EXPECT_EQ(got.agenda_symbol, want.agenda_symbol);
  EXPECT_EQ(Ms(got.agenda_adopted_at), Ms(want.agenda_adopted_at));
  ASSERT_EQ(got.agenda.size(), want.agenda.size());
  for (std::size_t i = 0; i < want.agenda.size(); ++i) {
    SCOPED_TRACE("agenda[" + std::to_string(i) + "]");
    EXPECT_EQ(got.agenda[i].number, want.agenda[i].number);
    EXPECT_EQ(got.agenda[i].title, want.agenda[i].title);
    EXPECT_EQ(got.agenda[i].closed_to_observers, want.agenda[i].closed_to_observers);
    EXPECT_EQ(got.agenda[i].invited_observers, want.agenda[i].invited_observers);
    EXPECT_EQ(got.agenda[i].any_other_business, want.agenda[i].any_other_business);
    EXPECT_EQ(got.agenda[i].present, want.agenda[i].present);
  }
  ASSERT_EQ(got.amendments.size(), want.amendments.size());
  for (std::size_t i = 0; i < want.amendments.size(); ++i) {
    SCOPED_TRACE("amendments[" + std::to_string(i) + "]");
    EXPECT_EQ(got.amendments[i].item_number, want.amendments[i].item_number);
    EXPECT_EQ(got.amendments[i].proposed_by, want.amendments[i].proposed_by);
    EXPECT_EQ(got.amendments[i].previous_title, want.amendments[i].previous_title);
    EXPECT_EQ(got.amendments[i].title, want.amendments[i].title);
  }
  ASSERT_EQ(got.statements.size(), want.statements.size());
  for (std::size_t i = 0; i < want.statements.size(); ++i) {
    SCOPED_TRACE("statements[" + std::to_string(i) + "]");
    EXPECT_EQ(got.statements[i].seq, want.statements[i].seq);
    EXPECT_EQ(got.statements[i].item_number, want.statements[i].item_number);
    EXPECT_EQ(got.statements[i].role, want.statements[i].role);
    EXPECT_EQ(got.statements[i].participant_id, want.statements[i].participant_id);
    EXPECT_EQ(got.statements[i].speaker, want.statements[i].speaker);
    EXPECT_EQ(got.statements[i].language, want.statements[i].language);
    EXPECT_EQ(got.statements[i].text, want.statements[i].text);
    EXPECT_EQ(Ms(got.statements[i].recorded_at), Ms(want.statements[i].recorded_at));
  }
}

// A decision adopted by silence, with attachments, status grants and documents out of order.
core::Decision SilenceDecision(std::int64_t meeting_id) {
  core::Decision d;
  d.symbol = {core::BodyCode::kSoc, 2021, 1, 1};
  d.meeting_id = meeting_id;
  d.item_number = 2;
  d.title = "Granting of the Observer Status to Turkmenistan";
  d.text = "Шешім мәтіні: ә ғ қ ң ө ұ ү һ і — Решение";
  d.mode = core::AdoptionMode::kBySilence;
  d.adopted_at = At(1616263200000);
  d.recorded_on = D(2021, 6, 23);
  d.silence_procedure_id = 7;
  d.attachments = {{"TUR", core::FloorPositionKind::kReservation, "Reservation on paragraph 2"},
                   {"AZE", core::FloorPositionKind::kInterpretativeStatement, "Түсіндірме мәлімдеме"},
                   {"KAZ", core::FloorPositionKind::kObjection, ""}};
  d.status_grants = {{"TKM", core::ParticipantStatus::kObserverState, D(2021, 6, 23)},
                     {"UN", core::ParticipantStatus::kNone, D(2020, 1, 1)}};
  d.approved_documents = {"MM/2021/DRAFT/2", "MM/2021/DRAFT/1"};
  d.recommended_to = core::BodyCode::kMm;
  return d;
}

core::Decision BareDecision(core::DecisionSymbol symbol, core::Date recorded_on, std::int64_t meeting_id = 0) {
  core::Decision d;
  d.symbol = symbol;
  d.meeting_id = meeting_id;
  d.item_number = 0;
  d.title = "";
  d.text = "";
  d.mode = core::AdoptionMode::kAtMeeting;
  d.adopted_at = At(-1);
  d.recorded_on = recorded_on;
  return d;
}

void ExpectSame(const core::Decision& want, const core::Decision& got) {
  SCOPED_TRACE("decision " + core::Format(want.symbol));
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.symbol, want.symbol) << core::Format(got.symbol);
  EXPECT_EQ(got.meeting_id, want.meeting_id);
  EXPECT_EQ(got.item_number, want.item_number);
  EXPECT_EQ(got.title, want.title);
  EXPECT_EQ(got.text, want.text);
  EXPECT_EQ(got.mode, want.mode);
  EXPECT_EQ(Ms(got.adopted_at), Ms(want.adopted_at));
  EXPECT_EQ(core::FormatDate(got.recorded_on), core::FormatDate(want.recorded_on));
  EXPECT_EQ(got.silence_procedure_id, want.silence_procedure_id);
  ASSERT_EQ(got.attachments.size(), want.attachments.size());
  for (std::size_t i = 0; i < want.attachments.size(); ++i) {
    SCOPED_TRACE("attachments[" + std::to_string(i) + "]");
    EXPECT_EQ(got.attachments[i].participant_id, want.attachments[i].participant_id);
    EXPECT_EQ(got.attachments[i].kind, want.attachments[i].kind);
    EXPECT_EQ(got.attachments[i].text, want.attachments[i].text);
  }
  ASSERT_EQ(got.status_grants.size(), want.status_grants.size());
  for (std::size_t i = 0; i < want.status_grants.size(); ++i) {
    SCOPED_TRACE("status_grants[" + std::to_string(i) + "]");
    EXPECT_EQ(got.status_grants[i].participant_id, want.status_grants[i].participant_id);
    EXPECT_EQ(got.status_grants[i].status, want.status_grants[i].status);
    EXPECT_EQ(core::FormatDate(got.status_grants[i].from), core::FormatDate(want.status_grants[i].from));
  }
  EXPECT_EQ(got.approved_documents, want.approved_documents);
  EXPECT_EQ(got.recommended_to, want.recommended_to);
}

// A concluded procedure: every optional present, children out of order.
core::SilenceRecord BrokenSilence() {
  core::SilenceRecord r;
  r.body = core::BodyCode::kMm;
  r.procedure = {"Draft Declaration (under silence procedure)", At(1614556800000), At(1616263200000),
                 "expiring on 20 March 2021 — 20 наурыз 2021"};
  r.text = "Декларация мәтіні ә ғ қ ң ө ұ ү һ і";
  r.initiator = core::SilenceInitiator::kMeeting;
  r.meeting_id = 3;
  r.addressees = {"TUR", "KAZ", "AZE"};
  r.amendments_break_silence = false;
  r.responses = {
      {1, {"AZE", core::ResponseKind::kComment, At(1615000000000)}, "A comment", "Note Verbale No. 12", At(1615000100000), 5},
      {2, {"TUR", core::ResponseKind::kObjection, At(1616000000000)}, "", "", At(1616000000001), 6},
      {3, {"KAZ", core::ResponseKind::kAmendment, At(1616100000000)}, "Түзету", "Нота № 7", At(1616100000000), 5},
  };
  r.state = core::SilenceState::kNotAdopted;
  r.decided_at = At(1616000000000);
  r.concluded_at = At(1616263300000);
  r.broken_by = 2;
  r.notices = {{"KAZ", core::SilenceState::kNotAdopted, At(1616263400000)},
               {"AZE", core::SilenceState::kAdopted, At(-7)}};
  r.decision_id = 11;
  return r;
}

// A running procedure: no optionals, no children, empty strings.
core::SilenceRecord RunningSilence(core::BodyCode body, std::int64_t expires_ms) {
  core::SilenceRecord r;
  r.body = body;
  r.procedure = {"", At(expires_ms - 14 * 86400000LL), At(expires_ms), ""};
  r.text = "";
  r.initiator = core::SilenceInitiator::kChairmanship;
  r.state = core::SilenceState::kRunning;
  return r;
}

void ExpectSame(const core::SilenceRecord& want, const core::SilenceRecord& got) {
  SCOPED_TRACE("silence procedure " + std::to_string(want.id));
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.body, want.body);
  EXPECT_EQ(got.procedure.title, want.procedure.title);
  EXPECT_EQ(Ms(got.procedure.opened_at), Ms(want.procedure.opened_at));
  EXPECT_EQ(Ms(got.procedure.expires_at), Ms(want.procedure.expires_at));
  EXPECT_EQ(got.procedure.expiry_wording, want.procedure.expiry_wording);
  EXPECT_EQ(got.text, want.text);
  EXPECT_EQ(got.initiator, want.initiator);
  EXPECT_EQ(got.meeting_id, want.meeting_id);
  EXPECT_EQ(got.addressees, want.addressees);
  EXPECT_EQ(got.amendments_break_silence, want.amendments_break_silence);
  ASSERT_EQ(got.responses.size(), want.responses.size());
  for (std::size_t i = 0; i < want.responses.size(); ++i) {
    SCOPED_TRACE("responses[" + std::to_string(i) + "]");
    const auto& g = got.responses[i];
    const auto& w = want.responses[i];
    EXPECT_EQ(g.seq, w.seq);
    EXPECT_EQ(g.response.participant_id, w.response.participant_id);
    EXPECT_EQ(g.response.kind, w.response.kind);
    EXPECT_EQ(Ms(g.response.received_at), Ms(w.response.received_at));
    EXPECT_EQ(g.text, w.text);
    EXPECT_EQ(g.reference, w.reference);
    EXPECT_EQ(Ms(g.registered_at), Ms(w.registered_at));
    EXPECT_EQ(g.registered_by, w.registered_by);
  }
  EXPECT_EQ(got.state, want.state);
  EXPECT_EQ(Ms(got.decided_at), Ms(want.decided_at));
  EXPECT_EQ(Ms(got.concluded_at), Ms(want.concluded_at));
  EXPECT_EQ(got.broken_by, want.broken_by);
  ASSERT_EQ(got.notices.size(), want.notices.size());
  for (std::size_t i = 0; i < want.notices.size(); ++i) {
    SCOPED_TRACE("notices[" + std::to_string(i) + "]");
    EXPECT_EQ(got.notices[i].participant_id, want.notices[i].participant_id);
    EXPECT_EQ(got.notices[i].outcome, want.notices[i].outcome);
    EXPECT_EQ(Ms(got.notices[i].generated_at), Ms(want.notices[i].generated_at));
  }
  EXPECT_EQ(got.decision_id, want.decision_id);
}

// "The SOC tasked the SWG with … before the next SOC meeting", given at meeting `meeting_id`.
core::Mandate BeforeNextSoc(std::optional<std::int64_t> meeting_id, std::string subject) {
  core::Mandate m;
  m.meeting_id = meeting_id;
  m.item_number = 5;
  m.subject = std::move(subject);
  m.given_by = core::BodyCode::kSoc;
  m.given_on = D(2021, 6, 23);
  m.assignee = core::BodyCode::kSwg;
  m.due_before_next_meeting_of = core::BodyCode::kSoc;
  m.status = core::MandateStatus::kOpen;
  return m;
}

core::Mandate DueBy(core::BodyCode assignee, core::Date due, core::MandateStatus status) {
  core::Mandate m;
  m.item_number = 0;
  m.subject = "";
  m.given_by = core::BodyCode::kMm;
  m.given_on = D(2022, 10, 12);
  m.assignee = assignee;
  m.due_by = due;
  m.status = status;
  return m;
}

void ExpectSame(const core::Mandate& want, const core::Mandate& got) {
  SCOPED_TRACE("mandate " + std::to_string(want.id));
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.meeting_id, want.meeting_id);
  EXPECT_EQ(got.item_number, want.item_number);
  EXPECT_EQ(got.subject, want.subject);
  EXPECT_EQ(got.given_by, want.given_by);
  EXPECT_EQ(core::FormatDate(got.given_on), core::FormatDate(want.given_on));
  EXPECT_EQ(got.assignee, want.assignee);
  EXPECT_EQ(Text(got.due_by), Text(want.due_by));
  EXPECT_EQ(got.due_before_next_meeting_of, want.due_before_next_meeting_of);
  EXPECT_EQ(got.status, want.status);
}

template <class T>
std::vector<std::int64_t> Ids(const std::vector<T>& records) {
  std::vector<std::int64_t> ids;
  for (const auto& r : records) ids.push_back(r.id);
  return ids;
}

// --- chairmanship terms ---

TEST_P(StoreContract, ChairmanshipTermsRoundTripInDateOrder) {
  const std::vector<core::ChairmanshipTerm> terms = {
      Term("KAZ", D(2020, 10, 1), std::nullopt, "Қазақстан: 6th Summit, Astana, 13 Oct 2022"),
      Term("TJK", D(2018, 9, 28), D(2020, 9, 30), ""),
      Term("KAZ", D(2022, 10, 13), D(2024, 10, 12), "6th Summit, Astana, 13 Oct 2022", 42),
  };
  Write([&](core::Transaction& tx) {
    for (const auto& t : terms) ASSERT_OK(tx.Chairmanships().Insert(t));
  });
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  auto list = tx->Chairmanships().List();
  ASSERT_TRUE(list) << list.error().message;
  ASSERT_EQ(list->size(), 3u);
  ExpectSame(terms[1], (*list)[0]);
  ExpectSame(terms[0], (*list)[1]);
  ExpectSame(terms[2], (*list)[2]);
}

TEST_P(StoreContract, ChairmanshipTermFromATakenDateIsAlreadyExists) {
  Write([&](core::Transaction& tx) { ASSERT_OK(tx.Chairmanships().Insert(Term("KAZ", D(2020, 10, 1), std::nullopt, "a"))); });
  Write([&](core::Transaction& tx) {
    EXPECT_EQ(CodeOf(tx.Chairmanships().Insert(Term("TJK", D(2020, 10, 1), D(2021, 1, 1), "b"))),
              ErrorCode::kAlreadyExists);
    // Still usable; another date is fine.
    ASSERT_OK(tx.Chairmanships().Insert(Term("TJK", D(2020, 10, 2), std::nullopt, "c")));
  });
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  auto list = tx->Chairmanships().List();
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 2u);
  ExpectSame(Term("KAZ", D(2020, 10, 1), std::nullopt, "a"), (*list)[0]);
  ExpectSame(Term("TJK", D(2020, 10, 2), std::nullopt, "c"), (*list)[1]);
}

// --- meetings ---

TEST_P(StoreContract, MeetingRoundTripsEveryField) {
  core::Meeting full = SocMeeting();
  core::Meeting bare = BareMeeting(core::BodyCode::kSwg, {2021, 2}, D(2021, 10, 8), D(2021, 10, 8));
  bare.statements = {{1, 0, core::SpeakerRole::kParticipant, "", "", "", "", At(0)}};  // empty language
  Write([&](core::Transaction& tx) {
    auto a = tx.Meetings().Insert(full);
    ASSERT_TRUE(a) << a.error().message;
    full.id = *a;
    auto b = tx.Meetings().Insert(bare);
    ASSERT_TRUE(b) << b.error().message;
    bare.id = *b;
  });
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  for (const auto* want : {&full, &bare}) {
    auto found = tx->Meetings().Find(want->id);
    ASSERT_TRUE(found) << found.error().message;
    ASSERT_TRUE(found->has_value());
    ExpectSame(*want, **found);
    auto by_session = tx->Meetings().FindBySession(want->body, want->session);
    ASSERT_TRUE(by_session) << by_session.error().message;
    ASSERT_TRUE(by_session->has_value());
    ExpectSame(*want, **by_session);
  }
  auto missing = tx->Meetings().Find(bare.id + 100);
  ASSERT_TRUE(missing);
  EXPECT_FALSE(missing->has_value());
  // Each part of the key counts: another body, year or number is another session.
  for (auto [body, session] : {std::pair{core::BodyCode::kSwg, core::SessionCode{2021, 1}},
                               std::pair{core::BodyCode::kSoc, core::SessionCode{2021, 2}},
                               std::pair{core::BodyCode::kSoc, core::SessionCode{2022, 1}}}) {
    auto none = tx->Meetings().FindBySession(body, session);
    ASSERT_TRUE(none);
    EXPECT_FALSE(none->has_value()) << core::MeetingCode(body, session);
  }
}

TEST_P(StoreContract, MeetingUpdateReplacesEveryFieldAndTheChildren) {
  core::Meeting m = SocMeeting();
  Write([&](core::Transaction& tx) {
    auto id = tx.Meetings().Insert(m);
    ASSERT_TRUE(id);
    m.id = *id;
  });
  core::Meeting changed = m;
  changed.body = core::BodyCode::kMm;
  changed.session = {2022, 3};
  changed.starts_on = D(2022, 10, 11);
  changed.ends_on = D(2022, 10, 12);
  changed.format = core::MeetingFormat::kInPerson;
  changed.venue = "Астана";
  changed.chair_participant_id = "TJK";
  changed.chair_person = "";
  changed.agenda_status = core::AgendaStatus::kDraft;
  changed.agenda_symbol = "MM/2022-III/Agenda/1";
  changed.agenda_adopted_at = std::nullopt;
  // Fewer items: the old second item's invitations and attendance must not survive.
  changed.agenda = {{1, "Жаңа тақырып", false, {"OSCE"}, false, {"KAZ"}}};
  changed.amendments.clear();
  changed.statements = {m.statements[2], m.statements[0]};
  changed.statements[0].seq = 1;
  changed.statements[1].seq = 2;
  Write([&](core::Transaction& tx) { ASSERT_OK(tx.Meetings().Update(changed)); });
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  auto found = tx->Meetings().Find(m.id);
  ASSERT_TRUE(found && found->has_value());
  ExpectSame(changed, **found);
  auto old_session = tx->Meetings().FindBySession(core::BodyCode::kSoc, {2021, 1});
  ASSERT_TRUE(old_session);
  EXPECT_FALSE(old_session->has_value());
}

TEST_P(StoreContract, MeetingUpdateOfMissingIdIsNotFoundAndWritesNothing) {
  core::Meeting ghost = SocMeeting();
  ghost.id = 42;
  Write([&](core::Transaction& tx) {
    EXPECT_EQ(CodeOf(tx.Meetings().Update(ghost)), ErrorCode::kNotFound);
    auto list = tx.Meetings().List({});
    ASSERT_TRUE(list);
    EXPECT_TRUE(list->empty());
  });
}

TEST_P(StoreContract, MeetingSessionOfABodyIsUnique) {
  core::Meeting first = SocMeeting();
  Write([&](core::Transaction& tx) {
    auto id = tx.Meetings().Insert(first);
    ASSERT_TRUE(id);
    first.id = *id;
  });
  std::int64_t other_id = 0;
  Write([&](core::Transaction& tx) {
    // Same body, year and number, everything else different.
    core::Meeting again = BareMeeting(core::BodyCode::kSoc, {2021, 1}, D(2021, 12, 1), D(2021, 12, 2));
    EXPECT_EQ(CodeOf(tx.Meetings().Insert(again)), ErrorCode::kAlreadyExists);
    // Any part of the key differing is another session; the transaction is still usable.
    ASSERT_OK(tx.Meetings().Insert(BareMeeting(core::BodyCode::kSwg, {2021, 1}, D(2021, 6, 1), D(2021, 6, 1))));
    ASSERT_OK(tx.Meetings().Insert(BareMeeting(core::BodyCode::kSoc, {2022, 1}, D(2022, 6, 1), D(2022, 6, 1))));
    auto other = tx.Meetings().Insert(BareMeeting(core::BodyCode::kSoc, {2021, 2}, D(2021, 11, 1), D(2021, 11, 1)));
    ASSERT_TRUE(other);
    other_id = *other;
    // Moving another meeting onto a taken session is refused too.
    core::Meeting clash = BareMeeting(core::BodyCode::kSoc, {2021, 1}, D(2021, 11, 1), D(2021, 11, 1));
    clash.id = other_id;
    EXPECT_EQ(CodeOf(tx.Meetings().Update(clash)), ErrorCode::kAlreadyExists);
  });
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  auto list = tx->Meetings().List({});
  ASSERT_TRUE(list);
  EXPECT_EQ(list->size(), 4u);
  auto kept = tx->Meetings().FindBySession(core::BodyCode::kSoc, {2021, 1});
  ASSERT_TRUE(kept && kept->has_value());
  ExpectSame(first, **kept);
  auto other = tx->Meetings().Find(other_id);
  ASSERT_TRUE(other && other->has_value());
  EXPECT_EQ((*other)->session.number, 2);
}

TEST_P(StoreContract, MeetingListFiltersByBodyAndDatesAndOrdersByStartThenId) {
  // Inserted out of date order; two start on one day.
  std::vector<core::Meeting> m = {
      BareMeeting(core::BodyCode::kSoc, {2021, 2}, D(2021, 10, 10), D(2021, 10, 11)),  // ids[0]
      BareMeeting(core::BodyCode::kSwg, {2021, 1}, D(2021, 6, 20), D(2021, 6, 21)),    // ids[1]
      BareMeeting(core::BodyCode::kSoc, {2021, 1}, D(2021, 6, 22), D(2021, 6, 23)),    // ids[2]
      BareMeeting(core::BodyCode::kMm, {2021, 1}, D(2021, 6, 20), D(2021, 6, 20)),     // ids[3]
  };
  std::vector<std::int64_t> ids;
  Write([&](core::Transaction& tx) {
    for (auto& meeting : m) {
      auto id = tx.Meetings().Insert(meeting);
      ASSERT_TRUE(id) << id.error().message;
      ids.push_back(*id);
    }
  });
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  auto list = [&](core::MeetingFilter filter) {
    auto got = tx->Meetings().List(filter);
    EXPECT_TRUE(got) << got.error().message;
    return got ? Ids(*got) : std::vector<std::int64_t>{};
  };
  using V = std::vector<std::int64_t>;
  EXPECT_EQ(list({}), (V{ids[1], ids[3], ids[2], ids[0]}));
  EXPECT_EQ(list({core::BodyCode::kSoc, {}, {}}), (V{ids[2], ids[0]}));
  EXPECT_EQ(list({core::BodyCode::kCep, {}, {}}), V{});
  // from: ending on or after (the end day counts).
  EXPECT_EQ(list({std::nullopt, D(2021, 6, 21), {}}), (V{ids[1], ids[2], ids[0]}));
  // to: starting on or before (the start day counts).
  EXPECT_EQ(list({std::nullopt, {}, D(2021, 6, 22)}), (V{ids[1], ids[3], ids[2]}));
  EXPECT_EQ(list({std::nullopt, D(2021, 6, 22), D(2021, 6, 22)}), (V{ids[2]}));
  EXPECT_EQ(list({core::BodyCode::kSoc, D(2021, 6, 24), D(2021, 12, 31)}), (V{ids[0]}));
  // The list carries the children too.
  Write([&](core::Transaction& writer) {
    core::Meeting with_agenda = m[0];
    with_agenda.id = ids[0];
    with_agenda.agenda = {{1, "Item", true, {}, false, {"KAZ"}}};
    ASSERT_OK(writer.Meetings().Update(with_agenda));
  });
  auto fresh = Begin(TxMode::kRead);
  ASSERT_NE(fresh, nullptr);
  auto soc = fresh->Meetings().List({core::BodyCode::kSoc, D(2021, 10, 1), {}});
  ASSERT_TRUE(soc);
  ASSERT_EQ(soc->size(), 1u);
  ASSERT_EQ((*soc)[0].agenda.size(), 1u);
  EXPECT_EQ((*soc)[0].agenda[0].present, std::vector<std::string>{"KAZ"});
}

// --- decisions ---

TEST_P(StoreContract, DecisionRoundTripsEveryField) {
  core::Decision full = SilenceDecision(3);
  core::Decision bare = BareDecision({core::BodyCode::kMm, 2022, 2, 10}, D(2022, 10, 12));
  Write([&](core::Transaction& tx) {
    auto a = tx.Decisions().Insert(full);
    ASSERT_TRUE(a) << a.error().message;
    full.id = *a;
    auto b = tx.Decisions().Insert(bare);
    ASSERT_TRUE(b) << b.error().message;
    bare.id = *b;
  });
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  for (const auto* want : {&full, &bare}) {
    auto found = tx->Decisions().Find(want->id);
    ASSERT_TRUE(found) << found.error().message;
    ASSERT_TRUE(found->has_value());
    ExpectSame(*want, **found);
    auto by_symbol = tx->Decisions().FindBySymbol(want->symbol);
    ASSERT_TRUE(by_symbol) << by_symbol.error().message;
    ASSERT_TRUE(by_symbol->has_value());
    ExpectSame(*want, **by_symbol);
  }
  auto missing = tx->Decisions().Find(bare.id + 100);
  ASSERT_TRUE(missing);
  EXPECT_FALSE(missing->has_value());
  for (core::DecisionSymbol other : {core::DecisionSymbol{core::BodyCode::kSwg, 2021, 1, 1},
                                     core::DecisionSymbol{core::BodyCode::kSoc, 2022, 1, 1},
                                     core::DecisionSymbol{core::BodyCode::kSoc, 2021, 2, 1},
                                     core::DecisionSymbol{core::BodyCode::kSoc, 2021, 1, 2}}) {
    auto none = tx->Decisions().FindBySymbol(other);
    ASSERT_TRUE(none);
    EXPECT_FALSE(none->has_value()) << core::Format(other);
  }
}

TEST_P(StoreContract, DecisionSymbolOnceUsedIsAlreadyExists) {
  core::Decision first = SilenceDecision(3);
  Write([&](core::Transaction& tx) {
    auto id = tx.Decisions().Insert(first);
    ASSERT_TRUE(id);
    first.id = *id;
  });
  Write([&](core::Transaction& tx) {
    core::Decision again = SilenceDecision(9);
    again.title = "Another decision";
    again.recorded_on = D(2021, 12, 1);
    again.approved_documents = {"SOC/2021/DRAFT/9"};
    EXPECT_EQ(CodeOf(tx.Decisions().Insert(again)), ErrorCode::kAlreadyExists);
    // The same number in another session, year or body is another symbol.
    ASSERT_OK(tx.Decisions().Insert(BareDecision({core::BodyCode::kSoc, 2021, 2, 1}, D(2021, 10, 11))));
    ASSERT_OK(tx.Decisions().Insert(BareDecision({core::BodyCode::kSoc, 2022, 1, 1}, D(2022, 6, 1))));
    ASSERT_OK(tx.Decisions().Insert(BareDecision({core::BodyCode::kSwg, 2021, 1, 1}, D(2021, 6, 1))));
  });
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  auto kept = tx->Decisions().FindBySymbol(first.symbol);
  ASSERT_TRUE(kept && kept->has_value());
  ExpectSame(first, **kept);  // the refused insert added no children to it
  auto all = tx->Decisions().List({});
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), 4u);
}

// Decisions recorded only in the minutes carry number 0: any number of them per session, and
// no symbol to find them by.
TEST_P(StoreContract, UnnumberedDecisionsNeverConflictAndHaveNoSymbol) {
  Write([&](core::Transaction& tx) {
    ASSERT_OK(tx.Decisions().Insert(BareDecision({core::BodyCode::kSoc, 2021, 1, 0}, D(2021, 6, 23))));
    ASSERT_OK(tx.Decisions().Insert(BareDecision({core::BodyCode::kSoc, 2021, 1, 0}, D(2021, 6, 23))));
    ASSERT_OK(tx.Decisions().Insert(BareDecision({core::BodyCode::kSoc, 2021, 1, 1}, D(2021, 6, 23))));
    EXPECT_EQ(CodeOf(tx.Decisions().Insert(BareDecision({core::BodyCode::kSoc, 2021, 1, 1}, D(2021, 6, 23)))),
              ErrorCode::kAlreadyExists);
  });
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  auto none = tx->Decisions().FindBySymbol({core::BodyCode::kSoc, 2021, 1, 0});
  ASSERT_TRUE(none);
  EXPECT_FALSE(none->has_value());
  EXPECT_EQ(tx->Decisions().List({})->size(), 3u);
}

TEST_P(StoreContract, DecisionListFiltersAndOrdersByRecordedOnThenSymbol) {
  // Inserted out of order. On 2021-06-23: MM before SOC (by code, whatever the numbers), and
  // numbers as numbers (2 < 10); on 2021-10-11 the session before the number.
  std::vector<core::Decision> d = {
      BareDecision({core::BodyCode::kSoc, 2021, 1, 10}, D(2021, 6, 23), 1),  // ids[0]
      BareDecision({core::BodyCode::kSoc, 2021, 1, 2}, D(2021, 6, 23), 1),   // ids[1]
      BareDecision({core::BodyCode::kMm, 2021, 1, 5}, D(2021, 6, 23), 2),    // ids[2]
      BareDecision({core::BodyCode::kSoc, 2020, 3, 1}, D(2020, 12, 1), 5),   // ids[3]
      BareDecision({core::BodyCode::kSoc, 2021, 2, 1}, D(2021, 10, 11), 6),  // ids[4]
      BareDecision({core::BodyCode::kSoc, 2021, 1, 3}, D(2021, 10, 11), 6),  // ids[5]
  };
  std::vector<std::int64_t> ids;
  Write([&](core::Transaction& tx) {
    for (auto& decision : d) {
      auto id = tx.Decisions().Insert(decision);
      ASSERT_TRUE(id) << id.error().message;
      ids.push_back(*id);
    }
  });
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  auto list = [&](core::DecisionFilter filter) {
    auto got = tx->Decisions().List(filter);
    EXPECT_TRUE(got) << got.error().message;
    return got ? Ids(*got) : std::vector<std::int64_t>{};
  };
  using V = std::vector<std::int64_t>;
  EXPECT_EQ(list({}), (V{ids[3], ids[2], ids[1], ids[0], ids[5], ids[4]}));
  EXPECT_EQ(list({core::BodyCode::kSoc, {}, {}, {}}), (V{ids[3], ids[1], ids[0], ids[5], ids[4]}));
  EXPECT_EQ(list({std::nullopt, 1, {}, {}}), (V{ids[1], ids[0]}));
  EXPECT_EQ(list({std::nullopt, 99, {}, {}}), V{});
  EXPECT_EQ(list({std::nullopt, {}, D(2021, 6, 23), {}}), (V{ids[2], ids[1], ids[0], ids[5], ids[4]}));
  EXPECT_EQ(list({std::nullopt, {}, {}, D(2021, 6, 23)}), (V{ids[3], ids[2], ids[1], ids[0]}));
  EXPECT_EQ(list({core::BodyCode::kMm, 2, D(2021, 6, 23), D(2021, 6, 23)}), (V{ids[2]}));
  EXPECT_EQ(list({core::BodyCode::kMm, 1, {}, {}}), V{});
}

// --- silence procedures ---

TEST_P(StoreContract, SilenceRecordRoundTripsEveryField) {
  core::SilenceRecord full = BrokenSilence();
  core::SilenceRecord bare = RunningSilence(core::BodyCode::kSoc, 1616263200000);
  Write([&](core::Transaction& tx) {
    auto a = tx.SilenceProcedures().Insert(full);
    ASSERT_TRUE(a) << a.error().message;
    full.id = *a;
    auto b = tx.SilenceProcedures().Insert(bare);
    ASSERT_TRUE(b) << b.error().message;
    bare.id = *b;
  });
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  for (const auto* want : {&full, &bare}) {
    auto found = tx->SilenceProcedures().Find(want->id);
    ASSERT_TRUE(found) << found.error().message;
    ASSERT_TRUE(found->has_value());
    ExpectSame(*want, **found);
  }
  auto missing = tx->SilenceProcedures().Find(bare.id + 100);
  ASSERT_TRUE(missing);
  EXPECT_FALSE(missing->has_value());
}

TEST_P(StoreContract, SilenceUpdateReplacesTheRecordAndItsChildren) {
  core::SilenceRecord r = BrokenSilence();
  Write([&](core::Transaction& tx) {
    auto id = tx.SilenceProcedures().Insert(r);
    ASSERT_TRUE(id);
    r.id = *id;
  });
  core::SilenceRecord changed = RunningSilence(core::BodyCode::kSwg, 1700000000000);
  changed.id = r.id;
  changed.addressees = {"KGZ"};
  changed.responses = {r.responses[2]};
  changed.responses[0].seq = 1;
  Write([&](core::Transaction& tx) { ASSERT_OK(tx.SilenceProcedures().Update(changed)); });
  {
    auto tx = Begin(TxMode::kRead);
    ASSERT_NE(tx, nullptr);
    auto found = tx->SilenceProcedures().Find(r.id);
    ASSERT_TRUE(found && found->has_value());
    ExpectSame(changed, **found);
  }
  // And back: optionals present again, children restored.
  r.procedure.title = "Қайта";
  Write([&](core::Transaction& tx) { ASSERT_OK(tx.SilenceProcedures().Update(r)); });
  auto tx = Begin(TxMode::kWrite);
  ASSERT_NE(tx, nullptr);
  auto found = tx->SilenceProcedures().Find(r.id);
  ASSERT_TRUE(found && found->has_value());
  ExpectSame(r, **found);
  core::SilenceRecord ghost = r;
  ghost.id = r.id + 100;
  EXPECT_EQ(CodeOf(tx->SilenceProcedures().Update(ghost)), ErrorCode::kNotFound);
  auto all = tx->SilenceProcedures().List({});
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), 1u);
}

TEST_P(StoreContract, SilenceListFiltersByBodyAndStateInIdOrder) {
  std::vector<core::SilenceRecord> r = {RunningSilence(core::BodyCode::kSoc, 3000), BrokenSilence(),
                                        RunningSilence(core::BodyCode::kMm, 1000),
                                        RunningSilence(core::BodyCode::kSoc, 2000)};
  r[3].state = core::SilenceState::kAdopted;
  std::vector<std::int64_t> ids;
  Write([&](core::Transaction& tx) {
    for (auto& record : r) {
      auto id = tx.SilenceProcedures().Insert(record);
      ASSERT_TRUE(id) << id.error().message;
      ids.push_back(*id);
    }
  });
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  auto list = [&](core::SilenceFilter filter) {
    auto got = tx->SilenceProcedures().List(filter);
    EXPECT_TRUE(got) << got.error().message;
    return got ? Ids(*got) : std::vector<std::int64_t>{};
  };
  using V = std::vector<std::int64_t>;
  EXPECT_EQ(list({}), ids);
  EXPECT_EQ(list({core::BodyCode::kSoc, {}}), (V{ids[0], ids[3]}));
  EXPECT_EQ(list({core::BodyCode::kMm, {}}), (V{ids[1], ids[2]}));
  EXPECT_EQ(list({std::nullopt, core::SilenceState::kRunning}), (V{ids[0], ids[2]}));
  EXPECT_EQ(list({std::nullopt, core::SilenceState::kNotAdopted}), (V{ids[1]}));
  EXPECT_EQ(list({core::BodyCode::kSoc, core::SilenceState::kAdopted}), (V{ids[3]}));
  EXPECT_EQ(list({core::BodyCode::kSwg, std::nullopt}), V{});
  // Opened in [from, before): the bounds are instants, the lower one included.
  const auto day = 14 * 86400000LL;
  core::SilenceFilter since;
  since.opened_from = At(2000 - day);
  EXPECT_EQ(list(since), (V{ids[0], ids[1], ids[3]}));
  core::SilenceFilter before;
  before.opened_before = At(2000 - day);
  EXPECT_EQ(list(before), (V{ids[2]}));
  before.opened_from = At(1000 - day + 1);
  EXPECT_EQ(list(before), V{});
}

TEST_P(StoreContract, DueAtAndNextExpiryLookOnlyAtRunningProcedures) {
  {
    auto tx = Begin(TxMode::kRead);
    ASSERT_NE(tx, nullptr);
    auto next = tx->SilenceProcedures().NextExpiry();
    ASSERT_TRUE(next) << next.error().message;
    EXPECT_EQ(Ms(*next), std::nullopt);
  }
  // Expiries 3000, 1000, 2000, 2000 (a tie), and concluded procedures expiring earlier still.
  std::vector<core::SilenceRecord> r = {RunningSilence(core::BodyCode::kSoc, 3000),
                                        RunningSilence(core::BodyCode::kSoc, 2000),
                                        RunningSilence(core::BodyCode::kMm, 1000),
                                        RunningSilence(core::BodyCode::kSoc, 500),
                                        RunningSilence(core::BodyCode::kSoc, 2000),
                                        RunningSilence(core::BodyCode::kSoc, 400)};
  r[3].state = core::SilenceState::kAdopted;
  r[5].state = core::SilenceState::kNotAdopted;
  std::vector<std::int64_t> ids;
  Write([&](core::Transaction& tx) {
    for (auto& record : r) {
      auto id = tx.SilenceProcedures().Insert(record);
      ASSERT_TRUE(id) << id.error().message;
      ids.push_back(*id);
      record.id = *id;
    }
  });
  auto due = [&](core::Transaction& tx, std::int64_t now) {
    auto got = tx.SilenceProcedures().DueAt(At(now));
    EXPECT_TRUE(got) << got.error().message;
    return got ? *got : std::vector<std::int64_t>{};
  };
  using V = std::vector<std::int64_t>;
  {
    auto tx = Begin(TxMode::kRead);
    ASSERT_NE(tx, nullptr);
    EXPECT_EQ(due(*tx, 999), V{});
    EXPECT_EQ(due(*tx, 1000), (V{ids[2]}));  // at the expiry instant itself
    EXPECT_EQ(due(*tx, 2000), (V{ids[2], ids[1], ids[4]}));
    EXPECT_EQ(due(*tx, 1000000), (V{ids[2], ids[1], ids[4], ids[0]}));
    auto next = tx->SilenceProcedures().NextExpiry();
    ASSERT_TRUE(next) << next.error().message;
    EXPECT_EQ(Ms(*next), std::optional<std::int64_t>(1000));
  }
  // Concluding the earliest moves the next expiry; concluding all leaves none.
  Write([&](core::Transaction& tx) {
    r[2].state = core::SilenceState::kAdopted;
    ASSERT_OK(tx.SilenceProcedures().Update(r[2]));
    auto next = tx.SilenceProcedures().NextExpiry();
    ASSERT_TRUE(next);
    EXPECT_EQ(Ms(*next), std::optional<std::int64_t>(2000));
    EXPECT_EQ(due(tx, 2000), (V{ids[1], ids[4]}));
    for (std::size_t i : {0u, 1u, 4u}) {
      r[i].state = core::SilenceState::kNotAdopted;
      ASSERT_OK(tx.SilenceProcedures().Update(r[i]));
    }
  });
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  auto next = tx->SilenceProcedures().NextExpiry();
  ASSERT_TRUE(next);
  EXPECT_EQ(Ms(*next), std::nullopt);
  EXPECT_EQ(due(*tx, 1000000), V{});
}

// --- mandates ---

TEST_P(StoreContract, MandateRoundTripsUpdatesAndMissingIsNotFound) {
  core::Mandate before_next = BeforeNextSoc(3, "Finalise the draft updated Catalogue of CBMs — СДМ каталогы");
  core::Mandate dated = DueBy(core::BodyCode::kSoc, D(2023, 1, 31), core::MandateStatus::kWithdrawn);
  Write([&](core::Transaction& tx) {
    auto a = tx.Mandates().Insert(before_next);
    ASSERT_TRUE(a) << a.error().message;
    before_next.id = *a;
    auto b = tx.Mandates().Insert(dated);
    ASSERT_TRUE(b) << b.error().message;
    dated.id = *b;
  });
  {
    auto tx = Begin(TxMode::kRead);
    ASSERT_NE(tx, nullptr);
    for (const auto* want : {&before_next, &dated}) {
      auto found = tx->Mandates().Find(want->id);
      ASSERT_TRUE(found) << found.error().message;
      ASSERT_TRUE(found->has_value());
      ExpectSame(*want, **found);
    }
    auto missing = tx->Mandates().Find(dated.id + 100);
    ASSERT_TRUE(missing);
    EXPECT_FALSE(missing->has_value());
  }
  // Every field changes, optionals swap presence.
  core::Mandate changed = dated;
  changed.meeting_id = 8;
  changed.item_number = 4;
  changed.subject = "Жаңа міндет";
  changed.given_by = core::BodyCode::kSummit;
  changed.given_on = D(2022, 10, 13);
  changed.assignee = core::BodyCode::kTtf;
  changed.due_by = std::nullopt;
  changed.due_before_next_meeting_of = core::BodyCode::kMc;
  changed.status = core::MandateStatus::kFulfilled;
  Write([&](core::Transaction& tx) { ASSERT_OK(tx.Mandates().Update(changed)); });
  auto tx = Begin(TxMode::kWrite);
  ASSERT_NE(tx, nullptr);
  auto found = tx->Mandates().Find(dated.id);
  ASSERT_TRUE(found && found->has_value());
  ExpectSame(changed, **found);
  auto untouched = tx->Mandates().Find(before_next.id);
  ASSERT_TRUE(untouched && untouched->has_value());
  ExpectSame(before_next, **untouched);
  core::Mandate ghost = changed;
  ghost.id = dated.id + 100;
  EXPECT_EQ(CodeOf(tx->Mandates().Update(ghost)), ErrorCode::kNotFound);
}

TEST_P(StoreContract, MandateListFiltersByAssigneeStatusAndMeetingInIdOrder) {
  std::vector<core::Mandate> m = {
      BeforeNextSoc(3, "a"),                                                          // ids[0]: SWG open @3
      DueBy(core::BodyCode::kSoc, D(2023, 1, 31), core::MandateStatus::kOpen),       // ids[1]: SOC open, no meeting
      BeforeNextSoc(3, "c"),                                                          // ids[2]: SWG fulfilled @3
      BeforeNextSoc(4, "d"),                                                          // ids[3]: SWG open @4
  };
  m[2].status = core::MandateStatus::kFulfilled;
  std::vector<std::int64_t> ids;
  Write([&](core::Transaction& tx) {
    for (auto& mandate : m) {
      auto id = tx.Mandates().Insert(mandate);
      ASSERT_TRUE(id) << id.error().message;
      ids.push_back(*id);
    }
  });
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  auto list = [&](core::MandateFilter filter) {
    auto got = tx->Mandates().List(filter);
    EXPECT_TRUE(got) << got.error().message;
    return got ? Ids(*got) : std::vector<std::int64_t>{};
  };
  using V = std::vector<std::int64_t>;
  EXPECT_EQ(list({}), ids);
  EXPECT_EQ(list({core::BodyCode::kSwg, {}, {}}), (V{ids[0], ids[2], ids[3]}));
  EXPECT_EQ(list({std::nullopt, core::MandateStatus::kOpen, {}}), (V{ids[0], ids[1], ids[3]}));
  EXPECT_EQ(list({std::nullopt, {}, 3}), (V{ids[0], ids[2]}));
  EXPECT_EQ(list({core::BodyCode::kSwg, core::MandateStatus::kOpen, 3}), (V{ids[0]}));
  EXPECT_EQ(list({core::BodyCode::kSoc, core::MandateStatus::kFulfilled, {}}), V{});
  // By the body that gave them and the day it did, both bounds included.
  core::MandateFilter by;
  by.given_by = core::BodyCode::kSoc;
  EXPECT_EQ(list(by), (V{ids[0], ids[2], ids[3]}));
  by.given_by = core::BodyCode::kMm;
  EXPECT_EQ(list(by), (V{ids[1]}));
  core::MandateFilter dated;
  dated.from = D(2022, 10, 12);
  EXPECT_EQ(list(dated), (V{ids[1]}));
  dated.from.reset();
  dated.to = D(2021, 6, 23);
  EXPECT_EQ(list(dated), (V{ids[0], ids[2], ids[3]}));
  dated.to = D(2021, 6, 22);
  EXPECT_EQ(list(dated), V{});
}

// --- governance records: ids and transactions ---

TEST_P(StoreContract, GovernanceIdsIncreaseAcrossTransactionsAndIgnoreTheGivenId) {
  std::vector<std::int64_t> meetings, decisions, silences, mandates;
  for (int round = 0; round < 3; ++round) {
    Write([&](core::Transaction& tx) {
      for (int i = 0; i < 2; ++i) {
        const int n = round * 2 + i + 1;
        // The id the caller leaves in the record is ignored: 1, or one already taken.
        const std::int64_t given = meetings.empty() ? 1 : meetings.front();
        core::Meeting meeting = BareMeeting(core::BodyCode::kSoc, {2000 + n, 1}, D(2000 + n, 1, 1), D(2000 + n, 1, 1));
        meeting.id = given;
        auto a = tx.Meetings().Insert(meeting);
        ASSERT_TRUE(a) << a.error().message;
        meetings.push_back(*a);
        core::Decision decision = BareDecision({core::BodyCode::kSoc, 2000 + n, 1, 1}, D(2000 + n, 1, 1));
        decision.id = given;
        auto b = tx.Decisions().Insert(decision);
        ASSERT_TRUE(b) << b.error().message;
        decisions.push_back(*b);
        core::SilenceRecord silence = RunningSilence(core::BodyCode::kSoc, n);
        silence.id = given;
        auto c = tx.SilenceProcedures().Insert(silence);
        ASSERT_TRUE(c) << c.error().message;
        silences.push_back(*c);
        core::Mandate mandate = BeforeNextSoc(std::nullopt, std::to_string(n));
        mandate.id = given;
        auto d = tx.Mandates().Insert(mandate);
        ASSERT_TRUE(d) << d.error().message;
        mandates.push_back(*d);
      }
    });
  }
  for (const auto* ids : {&meetings, &decisions, &silences, &mandates}) {
    ASSERT_EQ(ids->size(), 6u);
    EXPECT_GT(ids->front(), 0);
    for (std::size_t i = 1; i < ids->size(); ++i) EXPECT_GT((*ids)[i], (*ids)[i - 1]);
  }
  // Nothing was overwritten by a record that carried a taken id.
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  EXPECT_EQ(Ids(*tx->Meetings().List({})), meetings);
  EXPECT_EQ(Ids(*tx->Decisions().List({})), decisions);
  EXPECT_EQ(Ids(*tx->SilenceProcedures().List({})), silences);
  EXPECT_EQ(Ids(*tx->Mandates().List({})), mandates);
  auto first = tx->Meetings().Find(meetings.front());
  ASSERT_TRUE(first && first->has_value());
  EXPECT_EQ((*first)->session.year, 2001);
}

TEST_P(StoreContract, GovernanceWritesInAReadTransactionAreRefused) {
  core::Meeting meeting = SocMeeting();
  core::SilenceRecord silence = BrokenSilence();
  core::Mandate mandate = BeforeNextSoc(1, "x");
  Write([&](core::Transaction& tx) {
    meeting.id = *tx.Meetings().Insert(meeting);
    silence.id = *tx.SilenceProcedures().Insert(silence);
    mandate.id = *tx.Mandates().Insert(mandate);
  });
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  const auto refused = std::optional<ErrorCode>(ErrorCode::kFailedPrecondition);
  EXPECT_EQ(CodeOf(tx->Chairmanships().Insert(Term("KAZ", D(2020, 1, 1), std::nullopt, ""))), refused);
  EXPECT_EQ(CodeOf(tx->Meetings().Insert(BareMeeting(core::BodyCode::kSwg, {2030, 1}, D(2030, 1, 1), D(2030, 1, 1)))),
            refused);
  EXPECT_EQ(CodeOf(tx->Meetings().Update(meeting)), refused);
  EXPECT_EQ(CodeOf(tx->Decisions().Insert(SilenceDecision(meeting.id))), refused);
  EXPECT_EQ(CodeOf(tx->SilenceProcedures().Insert(RunningSilence(core::BodyCode::kSoc, 1))), refused);
  EXPECT_EQ(CodeOf(tx->SilenceProcedures().Update(silence)), refused);
  EXPECT_EQ(CodeOf(tx->Mandates().Insert(mandate)), refused);
  EXPECT_EQ(CodeOf(tx->Mandates().Update(mandate)), refused);
  // Reads still work, and nothing changed.
  auto list = tx->Mandates().List({});
  ASSERT_TRUE(list) << list.error().message;
  EXPECT_EQ(list->size(), 1u);
  EXPECT_TRUE(tx->Chairmanships().List()->empty());
  EXPECT_TRUE(tx->Decisions().List({})->empty());
}

TEST_P(StoreContract, GovernanceWritesDroppedWithoutCommitLeaveNothing) {
  {
    auto tx = Begin(TxMode::kWrite);
    ASSERT_NE(tx, nullptr);
    ASSERT_OK(tx->Chairmanships().Insert(Term("KAZ", D(2020, 1, 1), std::nullopt, "")));
    auto meeting = tx->Meetings().Insert(SocMeeting());
    ASSERT_TRUE(meeting);
    ASSERT_TRUE(tx->Decisions().Insert(SilenceDecision(*meeting)));
    ASSERT_TRUE(tx->SilenceProcedures().Insert(BrokenSilence()));
    ASSERT_TRUE(tx->Mandates().Insert(BeforeNextSoc(*meeting, "x")));
    auto own = tx->Meetings().Find(*meeting);
    ASSERT_TRUE(own);
    EXPECT_TRUE(own->has_value());
  }
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  EXPECT_TRUE(tx->Chairmanships().List()->empty());
  EXPECT_TRUE(tx->Meetings().List({})->empty());
  EXPECT_FALSE(tx->Meetings().FindBySession(core::BodyCode::kSoc, {2021, 1})->has_value());
  EXPECT_TRUE(tx->Decisions().List({})->empty());
  EXPECT_TRUE(tx->SilenceProcedures().List({})->empty());
  EXPECT_FALSE(tx->SilenceProcedures().NextExpiry()->has_value());
  EXPECT_TRUE(tx->Mandates().List({})->empty());
}

// --- documents: builders ---

core::Paragraph Para(std::string id, core::ParagraphStyle style, std::string text, int item_number = 0,
                     bool closed_to_observers = false) {
  return core::Paragraph{std::move(id), style, std::move(text), item_number, closed_to_observers};
}

core::LanguageVersion LanguageText(std::string lang, core::TranslationStatus status, std::string title,
                                   std::vector<core::Paragraph> paragraphs) {
  return core::LanguageVersion{core::DocumentContent{std::move(lang), std::move(title), std::move(paragraphs)}, status};
}

core::DocumentVersion Version(int number, std::vector<core::LanguageVersion> languages) {
  core::DocumentVersion v;
  v.number = number;
  v.created_at = At(1624420800000 + number);
  v.author_id = number == 1 ? 0 : 5;
  v.author = number == 1 ? "" : "әкімші";
  v.reason = number == 1 ? "draft circulated for comments" : "reflecting comments of Member States — түзетулер";
  v.languages = std::move(languages);
  return v;
}

// Version `number` of a draft: its texts differ by the number, so that versions can be told
// apart. Three languages, given in an order that is not sorted (kk, en, ru); paragraphs in an
// order that is not sorted by id; every style; an empty title, text and paragraph list.
core::DocumentVersion DraftVersion(int number) {
  const std::string n = std::to_string(number);
  return Version(
      number,
      {LanguageText("kk", core::TranslationStatus::kOriginal, "Ереже жобасы " + n,
                    {Para("p3", core::ParagraphStyle::kTitle, "ЕРЕЖЕ " + n),
                     Para("p1", core::ParagraphStyle::kText, "ә ғ қ ң ө ұ ү һ і — Ә Ғ Қ Ң Ө Ұ Ү Һ І " + n),
                     Para("item-4-p2", core::ParagraphStyle::kItemHeading, "4. Бақылаушылар", 4, true),
                     Para("p10", core::ParagraphStyle::kSubheading, "Пікірлер", 4, true),
                     Para("p2", core::ParagraphStyle::kListItem, "", 4)}),
       LanguageText("en", core::TranslationStatus::kVerified, "Draft Regulation " + n,
                    {Para("p3", core::ParagraphStyle::kTitle, "REGULATION " + n),
                     Para("p1", core::ParagraphStyle::kText, "Text " + n)}),
       LanguageText("ru", core::TranslationStatus::kInProgress, "", {})});
}

// A draft regulation with every field set: former symbols, stages with and without their
// optionals, in an order that is not sorted, and two versions.
core::Document Draft() {
  core::Document d;
  d.symbol = "MM/2021/DRAFT/1";
  d.former_symbols = {"SWG/2021/DRAFT/3", "SOC/2021/DRAFT/2"};
  d.kind = core::DocumentKind::kDraftRegulation;
  d.body = core::BodyCode::kMm;
  d.access = core::AccessCategory::kMembersAndObservers;
  d.original_language = "kk";
  d.meeting_id = 12;
  d.versions = {DraftVersion(1), DraftVersion(2)};
  d.versions[0].status = core::VersionStatus::kFinal;  // kept as given (DraftVersion: kDraft)
  d.versions[1].status = core::VersionStatus::kCorrigendum;
  d.stages = {
      {core::BodyCode::kSoc, core::StageKind::kRecommended, D(2021, 6, 23), 7, 11, core::BodyCode::kMm},
      {core::BodyCode::kSwg, core::StageKind::kConsensusReached, D(2021, 3, 1), 4, std::nullopt, std::nullopt},
      {core::BodyCode::kMm, core::StageKind::kSubmitted, D(2021, 10, 1), std::nullopt, std::nullopt, std::nullopt},
  };
  return d;
}

// Nothing optional present, empty strings, no children and no versions.
core::Document BareDocument(std::string symbol, core::DocumentKind kind = core::DocumentKind::kNote,
                            core::BodyCode body = core::BodyCode::kSoc,
                            std::optional<std::int64_t> meeting_id = std::nullopt) {
  core::Document d;
  d.symbol = std::move(symbol);
  d.kind = kind;
  d.body = body;
  d.access = core::AccessCategory::kSecretariatOnly;
  d.original_language = "";
  d.meeting_id = meeting_id;
  return d;
}

void ExpectSame(const core::DocumentVersion& want, const core::DocumentVersion& got) {
  SCOPED_TRACE("version " + std::to_string(want.number));
  EXPECT_EQ(got.number, want.number);
  EXPECT_EQ(Ms(got.created_at), Ms(want.created_at));
  EXPECT_EQ(got.author_id, want.author_id);
  EXPECT_EQ(got.author, want.author);
  EXPECT_EQ(got.reason, want.reason);
  EXPECT_EQ(got.status, want.status);
  ASSERT_EQ(got.languages.size(), want.languages.size());
  for (std::size_t i = 0; i < want.languages.size(); ++i) {
    SCOPED_TRACE("languages[" + std::to_string(i) + "]");
    const auto& g = got.languages[i];
    const auto& w = want.languages[i];
    EXPECT_EQ(g.status, w.status);
    EXPECT_EQ(g.content.lang, w.content.lang);
    EXPECT_EQ(g.content.title, w.content.title);
    ASSERT_EQ(g.content.paragraphs.size(), w.content.paragraphs.size());
    for (std::size_t j = 0; j < w.content.paragraphs.size(); ++j) {
      SCOPED_TRACE("paragraphs[" + std::to_string(j) + "]");
      EXPECT_EQ(g.content.paragraphs[j].id, w.content.paragraphs[j].id);
      EXPECT_EQ(g.content.paragraphs[j].style, w.content.paragraphs[j].style);
      EXPECT_EQ(g.content.paragraphs[j].text, w.content.paragraphs[j].text);
      EXPECT_EQ(g.content.paragraphs[j].item_number, w.content.paragraphs[j].item_number);
      EXPECT_EQ(g.content.paragraphs[j].closed_to_observers, w.content.paragraphs[j].closed_to_observers);
    }
  }
}

void ExpectSame(const core::Document& want, const core::Document& got) {
  SCOPED_TRACE("document " + want.symbol);
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.symbol, want.symbol);
  EXPECT_EQ(got.former_symbols, want.former_symbols);
  EXPECT_EQ(got.kind, want.kind);
  EXPECT_EQ(got.body, want.body);
  EXPECT_EQ(got.access, want.access);
  EXPECT_EQ(got.original_language, want.original_language);
  EXPECT_EQ(got.meeting_id, want.meeting_id);
  ASSERT_EQ(got.versions.size(), want.versions.size());
  for (std::size_t i = 0; i < want.versions.size(); ++i) ExpectSame(want.versions[i], got.versions[i]);
  ASSERT_EQ(got.stages.size(), want.stages.size());
  for (std::size_t i = 0; i < want.stages.size(); ++i) {
    SCOPED_TRACE("stages[" + std::to_string(i) + "]");
    EXPECT_EQ(got.stages[i].body, want.stages[i].body);
    EXPECT_EQ(got.stages[i].kind, want.stages[i].kind);
    EXPECT_EQ(core::FormatDate(got.stages[i].on), core::FormatDate(want.stages[i].on));
    EXPECT_EQ(got.stages[i].meeting_id, want.stages[i].meeting_id);
    EXPECT_EQ(got.stages[i].decision_id, want.stages[i].decision_id);
    EXPECT_EQ(got.stages[i].recommended_to, want.stages[i].recommended_to);
  }
}

// What List shows of `d`: every version's metadata, only the latest version's texts.
core::Document AsListed(core::Document d) {
  for (std::size_t i = 0; i + 1 < d.versions.size(); ++i) d.versions[i].languages.clear();
  return d;
}

// --- documents ---

TEST_P(StoreContract, DocumentRoundTripsEveryField) {
  core::Document full = Draft();
  core::Document bare = BareDocument("SOC/2021-I/Minutes");
  Write([&](core::Transaction& tx) {
    full.id = 77;  // ignored, like every given id
    auto a = tx.Documents().Insert(full);
    ASSERT_TRUE(a) << a.error().message;
    full.id = *a;
    auto b = tx.Documents().Insert(bare);
    ASSERT_TRUE(b) << b.error().message;
    bare.id = *b;
    EXPECT_GT(bare.id, full.id);
  });
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  for (const auto* want : {&full, &bare}) {
    auto found = tx->Documents().Find(want->id);
    ASSERT_TRUE(found) << found.error().message;
    ASSERT_TRUE(found->has_value());
    ExpectSame(*want, **found);
    std::vector<std::string> symbols = want->former_symbols;
    symbols.push_back(want->symbol);
    for (const auto& symbol : symbols) {
      SCOPED_TRACE("by symbol " + symbol);
      auto by_symbol = tx->Documents().FindBySymbol(symbol);
      ASSERT_TRUE(by_symbol) << by_symbol.error().message;
      ASSERT_TRUE(by_symbol->has_value());
      ExpectSame(*want, **by_symbol);
    }
  }
  auto missing = tx->Documents().Find(bare.id + 100);
  ASSERT_TRUE(missing);
  EXPECT_FALSE(missing->has_value());
  // Symbols match exactly: no other case, no prefix.
  for (const char* other : {"mm/2021/draft/1", "MM/2021/DRAFT", "MM/2021/DRAFT/10", ""}) {
    auto none = tx->Documents().FindBySymbol(other);
    ASSERT_TRUE(none) << none.error().message;
    EXPECT_FALSE(none->has_value()) << other;
  }
}

TEST_P(StoreContract, DocumentSymbolCurrentOrFormerBelongsToOneDocument) {
  core::Document first = Draft();  // MM/2021/DRAFT/1, formerly SWG/2021/DRAFT/3 and SOC/2021/DRAFT/2
  Write([&](core::Transaction& tx) {
    auto id = tx.Documents().Insert(first);
    ASSERT_TRUE(id) << id.error().message;
    first.id = *id;
  });
  core::Document second = BareDocument("MM/2021/DRAFT/2");
  Write([&](core::Transaction& tx) {
    auto clash = [&](std::string symbol, std::vector<std::string> former) {
      core::Document d = Draft();
      d.symbol = std::move(symbol);
      d.former_symbols = std::move(former);
      return CodeOf(tx.Documents().Insert(d));
    };
    const auto taken = std::optional<ErrorCode>(ErrorCode::kAlreadyExists);
    EXPECT_EQ(clash("MM/2021/DRAFT/1", {}), taken);                      // current vs current
    EXPECT_EQ(clash("SOC/2021/DRAFT/2", {}), taken);                     // current vs former
    EXPECT_EQ(clash("MM/2021/DRAFT/9", {"MM/2021/DRAFT/1"}), taken);     // former vs current
    EXPECT_EQ(clash("MM/2021/DRAFT/9", {"X/1", "SWG/2021/DRAFT/3"}), taken);  // former vs former
    // The transaction is still usable, and the refused inserts left nothing behind: their own
    // symbols are free.
    auto id = tx.Documents().Insert(second);
    ASSERT_TRUE(id) << id.error().message;
    second.id = *id;
    core::Document ninth = BareDocument("MM/2021/DRAFT/9");
    ninth.former_symbols = {"X/1"};
    ASSERT_OK(tx.Documents().Insert(ninth));
    // Update is held to the same rule, for the new symbol and for former ones.
    core::Document moved = second;
    moved.symbol = "SWG/2021/DRAFT/3";
    EXPECT_EQ(CodeOf(tx.Documents().Update(moved)), taken);
    moved.symbol = "MM/2021/DRAFT/1";
    EXPECT_EQ(CodeOf(tx.Documents().Update(moved)), taken);
    moved.symbol = second.symbol;
    moved.former_symbols = {"X/1"};
    EXPECT_EQ(CodeOf(tx.Documents().Update(moved)), taken);
  });
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  auto list = tx->Documents().List({});
  ASSERT_TRUE(list) << list.error().message;
  EXPECT_EQ(list->size(), 3u);
  auto kept = tx->Documents().FindBySymbol("SWG/2021/DRAFT/3");
  ASSERT_TRUE(kept && kept->has_value());
  ExpectSame(first, **kept);
  auto unchanged = tx->Documents().Find(second.id);
  ASSERT_TRUE(unchanged && unchanged->has_value());
  ExpectSame(second, **unchanged);
}

TEST_P(StoreContract, DocumentUpdateMovesTheSymbolAndTheOldOneStaysFindable) {
  core::Document d = Draft();
  Write([&](core::Transaction& tx) {
    auto id = tx.Documents().Insert(d);
    ASSERT_TRUE(id) << id.error().message;
    d.id = *id;
  });
  // Adopted: the decision's symbol becomes current, the draft's is kept among the former ones.
  core::Document adopted = d;
  adopted.symbol = "MM/2021-III/DEC/2";
  adopted.former_symbols.push_back(d.symbol);
  adopted.access = core::AccessCategory::kPublic;
  adopted.stages.push_back({core::BodyCode::kMm, core::StageKind::kAdopted, D(2021, 10, 12), 9, 20, std::nullopt});
  Write([&](core::Transaction& tx) { ASSERT_OK(tx.Documents().Update(adopted)); });
  {
    auto tx = Begin(TxMode::kWrite);
    ASSERT_NE(tx, nullptr);
    for (const auto& symbol : {adopted.symbol, d.symbol, d.former_symbols[0]}) {
      auto found = tx->Documents().FindBySymbol(symbol);
      ASSERT_TRUE(found) << found.error().message;
      ASSERT_TRUE(found->has_value()) << symbol;
      ExpectSame(adopted, **found);
    }
    // The old symbol, kept as a former one, stays taken.
    EXPECT_EQ(CodeOf(tx->Documents().Insert(BareDocument(d.symbol))), ErrorCode::kAlreadyExists);
    // Stages may shrink, and a document may take back a symbol it held before.
    core::Document back = adopted;
    back.symbol = d.symbol;
    back.stages = {};
    ASSERT_OK(tx->Documents().Update(back));
    auto found = tx->Documents().Find(d.id);
    ASSERT_TRUE(found && found->has_value());
    ExpectSame(back, **found);
    // A former symbol dropped is no longer the document's, and is free again.
    back.former_symbols = {};
    ASSERT_OK(tx->Documents().Update(back));
    auto gone = tx->Documents().FindBySymbol("SWG/2021/DRAFT/3");
    ASSERT_TRUE(gone);
    EXPECT_FALSE(gone->has_value());
    ASSERT_OK(tx->Documents().Insert(BareDocument("SWG/2021/DRAFT/3")));
    // Not committed: the checks below see `adopted`.
  }
  auto tx = Begin(TxMode::kWrite);
  ASSERT_NE(tx, nullptr);
  auto found = tx->Documents().Find(d.id);
  ASSERT_TRUE(found && found->has_value());
  ExpectSame(adopted, **found);
  core::Document ghost = adopted;
  ghost.id = d.id + 100;
  ghost.symbol = "GHOST/1";
  ghost.former_symbols = {};
  EXPECT_EQ(CodeOf(tx->Documents().Update(ghost)), ErrorCode::kNotFound);
  auto none = tx->Documents().FindBySymbol("GHOST/1");
  ASSERT_TRUE(none);
  EXPECT_FALSE(none->has_value());
}

TEST_P(StoreContract, DocumentLabelIsTheCurrentSymbolAndTheVersionsTitleInTheLanguage) {
  core::Document d = Draft();
  Write([&](core::Transaction& tx) {
    auto id = tx.Documents().Insert(d);
    ASSERT_TRUE(id) << id.error().message;
    d.id = *id;
    core::Document renamed = d;
    renamed.symbol = "MM/2021-III/DEC/2";
    renamed.former_symbols.push_back(d.symbol);
    ASSERT_OK(tx.Documents().Update(renamed));
  });
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  auto label = [&](std::int64_t id, int version, std::string lang) {
    auto found = tx->Documents().Label(id, version, lang);
    EXPECT_TRUE(found) << found.error().message;
    return found ? *found : std::nullopt;
  };
  auto kk2 = label(d.id, 2, "kk");
  ASSERT_TRUE(kk2);
  EXPECT_EQ(kk2->symbol, "MM/2021-III/DEC/2");
  EXPECT_EQ(kk2->title, "Ереже жобасы 2");
  EXPECT_EQ(label(d.id, 1, "en")->title, "Draft Regulation 1");
  EXPECT_EQ(label(d.id, 1, "ru")->title, "");  // the text exists with an empty title
  auto missing = label(d.id, 3, "en");  // no such version, or language: the symbol all the same
  ASSERT_TRUE(missing);
  EXPECT_EQ((std::pair{missing->symbol, missing->title}), (std::pair<std::string, std::string>{"MM/2021-III/DEC/2", ""}));
  EXPECT_EQ(label(d.id, 1, "fr")->title, "");
  EXPECT_FALSE(label(d.id + 1, 1, "en"));
}

TEST_P(StoreContract, DocumentUpdateWritesOnlySymbolsAccessAndStages) {
  core::Document d = Draft();
  Write([&](core::Transaction& tx) {
    auto id = tx.Documents().Insert(d);
    ASSERT_TRUE(id) << id.error().message;
    d.id = *id;
  });
  core::Document changed = BareDocument("MM/2021/DRAFT/1-rev", core::DocumentKind::kMinutes, core::BodyCode::kSwg, 99);
  changed.id = d.id;
  changed.original_language = "ru";
  changed.access = core::AccessCategory::kMemberStatesOnly;
  changed.former_symbols = {"Ә/1"};
  changed.stages = {d.stages[1]};
  // Versions in the given struct are ignored: none, a changed one, one that is not stored.
  for (std::vector<core::DocumentVersion> versions :
       {std::vector<core::DocumentVersion>{},
        std::vector<core::DocumentVersion>{DraftVersion(2)},
        std::vector<core::DocumentVersion>{DraftVersion(1), DraftVersion(2), DraftVersion(3)}}) {
    changed.versions = versions;
    if (!versions.empty()) changed.versions[0].reason = "rewritten";
    Write([&](core::Transaction& tx) { ASSERT_OK(tx.Documents().Update(changed)); });
  }
  core::Document want = d;
  want.symbol = changed.symbol;
  want.former_symbols = changed.former_symbols;
  want.access = changed.access;
  want.stages = changed.stages;
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  auto found = tx->Documents().Find(d.id);
  ASSERT_TRUE(found) << found.error().message;
  ASSERT_TRUE(found->has_value());
  ExpectSame(want, **found);  // kind, body, language, meeting and both versions as inserted
}

TEST_P(StoreContract, AddVersionAppendsOnlyTheNextNumber) {
  core::Document d = Draft();
  d.versions = {DraftVersion(1)};
  core::Document empty = BareDocument("SOC/2021-I/Agenda");
  Write([&](core::Transaction& tx) {
    auto id = tx.Documents().Insert(d);
    ASSERT_TRUE(id) << id.error().message;
    d.id = *id;
    auto other = tx.Documents().Insert(empty);
    ASSERT_TRUE(other) << other.error().message;
    empty.id = *other;
  });
  Write([&](core::Transaction& tx) {
    const auto conflict = std::optional<ErrorCode>(ErrorCode::kConflict);
    EXPECT_EQ(CodeOf(tx.Documents().AddVersion(d.id, DraftVersion(3))), conflict);  // a gap
    EXPECT_EQ(CodeOf(tx.Documents().AddVersion(d.id, DraftVersion(1))), conflict);  // taken
    EXPECT_EQ(CodeOf(tx.Documents().AddVersion(d.id, DraftVersion(0))), conflict);
    EXPECT_EQ(CodeOf(tx.Documents().AddVersion(d.id + empty.id + 100, DraftVersion(2))),
              std::optional<ErrorCode>(ErrorCode::kNotFound));
    // Two texts in one language: refused whole, nothing of the version is written.
    core::DocumentVersion doubled = DraftVersion(2);
    doubled.languages.push_back(doubled.languages[1]);
    EXPECT_EQ(CodeOf(tx.Documents().AddVersion(d.id, doubled)), std::optional<ErrorCode>(ErrorCode::kAlreadyExists));
    ASSERT_OK(tx.Documents().AddVersion(d.id, DraftVersion(2)));
    EXPECT_EQ(CodeOf(tx.Documents().AddVersion(d.id, DraftVersion(2))), conflict);  // now taken
    // A document without versions starts at 1.
    EXPECT_EQ(CodeOf(tx.Documents().AddVersion(empty.id, DraftVersion(2))), conflict);
    ASSERT_OK(tx.Documents().AddVersion(empty.id, DraftVersion(1)));
    // Insert stores the versions given only if they are numbered 1, 2, … in order.
    for (std::vector<int> numbers : {std::vector<int>{2}, std::vector<int>{1, 3}, std::vector<int>{2, 1},
                                     std::vector<int>{1, 1}}) {
      core::Document bad = BareDocument("SOC/2021/DRAFT/5");
      for (int n : numbers) bad.versions.push_back(DraftVersion(n));
      EXPECT_EQ(CodeOf(tx.Documents().Insert(bad)), conflict);
    }
    auto none = tx.Documents().FindBySymbol("SOC/2021/DRAFT/5");
    ASSERT_TRUE(none);
    EXPECT_FALSE(none->has_value());
  });
  d.versions.push_back(DraftVersion(2));
  empty.versions.push_back(DraftVersion(1));
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  for (const auto* want : {&d, &empty}) {
    auto found = tx->Documents().Find(want->id);
    ASSERT_TRUE(found) << found.error().message;
    ASSERT_TRUE(found->has_value());
    ExpectSame(*want, **found);
  }
  auto list = tx->Documents().List({});
  ASSERT_TRUE(list);
  EXPECT_EQ(list->size(), 2u);
}

TEST_P(StoreContract, DocumentListFiltersAndCarriesOnlyTheLatestContent) {
  core::Document draft = Draft();  // MM, meeting 12, versions 1 and 2
  draft.versions.push_back(DraftVersion(3));
  std::vector<core::Document> docs = {
      draft,                                                                                          // ids[0]
      BareDocument("SOC/2021-I/Minutes", core::DocumentKind::kMinutes, core::BodyCode::kSoc, 12),    // ids[1]
      BareDocument("SOC/2021-II/Minutes", core::DocumentKind::kMinutes, core::BodyCode::kSoc, 13),   // ids[2]
      BareDocument("MM/2021/Note/1", core::DocumentKind::kNote, core::BodyCode::kMm),                 // ids[3]
  };
  docs[1].versions = {Version(1, {LanguageText("en", core::TranslationStatus::kOriginal, "Minutes",
                                               {Para("p1", core::ParagraphStyle::kText, "Минуттар")})})};
  docs[3].versions = {DraftVersion(1), Version(2, {})};  // the latest version has no texts
  std::vector<std::int64_t> ids;
  Write([&](core::Transaction& tx) {
    for (auto& d : docs) {
      auto id = tx.Documents().Insert(d);
      ASSERT_TRUE(id) << id.error().message;
      d.id = *id;
      ids.push_back(*id);
    }
  });
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  auto list = [&](core::DocumentFilter filter) {
    auto got = tx->Documents().List(filter);
    EXPECT_TRUE(got) << got.error().message;
    return got ? *got : std::vector<core::Document>{};
  };
  using V = std::vector<std::int64_t>;
  EXPECT_EQ(Ids(list({})), ids);
  EXPECT_EQ(Ids(list({core::DocumentKind::kMinutes, {}, {}})), (V{ids[1], ids[2]}));
  EXPECT_EQ(Ids(list({std::nullopt, core::BodyCode::kMm, {}})), (V{ids[0], ids[3]}));
  EXPECT_EQ(Ids(list({std::nullopt, {}, 12})), (V{ids[0], ids[1]}));
  EXPECT_EQ(Ids(list({core::DocumentKind::kMinutes, core::BodyCode::kSoc, 13})), (V{ids[2]}));
  EXPECT_EQ(Ids(list({core::DocumentKind::kMinutes, core::BodyCode::kMm, {}})), V{});
  EXPECT_EQ(Ids(list({core::DocumentKind::kAgenda, {}, {}})), V{});
  EXPECT_EQ(Ids(list({std::nullopt, {}, 99})), V{});
  // Every version's metadata, the latest version's texts only, the rest of the document whole;
  // with and without a filter.
  auto all = list({});
  ASSERT_EQ(all.size(), docs.size());
  for (std::size_t i = 0; i < docs.size(); ++i) ExpectSame(AsListed(docs[i]), all[i]);
  auto at_meeting = list({std::nullopt, {}, 12});
  ASSERT_EQ(at_meeting.size(), 2u);
  ExpectSame(AsListed(docs[0]), at_meeting[0]);
  ExpectSame(AsListed(docs[1]), at_meeting[1]);
  // Find still returns every version's texts.
  auto found = tx->Documents().Find(ids[0]);
  ASSERT_TRUE(found && found->has_value());
  ExpectSame(docs[0], **found);
  tx.reset();
  // A new version becomes the one a list shows.
  Write([&](core::Transaction& writer) { ASSERT_OK(writer.Documents().AddVersion(ids[1], DraftVersion(2))); });
  docs[1].versions.push_back(DraftVersion(2));
  auto fresh = Begin(TxMode::kRead);
  ASSERT_NE(fresh, nullptr);
  auto minutes = fresh->Documents().List({core::DocumentKind::kMinutes, {}, 12});
  ASSERT_TRUE(minutes) << minutes.error().message;
  ASSERT_EQ(minutes->size(), 1u);
  ExpectSame(AsListed(docs[1]), (*minutes)[0]);
}

TEST_P(StoreContract, DocumentWritesInAReadTransactionAreRefused) {
  core::Document d = Draft();
  Write([&](core::Transaction& tx) {
    auto id = tx.Documents().Insert(d);
    ASSERT_TRUE(id) << id.error().message;
    d.id = *id;
  });
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  const auto refused = std::optional<ErrorCode>(ErrorCode::kFailedPrecondition);
  EXPECT_EQ(CodeOf(tx->Documents().Insert(BareDocument("SOC/2021/DRAFT/8"))), refused);
  core::Document changed = d;
  changed.symbol = "SOC/2021/DRAFT/9";
  EXPECT_EQ(CodeOf(tx->Documents().Update(changed)), refused);
  EXPECT_EQ(CodeOf(tx->Documents().AddVersion(d.id, DraftVersion(3))), refused);
  // Reads still work, and nothing changed.
  auto found = tx->Documents().Find(d.id);
  ASSERT_TRUE(found) << found.error().message;
  ASSERT_TRUE(found->has_value());
  ExpectSame(d, **found);
  EXPECT_EQ(tx->Documents().List({})->size(), 1u);
}

TEST_P(StoreContract, DocumentWritesDroppedWithoutCommitLeaveNothing) {
  core::Document d = Draft();
  d.versions = {DraftVersion(1)};
  Write([&](core::Transaction& tx) {
    auto id = tx.Documents().Insert(d);
    ASSERT_TRUE(id) << id.error().message;
    d.id = *id;
  });
  {
    auto tx = Begin(TxMode::kWrite);
    ASSERT_NE(tx, nullptr);
    ASSERT_TRUE(tx->Documents().Insert(BareDocument("SOC/2021/DRAFT/8")));
    core::Document changed = d;
    changed.symbol = "SOC/2021/DRAFT/9";
    changed.stages.clear();
    ASSERT_OK(tx->Documents().Update(changed));
    ASSERT_OK(tx->Documents().AddVersion(d.id, DraftVersion(2)));
    auto own = tx->Documents().FindBySymbol("SOC/2021/DRAFT/8");
    ASSERT_TRUE(own);
    EXPECT_TRUE(own->has_value());
  }
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  auto list = tx->Documents().List({});
  ASSERT_TRUE(list) << list.error().message;
  ASSERT_EQ(list->size(), 1u);
  ExpectSame(d, (*list)[0]);
  EXPECT_FALSE(tx->Documents().FindBySymbol("SOC/2021/DRAFT/9")->has_value());
}

// --- comment rounds ---

core::Comment MakeComment(int seq, std::string participant_id, std::string paragraph_id, std::string lang,
                          std::string text, std::optional<std::string> proposed_text, core::CommentOutcome outcome,
                          std::string reason, std::optional<std::string> applied_text) {
  core::Comment c;
  c.seq = seq;
  c.participant_id = std::move(participant_id);
  c.paragraph_id = std::move(paragraph_id);
  c.lang = std::move(lang);
  c.text = std::move(text);
  c.proposed_text = std::move(proposed_text);
  c.submitted_at = At(1624406400000 + seq * 60'000);
  c.submitted_by = 40 + seq;
  c.outcome = outcome;
  c.reason = std::move(reason);
  c.applied_text = std::move(applied_text);
  return c;
}

// A round on version 2 of document `document_id`, with three addressees and a comment of each
// outcome: Cyrillic and Kazakh text, proposed and applied texts present and absent, an empty
// reason; not yet consolidated.
core::CommentRound MinutesRound(std::int64_t document_id) {
  core::CommentRound r;
  r.document_id = document_id;
  r.version = 2;
  r.opened_at = At(1624320000000);
  r.deadline = At(1625011199999);
  r.addressees = {"RUS", "KAZ", "AZE"};
  r.comments = {
      MakeComment(1, "KAZ", "p3", "kk", "Қазақ мәтіні: ә ғ қ ң ө ұ ү һ і", "Ұсынылған мәтін — Ә Ғ Қ Ң Ө Ұ Ү Һ І",
                  core::CommentOutcome::kAccepted, "Ескертпе қабылданды", std::nullopt),
      MakeComment(2, "RUS", "p3", "ru", "Предлагаем уточнить формулировку", "Совещание приняло к сведению",
                  core::CommentOutcome::kAcceptedWithChanges, "Принято с изменениями",
                  "Совещание приняло к сведению доклад"),
      MakeComment(3, "AZE", "p7", "en", "", std::nullopt, core::CommentOutcome::kNotAccepted,
                  "Not what was said at the meeting", std::nullopt),
      MakeComment(4, "RUS", "p9", "ru", "Опечатка", std::nullopt, core::CommentOutcome::kPending, "", std::nullopt),
  };
  return r;
}

// Nothing optional present, no addressees and no comments.
core::CommentRound BareRound(std::int64_t document_id, int version = 1) {
  core::CommentRound r;
  r.document_id = document_id;
  r.version = version;
  return r;
}

void ExpectSame(const core::CommentRound& want, const core::CommentRound& got) {
  SCOPED_TRACE("comment round " + std::to_string(want.id));
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.document_id, want.document_id);
  EXPECT_EQ(got.version, want.version);
  EXPECT_EQ(Ms(got.opened_at), Ms(want.opened_at));
  EXPECT_EQ(Ms(got.deadline), Ms(want.deadline));
  EXPECT_EQ(got.addressees, want.addressees);
  EXPECT_EQ(got.consolidated_into, want.consolidated_into);
  ASSERT_EQ(got.comments.size(), want.comments.size());
  for (std::size_t i = 0; i < want.comments.size(); ++i) {
    SCOPED_TRACE("comments[" + std::to_string(i) + "]");
    const auto& g = got.comments[i];
    const auto& w = want.comments[i];
    EXPECT_EQ(g.seq, w.seq);
    EXPECT_EQ(g.participant_id, w.participant_id);
    EXPECT_EQ(g.paragraph_id, w.paragraph_id);
    EXPECT_EQ(g.lang, w.lang);
    EXPECT_EQ(g.text, w.text);
    EXPECT_EQ(g.proposed_text, w.proposed_text);
    EXPECT_EQ(Ms(g.submitted_at), Ms(w.submitted_at));
    EXPECT_EQ(g.submitted_by, w.submitted_by);
    EXPECT_EQ(g.outcome, w.outcome);
    EXPECT_EQ(g.reason, w.reason);
    EXPECT_EQ(g.applied_text, w.applied_text);
  }
}

TEST_P(StoreContract, CommentRoundRoundTripsEveryField) {
  core::CommentRound full = MinutesRound(3);
  core::CommentRound bare = BareRound(4);
  Write([&](core::Transaction& tx) {
    full.id = 77;  // ignored, like every given id
    auto a = tx.CommentRounds().Insert(full);
    ASSERT_TRUE(a) << a.error().message;
    full.id = *a;
    auto b = tx.CommentRounds().Insert(bare);
    ASSERT_TRUE(b) << b.error().message;
    bare.id = *b;
  });
  EXPECT_GT(full.id, 0);
  EXPECT_GT(bare.id, full.id);
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  for (const auto* want : {&full, &bare}) {
    auto found = tx->CommentRounds().Find(want->id);
    ASSERT_TRUE(found) << found.error().message;
    ASSERT_TRUE(found->has_value());
    ExpectSame(*want, **found);
  }
  auto missing = tx->CommentRounds().Find(bare.id + 100);
  ASSERT_TRUE(missing) << missing.error().message;
  EXPECT_FALSE(missing->has_value());
}

TEST_P(StoreContract, CommentRoundUpdateReplacesTheCommentsAndSetsConsolidatedInto) {
  core::CommentRound round = MinutesRound(3);
  core::CommentRound other = MinutesRound(3);
  Write([&](core::Transaction& tx) {
    round.id = *tx.CommentRounds().Insert(round);
    other.id = *tx.CommentRounds().Insert(other);
  });
  // Comments dropped, changed and added; addressees replaced; consolidated into version 3.
  core::CommentRound changed = round;
  changed.deadline = At(1625097599999);
  changed.addressees = {"TJK"};
  changed.comments = {
      MakeComment(2, "RUS", "p4", "ru", "Уточнённый комментарий", std::nullopt, core::CommentOutcome::kNotAccepted,
                  "Не соответствует стенограмме", std::nullopt),
      MakeComment(5, "TJK", "p1", "tg", "Тоҷикистон", "Матни пешниҳодшуда",
                  core::CommentOutcome::kAcceptedWithChanges, "", "Матни қабулшуда"),
  };
  changed.consolidated_into = 3;
  Write([&](core::Transaction& tx) { ASSERT_OK(tx.CommentRounds().Update(changed)); });
  {
    auto tx = Begin(TxMode::kRead);
    ASSERT_NE(tx, nullptr);
    auto found = tx->CommentRounds().Find(round.id);
    ASSERT_TRUE(found && found->has_value());
    ExpectSame(changed, **found);
    auto untouched = tx->CommentRounds().Find(other.id);
    ASSERT_TRUE(untouched && untouched->has_value());
    ExpectSame(other, **untouched);
  }
  // And back: every comment removed, consolidated_into absent again.
  core::CommentRound emptied = changed;
  emptied.comments.clear();
  emptied.addressees.clear();
  emptied.consolidated_into = std::nullopt;
  Write([&](core::Transaction& tx) { ASSERT_OK(tx.CommentRounds().Update(emptied)); });
  auto tx = Begin(TxMode::kWrite);
  ASSERT_NE(tx, nullptr);
  auto found = tx->CommentRounds().Find(round.id);
  ASSERT_TRUE(found && found->has_value());
  ExpectSame(emptied, **found);
  // A missing round is kNotFound, and nothing is written.
  core::CommentRound ghost = MinutesRound(3);
  ghost.id = other.id + 100;
  EXPECT_EQ(CodeOf(tx->CommentRounds().Update(ghost)), ErrorCode::kNotFound);
  auto listed = tx->CommentRounds().ListForDocument(3);
  ASSERT_TRUE(listed) << listed.error().message;
  EXPECT_EQ(Ids(*listed), (std::vector<std::int64_t>{round.id, other.id}));
  EXPECT_FALSE(tx->CommentRounds().Find(ghost.id)->has_value());
}

TEST_P(StoreContract, CommentRoundListForDocumentFiltersInIdOrder) {
  std::vector<std::int64_t> of5, of6;
  Write([&](core::Transaction& tx) {
    for (std::int64_t document_id : {5, 6, 5, 5}) {
      auto id = tx.CommentRounds().Insert(document_id == 5 ? MinutesRound(5) : BareRound(6, 3));
      ASSERT_TRUE(id) << id.error().message;
      (document_id == 5 ? of5 : of6).push_back(*id);
    }
  });
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  auto five = tx->CommentRounds().ListForDocument(5);
  ASSERT_TRUE(five) << five.error().message;
  EXPECT_EQ(Ids(*five), of5);
  for (const auto& r : *five) {
    core::CommentRound want = MinutesRound(5);
    want.id = r.id;
    ExpectSame(want, r);  // with their children
  }
  auto six = tx->CommentRounds().ListForDocument(6);
  ASSERT_TRUE(six) << six.error().message;
  EXPECT_EQ(Ids(*six), of6);
  auto none = tx->CommentRounds().ListForDocument(7);
  ASSERT_TRUE(none) << none.error().message;
  EXPECT_TRUE(none->empty());
}

TEST_P(StoreContract, CommentsComeBackBySeqAndASeqIsTakenOncePerRound) {
  core::CommentRound round = MinutesRound(3);
  std::swap(round.comments[0], round.comments[3]);  // given 4, 2, 3, 1
  Write([&](core::Transaction& tx) {
    auto id = tx.CommentRounds().Insert(round);
    ASSERT_TRUE(id) << id.error().message;
    round.id = *id;
  });
  auto tx = Begin(TxMode::kWrite);
  ASSERT_NE(tx, nullptr);
  core::CommentRound by_seq = MinutesRound(3);
  by_seq.id = round.id;
  auto found = tx->CommentRounds().Find(round.id);
  ASSERT_TRUE(found && found->has_value());
  ExpectSame(by_seq, **found);
  // Two comments numbered 2: refused, on Insert and on Update, and nothing is written.
  core::CommentRound twice = MinutesRound(3);
  twice.comments[2].seq = 2;
  EXPECT_EQ(CodeOf(tx->CommentRounds().Insert(twice)), ErrorCode::kAlreadyExists);
  twice.id = round.id;
  EXPECT_EQ(CodeOf(tx->CommentRounds().Update(twice)), ErrorCode::kAlreadyExists);
  auto listed = tx->CommentRounds().ListForDocument(3);
  ASSERT_TRUE(listed) << listed.error().message;
  ASSERT_EQ(listed->size(), 1u);
  ExpectSame(by_seq, (*listed)[0]);
  // The transaction stays usable.
  auto next = tx->CommentRounds().Insert(BareRound(3));
  ASSERT_TRUE(next) << next.error().message;
  EXPECT_GT(*next, round.id);
}

TEST_P(StoreContract, CommentRoundWritesInAReadTransactionAreRefused) {
  core::CommentRound round = MinutesRound(3);
  Write([&](core::Transaction& tx) { round.id = *tx.CommentRounds().Insert(round); });
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  const auto refused = std::optional<ErrorCode>(ErrorCode::kFailedPrecondition);
  EXPECT_EQ(CodeOf(tx->CommentRounds().Insert(BareRound(3))), refused);
  core::CommentRound changed = round;
  changed.consolidated_into = 3;
  changed.comments.clear();
  EXPECT_EQ(CodeOf(tx->CommentRounds().Update(changed)), refused);
  // Reads still work, and nothing changed.
  auto listed = tx->CommentRounds().ListForDocument(3);
  ASSERT_TRUE(listed) << listed.error().message;
  ASSERT_EQ(listed->size(), 1u);
  ExpectSame(round, (*listed)[0]);
}

// --- notes verbales: builders ---

// Note 17-1/<serial> of <year>: every optional present, Russian and Kazakh texts with every
// letter special to Kazakh, an empty block, and an English text with no blocks yet.
core::OutgoingNote DispatchedNote(int serial, int year = 2021) {
  core::OutgoingNote n;
  n.purpose = core::NotePurpose::kLaunchSilenceProcedure;
  n.index = "17-1";
  n.number = core::NoteNumber{"17-1", serial, year};
  n.date = D(year, 7, 12);
  n.scope = core::AddresseeScope::kAllMemberStates;
  n.addressees = {"TUR", "AZE", "KAZ", "KGZ", "UZB"};
  n.subject = "О процедуре молчания по проекту решения SOC/2021-I/DEC/1";
  n.languages = {"ru", "kk", "en"};
  n.enclosures = {
      {"Проект решения", 12, 3, 4},
      {"Пояснительная записка", std::nullopt, std::nullopt, 2},
      {"Draft decision, its latest version", 12, 0, 1},
  };
  n.about = core::NoteLink{core::LinkKind::kSilenceProcedure, 7};
  n.status = core::NoteStatus::kDispatched;
  n.texts = {
      {"ru",
       {{core::NoteBlockRole::kLetterhead, "Секретариат Совета сотрудничества"},
        {core::NoteBlockRole::kNumber, "№ 17-1/" + std::to_string(serial)},
        {core::NoteBlockRole::kText, "Секретариат свидетельствует своё уважение государствам-членам и имеет честь сообщить …"},
        {core::NoteBlockRole::kPlaceDate, "Стамбул, 12 июля 2021 года"}}},
      {"kk", {{core::NoteBlockRole::kText, "Хатшылық мүше мемлекеттерге құрметін білдіреді: ә ғ қ ң ө ұ ү һ і — Ә Ғ Қ Ң Ө Ұ Ү Һ І"},
              {core::NoteBlockRole::kAddressee, ""}}},
      {"en", {}},
  };
  n.created_at = At(1626076800123);
  n.created_by = 3;
  n.registered_at = At(1626080400456);
  n.dispatched_at = At(1626084000789);
  return n;
}

// A draft: no number, date, link or instants beyond its creation; no children; empty strings.
core::OutgoingNote DraftNote(std::string subject = "") {
  core::OutgoingNote n;
  n.purpose = core::NotePurpose::kOther;
  n.index = "7-1";
  n.scope = core::AddresseeScope::kOne;
  n.subject = std::move(subject);
  n.status = core::NoteStatus::kDraft;
  n.created_at = At(1626000000000);
  n.created_by = 4;
  return n;
}

// A note numbered in the register kept before chancery.
core::OutgoingNote ImportedNote(int serial, int year) {
  core::OutgoingNote n = DraftNote("Приглашение на заседание");
  n.purpose = core::NotePurpose::kInviteToMeeting;
  n.number = core::NoteNumber{"7-1", serial, year};
  n.date = D(year, 6, 23);
  n.imported = true;
  n.scope = core::AddresseeScope::kList;
  n.addressees = {"KAZ"};
  n.about = core::NoteLink{core::LinkKind::kMeeting, 7};
  n.status = core::NoteStatus::kRegistered;
  n.registered_at = At(1624406400000);
  return n;
}

// IN/<year>/<serial>: an objection to silence procedure 7, with every optional present.
core::IncomingNote Objection(int serial, int year = 2021) {
  core::IncomingNote n;
  n.serial = serial;
  n.year = year;
  n.received_at = At(1626170400321);
  n.sender = "KAZ";
  n.sender_number = "№ 02-3/118";
  n.sender_date = D(year, 7, 13);
  n.subject = "Қарсылық: ә ғ қ ң ө ұ ү һ і";
  n.deadline = D(year, 7, 20);
  n.assignee = 5;
  n.acts_on = core::NoteLink{core::LinkKind::kSilenceProcedure, 7};
  n.objection = true;
  n.effect = core::IncomingEffect::kObjectionBreaksSilence;
  n.effect_reason = "Возражение получено до истечения срока";
  n.reply = 41;
  n.registered_by = 3;
  return n;
}

// Nothing optional present, empty strings, no effect.
core::IncomingNote PlainIncoming(int serial, int year = 2021) {
  core::IncomingNote n;
  n.serial = serial;
  n.year = year;
  n.received_at = At(1626256800000);
  n.registered_by = 4;
  return n;
}

std::optional<std::string> Text(const std::optional<core::NoteNumber>& number) {
  if (!number) return std::nullopt;
  return core::Format(*number) + " of " + std::to_string(number->year);
}

std::optional<std::string> Text(const std::optional<core::NoteLink>& link) {
  if (!link) return std::nullopt;
  return std::string(core::ToString(link->kind)) + " " + std::to_string(link->id);
}

void ExpectSame(const core::OutgoingNote& want, const core::OutgoingNote& got) {
  SCOPED_TRACE("outgoing note " + std::to_string(want.id));
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.purpose, want.purpose);
  EXPECT_EQ(got.index, want.index);
  EXPECT_EQ(Text(got.number), Text(want.number));
  EXPECT_EQ(Text(got.date), Text(want.date));
  EXPECT_EQ(got.imported, want.imported);
  EXPECT_EQ(got.scope, want.scope);
  EXPECT_EQ(got.addressees, want.addressees);
  EXPECT_EQ(got.subject, want.subject);
  EXPECT_EQ(got.languages, want.languages);
  ASSERT_EQ(got.enclosures.size(), want.enclosures.size());
  for (std::size_t i = 0; i < want.enclosures.size(); ++i) {
    SCOPED_TRACE("enclosures[" + std::to_string(i) + "]");
    EXPECT_EQ(got.enclosures[i].description, want.enclosures[i].description);
    EXPECT_EQ(got.enclosures[i].document_id, want.enclosures[i].document_id);
    EXPECT_EQ(got.enclosures[i].version, want.enclosures[i].version);
    EXPECT_EQ(got.enclosures[i].pages, want.enclosures[i].pages);
  }
  EXPECT_EQ(Text(got.about), Text(want.about));
  EXPECT_EQ(got.status, want.status);
  ASSERT_EQ(got.texts.size(), want.texts.size());
  for (std::size_t i = 0; i < want.texts.size(); ++i) {
    SCOPED_TRACE("texts[" + std::to_string(i) + "]");
    EXPECT_EQ(got.texts[i].lang, want.texts[i].lang);
    ASSERT_EQ(got.texts[i].blocks.size(), want.texts[i].blocks.size());
    for (std::size_t j = 0; j < want.texts[i].blocks.size(); ++j) {
      EXPECT_EQ(got.texts[i].blocks[j].role, want.texts[i].blocks[j].role);
      EXPECT_EQ(got.texts[i].blocks[j].text, want.texts[i].blocks[j].text);
    }
  }
  EXPECT_EQ(Ms(got.created_at), Ms(want.created_at));
  EXPECT_EQ(got.created_by, want.created_by);
  EXPECT_EQ(Ms(got.registered_at), Ms(want.registered_at));
  EXPECT_EQ(Ms(got.dispatched_at), Ms(want.dispatched_at));
}

void ExpectSame(const core::IncomingNote& want, const core::IncomingNote& got) {
  SCOPED_TRACE("incoming note " + std::to_string(want.id));
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.serial, want.serial);
  EXPECT_EQ(got.year, want.year);
  EXPECT_EQ(Ms(got.received_at), Ms(want.received_at));
  EXPECT_EQ(got.sender, want.sender);
  EXPECT_EQ(got.sender_number, want.sender_number);
  EXPECT_EQ(Text(got.sender_date), Text(want.sender_date));
  EXPECT_EQ(got.subject, want.subject);
  EXPECT_EQ(Text(got.deadline), Text(want.deadline));
  EXPECT_EQ(got.assignee, want.assignee);
  EXPECT_EQ(Text(got.acts_on), Text(want.acts_on));
  EXPECT_EQ(got.objection, want.objection);
  EXPECT_EQ(got.effect, want.effect);
  EXPECT_EQ(got.effect_reason, want.effect_reason);
  EXPECT_EQ(got.reply, want.reply);
  EXPECT_EQ(got.registered_by, want.registered_by);
}

// --- notes verbales ---

TEST_P(StoreContract, OutgoingNoteRoundTripsEveryField) {
  std::vector<core::OutgoingNote> notes = {DispatchedNote(435), DraftNote(), ImportedNote(397, 2021)};
  Write([&](core::Transaction& tx) {
    for (auto& n : notes) {
      n.id = 77;  // ignored, like every given id
      auto id = tx.Notes().Insert(n);
      ASSERT_TRUE(id) << id.error().message;
      n.id = *id;
    }
  });
  EXPECT_GT(notes[0].id, 0);
  EXPECT_GT(notes[1].id, notes[0].id);
  EXPECT_GT(notes[2].id, notes[1].id);
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  for (const auto& want : notes) {
    auto found = tx->Notes().Find(want.id);
    ASSERT_TRUE(found) << found.error().message;
    ASSERT_TRUE(found->has_value());
    ExpectSame(want, **found);
  }
  auto listed = tx->Notes().List({});
  ASSERT_TRUE(listed) << listed.error().message;
  ASSERT_EQ(listed->size(), 3u);
  for (std::size_t i = 0; i < notes.size(); ++i) ExpectSame(notes[i], (*listed)[i]);  // with their children
  auto missing = tx->Notes().Find(notes[2].id + 100);
  ASSERT_TRUE(missing) << missing.error().message;
  EXPECT_FALSE(missing->has_value());
}

TEST_P(StoreContract, IncomingNoteRoundTripsEveryField) {
  core::IncomingNote full = Objection(12);
  core::IncomingNote plain = PlainIncoming(13);
  Write([&](core::Transaction& tx) {
    for (auto* n : {&full, &plain}) {
      n->id = 77;  // ignored
      auto id = tx.Notes().InsertIncoming(*n);
      ASSERT_TRUE(id) << id.error().message;
      n->id = *id;
    }
  });
  EXPECT_GT(full.id, 0);
  EXPECT_GT(plain.id, full.id);
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  for (const auto* want : {&full, &plain}) {
    auto found = tx->Notes().FindIncoming(want->id);
    ASSERT_TRUE(found) << found.error().message;
    ASSERT_TRUE(found->has_value());
    ExpectSame(*want, **found);
  }
  EXPECT_EQ(core::FormatIncomingNumber(full), "IN/2021/12");
  auto missing = tx->Notes().FindIncoming(plain.id + 100);
  ASSERT_TRUE(missing) << missing.error().message;
  EXPECT_FALSE(missing->has_value());
  // The registers are apart: an incoming id is no outgoing note.
  EXPECT_FALSE(tx->Notes().Find(full.id)->has_value());
}

TEST_P(StoreContract, FindByNumberTakesTheYearAndTheSerial) {
  core::OutgoingNote of2021 = DispatchedNote(435, 2021);
  core::OutgoingNote of2022 = DispatchedNote(435, 2022);
  core::OutgoingNote imported = ImportedNote(397, 2021);
  Write([&](core::Transaction& tx) {
    of2021.id = *tx.Notes().Insert(of2021);
    ASSERT_TRUE(tx.Notes().Insert(DraftNote()));
    of2022.id = *tx.Notes().Insert(of2022);
    imported.id = *tx.Notes().Insert(imported);
  });
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  auto a = tx->Notes().FindByNumber(2021, 435);
  ASSERT_TRUE(a && a->has_value());
  ExpectSame(of2021, **a);
  auto b = tx->Notes().FindByNumber(2022, 435);
  ASSERT_TRUE(b && b->has_value());
  ExpectSame(of2022, **b);
  auto c = tx->Notes().FindByNumber(2021, 397);
  ASSERT_TRUE(c && c->has_value());
  ExpectSame(imported, **c);
  for (auto [year, serial] : {std::pair{2023, 435}, std::pair{2021, 436}, std::pair{2022, 397}, std::pair{0, 0}}) {
    auto none = tx->Notes().FindByNumber(year, serial);
    ASSERT_TRUE(none) << none.error().message;
    EXPECT_FALSE(none->has_value()) << year << "/" << serial;
  }
}

TEST_P(StoreContract, NoteListFiltersByYearStatusAndAboutInIdOrder) {
  // Serials inserted out of order within 2021: the list is by id, not by serial.
  core::OutgoingNote meeting7 = ImportedNote(9, 2021);  // about meeting 7, registered
  core::OutgoingNote silence7 = DispatchedNote(5, 2021);  // about silence procedure 7
  core::OutgoingNote draft = DraftNote("черновик");  // no number, about meeting 7
  draft.about = core::NoteLink{core::LinkKind::kMeeting, 7};
  core::OutgoingNote of2022 = DispatchedNote(1, 2022);  // about silence procedure 7
  of2022.status = core::NoteStatus::kRegistered;
  core::OutgoingNote meeting8 = DispatchedNote(2, 2021);  // about meeting 8
  meeting8.about = core::NoteLink{core::LinkKind::kMeeting, 8};
  core::OutgoingNote bare2021 = DispatchedNote(7, 2021);  // about nothing
  bare2021.about = std::nullopt;
  std::vector<core::OutgoingNote*> all = {&meeting7, &silence7, &draft, &of2022, &meeting8, &bare2021};
  Write([&](core::Transaction& tx) {
    for (auto* n : all) {
      auto id = tx.Notes().Insert(*n);
      ASSERT_TRUE(id) << id.error().message;
      n->id = *id;
    }
  });
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  auto ids = [&](const core::NoteFilter& filter) {
    auto got = tx->Notes().List(filter);
    EXPECT_TRUE(got) << got.error().message;
    return got ? Ids(*got) : std::vector<std::int64_t>{};
  };
  using V = std::vector<std::int64_t>;
  const auto meeting = core::NoteLink{core::LinkKind::kMeeting, 7};
  const auto silence = core::NoteLink{core::LinkKind::kSilenceProcedure, 7};
  EXPECT_EQ(ids({}), (V{meeting7.id, silence7.id, draft.id, of2022.id, meeting8.id, bare2021.id}));
  EXPECT_EQ(ids({.year = 2021}), (V{meeting7.id, silence7.id, meeting8.id, bare2021.id}));
  EXPECT_EQ(ids({.year = 2022}), (V{of2022.id}));
  EXPECT_EQ(ids({.year = 2020}), V{});
  EXPECT_EQ(ids({.status = core::NoteStatus::kDraft}), (V{draft.id}));
  EXPECT_EQ(ids({.status = core::NoteStatus::kRegistered}), (V{meeting7.id, of2022.id}));
  EXPECT_EQ(ids({.status = core::NoteStatus::kDispatched}), (V{silence7.id, meeting8.id, bare2021.id}));
  // The kind is part of the link: meeting 7 is not silence procedure 7.
  EXPECT_EQ(ids({.about = meeting}), (V{meeting7.id, draft.id}));
  EXPECT_EQ(ids({.about = silence}), (V{silence7.id, of2022.id}));
  EXPECT_EQ(ids({.about = core::NoteLink{core::LinkKind::kDocument, 7}}), V{});
  // Filters combine.
  EXPECT_EQ(ids({.year = 2021, .about = silence}), (V{silence7.id}));
  EXPECT_EQ(ids({.year = 2021, .status = core::NoteStatus::kRegistered}), (V{meeting7.id}));
  EXPECT_EQ(ids({.status = core::NoteStatus::kDraft, .about = meeting}), (V{draft.id}));
  EXPECT_EQ(ids({.year = 2022, .status = core::NoteStatus::kRegistered, .about = silence}), (V{of2022.id}));
  EXPECT_EQ(ids({.year = 2022, .status = core::NoteStatus::kDispatched, .about = silence}), V{});
  // A listed note comes with its children.
  auto listed = tx->Notes().List({.year = 2022});
  ASSERT_TRUE(listed && listed->size() == 1u);
  ExpectSame(of2022, (*listed)[0]);
}

TEST_P(StoreContract, NoteUpdateRewritesTheNoteAndItsChildren) {
  core::OutgoingNote note = DraftNote("Проект ноты");
  core::OutgoingNote other = DispatchedNote(435);
  Write([&](core::Transaction& tx) {
    note.id = *tx.Notes().Insert(note);
    other.id = *tx.Notes().Insert(other);
  });
  auto find = [&](std::int64_t id) -> std::optional<core::OutgoingNote> {
    auto tx = Begin(TxMode::kRead);
    if (!tx) return std::nullopt;
    auto found = tx->Notes().Find(id);
    EXPECT_TRUE(found && found->has_value());
    return found && found->has_value() ? **found : std::optional<core::OutgoingNote>();
  };
  // Registered: every field changes and every child list grows from nothing.
  core::OutgoingNote registered = DispatchedNote(436);
  registered.id = note.id;
  registered.status = core::NoteStatus::kRegistered;
  registered.dispatched_at = std::nullopt;
  Write([&](core::Transaction& tx) { ASSERT_OK(tx.Notes().Update(registered)); });
  auto got = find(note.id);
  ASSERT_TRUE(got);
  ExpectSame(registered, *got);
  // The children shrink and change: fewer addressees, enclosures and languages, a text dropped,
  // one shortened and one grown, a link to another kind.
  core::OutgoingNote shrunk = registered;
  shrunk.addressees = {"KAZ", "TUR"};
  shrunk.languages = {"kk"};
  shrunk.enclosures = {{"Шешім жобасы", 12, std::nullopt, 5}};
  shrunk.texts = {{"en", {{core::NoteBlockRole::kText, "The Secretariat presents its compliments"}, {core::NoteBlockRole::kPlaceDate, "Istanbul"}}},
                  {"kk", {{core::NoteBlockRole::kText, "Қысқартылған мәтін"}}}};
  shrunk.about = core::NoteLink{core::LinkKind::kCommentRound, 2};
  Write([&](core::Transaction& tx) { ASSERT_OK(tx.Notes().Update(shrunk)); });
  got = find(note.id);
  ASSERT_TRUE(got);
  ExpectSame(shrunk, *got);
  // And back to nothing: every child removed, every optional absent.
  core::OutgoingNote emptied = DraftNote();
  emptied.id = note.id;
  Write([&](core::Transaction& tx) { ASSERT_OK(tx.Notes().Update(emptied)); });
  got = find(note.id);
  ASSERT_TRUE(got);
  ExpectSame(emptied, *got);
  // The other note was never touched.
  auto untouched = find(other.id);
  ASSERT_TRUE(untouched);
  ExpectSame(other, *untouched);
}

TEST_P(StoreContract, ATakenNoteNumberIsAlreadyExistsAndWritesNothing) {
  core::OutgoingNote first = DispatchedNote(5, 2021);
  core::OutgoingNote draft = DraftNote("Проект");
  Write([&](core::Transaction& tx) {
    first.id = *tx.Notes().Insert(first);
    draft.id = *tx.Notes().Insert(draft);
  });
  auto tx = Begin(TxMode::kWrite);
  ASSERT_NE(tx, nullptr);
  const auto taken = std::optional<ErrorCode>(ErrorCode::kAlreadyExists);
  // Another note with 2021/5, whatever its index or whether it was imported.
  EXPECT_EQ(CodeOf(tx->Notes().Insert(DispatchedNote(5, 2021))), taken);
  EXPECT_EQ(CodeOf(tx->Notes().Insert(ImportedNote(5, 2021))), taken);
  // The draft registered under 2021/5.
  core::OutgoingNote clash = DispatchedNote(5, 2021);
  clash.id = draft.id;
  EXPECT_EQ(CodeOf(tx->Notes().Update(clash)), taken);
  // Two texts in one language, at Insert and at Update.
  core::OutgoingNote twice = DispatchedNote(6, 2021);
  twice.texts.push_back({"ru", {{core::NoteBlockRole::kText, "ещё раз"}}});
  EXPECT_EQ(CodeOf(tx->Notes().Insert(twice)), taken);
  twice.id = draft.id;
  EXPECT_EQ(CodeOf(tx->Notes().Update(twice)), taken);
  // Nothing was written: the draft is as it was, 2021/6 is free, the next serial is still 6.
  auto listed = tx->Notes().List({});
  ASSERT_TRUE(listed) << listed.error().message;
  ASSERT_EQ(listed->size(), 2u);
  ExpectSame(first, (*listed)[0]);
  ExpectSame(draft, (*listed)[1]);
  EXPECT_FALSE(tx->Notes().FindByNumber(2021, 6)->has_value());
  EXPECT_EQ(*tx->Notes().NextSerial(2021), 6);
  // A note keeps its own number on Update; the serial is free in another year; the
  // transaction stays usable after the refusals.
  core::OutgoingNote same = first;
  same.subject = "Изменённая тема";
  ASSERT_OK(tx->Notes().Update(same));
  auto next_year = tx->Notes().Insert(DispatchedNote(5, 2022));
  ASSERT_TRUE(next_year) << next_year.error().message;
  EXPECT_GT(*next_year, draft.id);
  ASSERT_OK(tx->Commit());
  tx.reset();
  auto read = Begin(TxMode::kRead);
  ASSERT_NE(read, nullptr);
  auto found = read->Notes().FindByNumber(2021, 5);
  ASSERT_TRUE(found && found->has_value());
  ExpectSame(same, **found);
}

TEST_P(StoreContract, NoteUpdateOfAMissingIdIsNotFoundAndWritesNothing) {
  core::OutgoingNote note = DispatchedNote(1);
  core::IncomingNote incoming = Objection(1);
  Write([&](core::Transaction& tx) {
    note.id = *tx.Notes().Insert(note);
    incoming.id = *tx.Notes().InsertIncoming(incoming);
  });
  auto tx = Begin(TxMode::kWrite);
  ASSERT_NE(tx, nullptr);
  core::OutgoingNote ghost = DispatchedNote(2);
  ghost.id = note.id + 100;
  EXPECT_EQ(CodeOf(tx->Notes().Update(ghost)), ErrorCode::kNotFound);
  // Even with a taken number: there is no note to rewrite.
  ghost.number = note.number;
  EXPECT_EQ(CodeOf(tx->Notes().Update(ghost)), ErrorCode::kNotFound);
  core::IncomingNote ghost_in = PlainIncoming(2);
  ghost_in.id = incoming.id + 100;
  EXPECT_EQ(CodeOf(tx->Notes().UpdateIncoming(ghost_in)), ErrorCode::kNotFound);
  EXPECT_FALSE(tx->Notes().Find(ghost.id)->has_value());
  EXPECT_FALSE(tx->Notes().FindIncoming(ghost_in.id)->has_value());
  EXPECT_EQ(Ids(*tx->Notes().List({})), std::vector<std::int64_t>{note.id});
  EXPECT_EQ(Ids(*tx->Notes().ListIncoming(std::nullopt)), std::vector<std::int64_t>{incoming.id});
  EXPECT_EQ(*tx->Notes().NextSerial(2021), 2);
  EXPECT_EQ(*tx->Notes().NextIncomingSerial(2021), 2);
}

TEST_P(StoreContract, IncomingRegisterIsUniquePerYearAndListsByYearInIdOrder) {
  core::IncomingNote a = Objection(12, 2021);
  core::IncomingNote b = PlainIncoming(3, 2022);
  core::IncomingNote c = PlainIncoming(11, 2021);
  core::IncomingNote d = PlainIncoming(12, 2022);  // 12 again, in another year
  Write([&](core::Transaction& tx) {
    for (auto* n : {&a, &b, &c, &d}) {
      auto id = tx.Notes().InsertIncoming(*n);
      ASSERT_TRUE(id) << id.error().message;
      n->id = *id;
    }
  });
  auto tx = Begin(TxMode::kWrite);
  ASSERT_NE(tx, nullptr);
  using V = std::vector<std::int64_t>;
  EXPECT_EQ(Ids(*tx->Notes().ListIncoming(std::nullopt)), (V{a.id, b.id, c.id, d.id}));
  EXPECT_EQ(Ids(*tx->Notes().ListIncoming(2021)), (V{a.id, c.id}));
  EXPECT_EQ(Ids(*tx->Notes().ListIncoming(2022)), (V{b.id, d.id}));
  EXPECT_EQ(Ids(*tx->Notes().ListIncoming(2023)), V{});
  // IN/2021/12 again: refused at Insert, and at Update of IN/2021/11; nothing written.
  const auto taken = std::optional<ErrorCode>(ErrorCode::kAlreadyExists);
  EXPECT_EQ(CodeOf(tx->Notes().InsertIncoming(PlainIncoming(12, 2021))), taken);
  core::IncomingNote clash = c;
  clash.serial = 12;
  clash.subject = "не записано";
  EXPECT_EQ(CodeOf(tx->Notes().UpdateIncoming(clash)), taken);
  auto listed = tx->Notes().ListIncoming(2021);
  ASSERT_TRUE(listed) << listed.error().message;
  ASSERT_EQ(listed->size(), 2u);
  ExpectSame(a, (*listed)[0]);
  ExpectSame(c, (*listed)[1]);
  // An update keeping its own number rewrites every field, optionals included.
  core::IncomingNote answered = Objection(11, 2021);
  answered.id = c.id;
  answered.effect = core::IncomingEffect::kKeptWithoutEffect;
  answered.objection = false;
  ASSERT_OK(tx->Notes().UpdateIncoming(answered));
  core::IncomingNote cleared = PlainIncoming(12, 2021);
  cleared.id = a.id;
  cleared.effect = core::IncomingEffect::kLinked;
  ASSERT_OK(tx->Notes().UpdateIncoming(cleared));
  auto got_c = tx->Notes().FindIncoming(c.id);
  ASSERT_TRUE(got_c && got_c->has_value());
  ExpectSame(answered, **got_c);
  auto got_a = tx->Notes().FindIncoming(a.id);
  ASSERT_TRUE(got_a && got_a->has_value());
  ExpectSame(cleared, **got_a);
}

TEST_P(StoreContract, NextSerialIsPerYearAndPerRegisterAndIgnoresDrafts) {
  auto next = [](core::Transaction& tx, int year) {
    auto serial = tx.Notes().NextSerial(year);
    EXPECT_TRUE(serial) << serial.error().message;
    return serial ? *serial : -1;
  };
  auto next_in = [](core::Transaction& tx, int year) {
    auto serial = tx.Notes().NextIncomingSerial(year);
    EXPECT_TRUE(serial) << serial.error().message;
    return serial ? *serial : -1;
  };
  {
    auto tx = Begin(TxMode::kRead);  // a reader may ask too
    ASSERT_NE(tx, nullptr);
    EXPECT_EQ(next(*tx, 2021), 1);
    EXPECT_EQ(next_in(*tx, 2021), 1);
  }
  Write([&](core::Transaction& tx) {
    // Drafts have no number and do not count, however many.
    ASSERT_TRUE(tx.Notes().Insert(DraftNote()));
    ASSERT_TRUE(tx.Notes().Insert(DraftNote()));
    EXPECT_EQ(next(tx, 2021), 1);
    ASSERT_TRUE(tx.Notes().Insert(DispatchedNote(397, 2021)));
    // A write transaction sees its own inserts.
    EXPECT_EQ(next(tx, 2021), 398);
    ASSERT_TRUE(tx.Notes().Insert(DispatchedNote(3, 2021)));  // lower: the highest counts
    ASSERT_TRUE(tx.Notes().Insert(ImportedNote(434, 2021)));  // imported notes count
    ASSERT_TRUE(tx.Notes().InsertIncoming(PlainIncoming(12, 2021)));
    ASSERT_TRUE(tx.Notes().InsertIncoming(PlainIncoming(2, 2022)));
  });
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  EXPECT_EQ(next(*tx, 2021), 435);
  EXPECT_EQ(next(*tx, 2022), 1);  // the serial restarts on 1 January
  EXPECT_EQ(next(*tx, 2020), 1);
  EXPECT_EQ(next_in(*tx, 2021), 13);  // the incoming register counts on its own
  EXPECT_EQ(next_in(*tx, 2022), 3);
  EXPECT_EQ(next_in(*tx, 2020), 1);
}

TEST_P(StoreContract, NoteWritesDroppedWithoutCommitLeaveNothing) {
  {
    auto tx = Begin(TxMode::kWrite);
    ASSERT_NE(tx, nullptr);
    auto id = tx->Notes().Insert(DispatchedNote(1));
    ASSERT_TRUE(id) << id.error().message;
    ASSERT_TRUE(tx->Notes().Insert(DraftNote()));
    ASSERT_TRUE(tx->Notes().InsertIncoming(Objection(1)));
    core::OutgoingNote changed = DispatchedNote(2);
    changed.id = *id;
    ASSERT_OK(tx->Notes().Update(changed));
    EXPECT_EQ(*tx->Notes().NextSerial(2021), 3);
    EXPECT_EQ(*tx->Notes().NextIncomingSerial(2021), 2);
  }
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  EXPECT_TRUE(tx->Notes().List({})->empty());
  EXPECT_TRUE(tx->Notes().ListIncoming(std::nullopt)->empty());
  EXPECT_FALSE(tx->Notes().FindByNumber(2021, 2)->has_value());
  EXPECT_EQ(*tx->Notes().NextSerial(2021), 1);
  EXPECT_EQ(*tx->Notes().NextIncomingSerial(2021), 1);
}

TEST_P(StoreContract, NoteWritesInAReadTransactionAreRefused) {
  core::OutgoingNote note = DispatchedNote(1);
  core::IncomingNote incoming = Objection(1);
  Write([&](core::Transaction& tx) {
    note.id = *tx.Notes().Insert(note);
    incoming.id = *tx.Notes().InsertIncoming(incoming);
  });
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  const auto refused = std::optional<ErrorCode>(ErrorCode::kFailedPrecondition);
  EXPECT_EQ(CodeOf(tx->Notes().Insert(DispatchedNote(2))), refused);
  core::OutgoingNote changed = note;
  changed.subject = "x";
  EXPECT_EQ(CodeOf(tx->Notes().Update(changed)), refused);
  EXPECT_EQ(CodeOf(tx->Notes().InsertIncoming(PlainIncoming(2))), refused);
  EXPECT_EQ(CodeOf(tx->Notes().UpdateIncoming(incoming)), refused);
  auto found = tx->Notes().Find(note.id);
  ASSERT_TRUE(found && found->has_value());
  ExpectSame(note, **found);
  EXPECT_EQ(*tx->Notes().NextSerial(2021), 2);
}

// --- search index ---

core::SearchEntry Entry(std::int64_t document_id, int version, std::string lang, std::string paragraph_id,
                        core::AccessCategory access, core::DocumentKind kind, core::BodyCode body, core::Date date,
                        std::string text, bool closed = false) {
  core::SearchEntry e;
  e.document_id = document_id;
  e.version = version;
  e.lang = std::move(lang);
  e.paragraph_id = std::move(paragraph_id);
  e.item_number = 1;
  e.closed_to_observers = closed;
  e.access = access;
  e.kind = kind;
  e.body = body;
  e.date = date;
  e.text = std::move(text);
  return e;
}

// Every entry holds "budget"; words are exact (the memory adapter does not stem).
std::vector<core::SearchEntry> SearchCorpus() {
  using A = core::AccessCategory;
  using K = core::DocumentKind;
  using B = core::BodyCode;
  return {
      Entry(1, 1, "en", "p1", A::kPublic, K::kMinutes, B::kSoc, D(2021, 6, 23), "The budget of the Committee"),
      Entry(1, 2, "en", "p1", A::kPublic, K::kMinutes, B::kSoc, D(2021, 9, 1), "The revised budget of the Committee"),
      Entry(2, 1, "en", "p1", A::kMemberStatesOnly, K::kDecision, B::kMc, D(2022, 1, 10), "Budget for the summit"),
      Entry(2, 1, "en", "p2", A::kMemberStatesOnly, K::kDecision, B::kMc, D(2022, 1, 10), "Closed budget item", true),
      Entry(3, 1, "ru", "p1", A::kSecretariatOnly, K::kReport, B::kSoc, D(2023, 3, 3), "Бюджет Комитета budget"),
      Entry(3, 1, "kk", "p1", A::kSecretariatOnly, K::kReport, B::kSoc, D(2023, 3, 3), "Комитеттің бюджеті budget"),
  };
}

const std::vector<core::AccessCategory> kEveryAccess = {
    core::AccessCategory::kPublic, core::AccessCategory::kMembersAndObservers,
    core::AccessCategory::kMemberStatesOnly, core::AccessCategory::kSecretariatOnly};

std::string Key(const core::SearchHit& h) {
  return std::to_string(h.document_id) + "/" + std::to_string(h.version) + "/" + h.lang + "/" + h.paragraph_id;
}

class SearchContract : public StoreContract {
 protected:
  void SetUp() override {
    StoreContract::SetUp();
    Write([&](core::Transaction& tx) {
      for (const auto& e : SearchCorpus()) ASSERT_TRUE(tx.Search().Add(e));
    });
  }

  // The keys of every hit, sorted (ranks differ between adapters), checking total == their number.
  std::set<std::string> Keys(core::SearchQuery q) {
    auto tx = Begin(TxMode::kRead);
    if (!tx) return {};
    q.limit = 100;
    auto found = tx->Search().Query(q);
    if (!found) {
      ADD_FAILURE() << found.error().message;
      return {};
    }
    std::set<std::string> out;
    for (const auto& h : found->hits) out.insert(Key(h));
    EXPECT_EQ(found->total, static_cast<std::int64_t>(found->hits.size()));
    return out;
  }

  static core::SearchQuery Q(std::string text, std::vector<core::AccessCategory> readable = kEveryAccess,
                             bool closed_visible = true) {
    core::SearchQuery q;
    q.text = std::move(text);
    q.readable = std::move(readable);
    q.closed_visible = closed_visible;
    return q;
  }
};

using Set = std::set<std::string>;

TEST_P(SearchContract, ReadableAccessAndClosedParagraphsFilterTheHits) {
  using A = core::AccessCategory;
  EXPECT_EQ(Keys(Q("budget", {A::kPublic}, false)), (Set{"1/1/en/p1", "1/2/en/p1"}));
  EXPECT_EQ(Keys(Q("budget", {A::kPublic, A::kMemberStatesOnly}, false)),
            (Set{"1/1/en/p1", "1/2/en/p1", "2/1/en/p1"}));
  EXPECT_EQ(Keys(Q("budget", {A::kPublic, A::kMemberStatesOnly}, true)),
            (Set{"1/1/en/p1", "1/2/en/p1", "2/1/en/p1", "2/1/en/p2"}));
  EXPECT_EQ(Keys(Q("budget", {A::kSecretariatOnly})), (Set{"3/1/kk/p1", "3/1/ru/p1"}));
  EXPECT_EQ(Keys(Q("budget", {})), Set{});
  EXPECT_EQ(Keys(Q("budget")).size(), 6u);
}

TEST_P(SearchContract, KindBodyDatesLanguageAndLatestOnlyFilterTheHits) {
  auto q = Q("budget");
  q.kind = core::DocumentKind::kDecision;
  EXPECT_EQ(Keys(q), (Set{"2/1/en/p1", "2/1/en/p2"}));
  q = Q("budget");
  q.body = core::BodyCode::kSoc;
  EXPECT_EQ(Keys(q), (Set{"1/1/en/p1", "1/2/en/p1", "3/1/kk/p1", "3/1/ru/p1"}));
  q = Q("budget");
  q.from = D(2021, 9, 1);
  q.to = D(2022, 1, 10);  // both bounds included
  EXPECT_EQ(Keys(q), (Set{"1/2/en/p1", "2/1/en/p1", "2/1/en/p2"}));
  q = Q("budget");
  q.lang = "ru";
  EXPECT_EQ(Keys(q), (Set{"3/1/ru/p1"}));
  q.lang = "kk";
  EXPECT_EQ(Keys(q), (Set{"3/1/kk/p1"}));
  q = Q("budget");
  q.latest_only = true;
  EXPECT_EQ(Keys(q), (Set{"1/2/en/p1", "2/1/en/p1", "2/1/en/p2", "3/1/kk/p1", "3/1/ru/p1"}));
  q = Q("Committee");
  q.latest_only = true;
  EXPECT_EQ(Keys(q), (Set{"1/2/en/p1"}));
}

TEST_P(SearchContract, EveryWordIsRequiredAndCaseDoesNotMatter) {
  EXPECT_EQ(Keys(Q("revised budget")), (Set{"1/2/en/p1"}));
  EXPECT_EQ(Keys(Q("BUDGET summit")), (Set{"2/1/en/p1"}));
  EXPECT_EQ(Keys(Q("БЮДЖЕТ")), (Set{"3/1/ru/p1"}));
  EXPECT_EQ(Keys(Q("КОМИТЕТТІҢ")), (Set{"3/1/kk/p1"}));
  EXPECT_EQ(Keys(Q("budget nowhere")), Set{});
}

TEST_P(SearchContract, TotalCountsEveryVisibleMatchWhateverThePage) {
  Set seen;
  for (std::int64_t offset = 0; offset < 8; offset += 2) {
    auto tx = Begin(TxMode::kRead);
    ASSERT_NE(tx, nullptr);
    auto q = Q("budget");
    q.limit = 2;
    q.offset = offset;
    auto page = tx->Search().Query(q);
    ASSERT_TRUE(page) << page.error().message;
    EXPECT_EQ(page->total, 6);
    EXPECT_EQ(page->hits.size(), offset < 6 ? 2u : 0u);
    for (const auto& h : page->hits) EXPECT_TRUE(seen.insert(Key(h)).second) << Key(h) << " twice";
  }
  EXPECT_EQ(seen.size(), 6u);
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  auto q = Q("budget", {core::AccessCategory::kPublic});
  q.limit = 0;
  auto none = tx->Search().Query(q);
  ASSERT_TRUE(none) << none.error().message;
  EXPECT_EQ(none->total, 2);
  EXPECT_TRUE(none->hits.empty());
}

TEST_P(SearchContract, HitsCarryTheirFieldsAndASnippetWithTheMatchesMarked) {
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  auto found = tx->Search().Query(Q("revised"));
  ASSERT_TRUE(found) << found.error().message;
  ASSERT_EQ(found->hits.size(), 1u);
  const auto& h = found->hits[0];
  EXPECT_EQ(h.document_id, 1);
  EXPECT_EQ(h.version, 2);
  EXPECT_EQ(h.lang, "en");
  EXPECT_EQ(h.paragraph_id, "p1");
  EXPECT_EQ(h.item_number, 1);
  EXPECT_EQ(h.snippet, "The [revised] budget of the Committee");
  auto ru = tx->Search().Query(Q("бюджет"));
  ASSERT_TRUE(ru) << ru.error().message;
  ASSERT_EQ(ru->hits.size(), 1u);
  EXPECT_EQ(ru->hits[0].snippet, "[Бюджет] Комитета budget");
}

TEST_P(SearchContract, SetAccessMovesADocumentInAndOutOfTheResults) {
  using A = core::AccessCategory;
  Write([&](core::Transaction& tx) { ASSERT_TRUE(tx.Search().SetAccess(3, A::kPublic)); });
  EXPECT_EQ(Keys(Q("budget", {A::kPublic})), (Set{"1/1/en/p1", "1/2/en/p1", "3/1/kk/p1", "3/1/ru/p1"}));
  EXPECT_EQ(Keys(Q("budget", {A::kSecretariatOnly})), Set{});
  Write([&](core::Transaction& tx) { ASSERT_TRUE(tx.Search().SetAccess(1, A::kSecretariatOnly)); });
  EXPECT_EQ(Keys(Q("budget", {A::kPublic})), (Set{"3/1/kk/p1", "3/1/ru/p1"}));
  EXPECT_EQ(Keys(Q("budget", {A::kSecretariatOnly})), (Set{"1/1/en/p1", "1/2/en/p1"}));
}

TEST_P(SearchContract, ASecondVersionAddedLaterBecomesTheOnlyLatestAndKeepsItsFilters) {
  using A = core::AccessCategory;
  using K = core::DocumentKind;
  using B = core::BodyCode;
  Write([&](core::Transaction& tx) {
    ASSERT_TRUE(tx.Search().Add(
        Entry(2, 2, "en", "p1", A::kMemberStatesOnly, K::kDecision, B::kMc, D(2022, 5, 5), "Budget for the summit")));
    ASSERT_TRUE(tx.Search().Add(Entry(2, 2, "en", "p2", A::kMemberStatesOnly, K::kDecision, B::kMc, D(2022, 5, 5),
                                      "Closed budget item", true)));
  });
  auto q = Q("budget", {A::kMemberStatesOnly});
  q.latest_only = true;
  EXPECT_EQ(Keys(q), (Set{"2/2/en/p1", "2/2/en/p2"}));
  q.closed_visible = false;
  EXPECT_EQ(Keys(q), (Set{"2/2/en/p1"}));
  q.kind = K::kDecision;
  q.body = B::kMc;
  EXPECT_EQ(Keys(q), (Set{"2/2/en/p1"}));
  q.latest_only = false;  // every version is still found without the flag
  EXPECT_EQ(Keys(q), (Set{"2/1/en/p1", "2/2/en/p1"}));
  // A third version holding only Russian text is the latest for every language of the document.
  Write([&](core::Transaction& tx) {
    ASSERT_TRUE(tx.Search().Add(
        Entry(2, 3, "ru", "p1", A::kMemberStatesOnly, K::kDecision, B::kMc, D(2022, 6, 6), "Бюджет budget")));
  });
  q = Q("budget");
  q.latest_only = true;
  EXPECT_EQ(Keys(q), (Set{"1/2/en/p1", "2/3/ru/p1", "3/1/kk/p1", "3/1/ru/p1"}));
}

TEST_P(SearchContract, SetAccessKeepsTheLatestAndClosedFlags) {
  using A = core::AccessCategory;
  Write([&](core::Transaction& tx) {
    ASSERT_TRUE(tx.Search().SetAccess(1, A::kMembersAndObservers));
    ASSERT_TRUE(tx.Search().SetAccess(2, A::kPublic));
  });
  auto q = Q("budget", {A::kPublic, A::kMembersAndObservers}, false);
  EXPECT_EQ(Keys(q), (Set{"1/1/en/p1", "1/2/en/p1", "2/1/en/p1"}));  // 2/1/en/p2 is still closed
  q.latest_only = true;
  EXPECT_EQ(Keys(q), (Set{"1/2/en/p1", "2/1/en/p1"}));  // 1/1 is still not the latest
  EXPECT_EQ(Keys(Q("budget", {A::kMemberStatesOnly})), Set{});
  // Back again, and to a category nobody in the query reads.
  Write([&](core::Transaction& tx) {
    ASSERT_TRUE(tx.Search().SetAccess(2, A::kMemberStatesOnly));
    ASSERT_TRUE(tx.Search().SetAccess(1, A::kSecretariatOnly));
  });
  EXPECT_EQ(Keys(Q("budget", {A::kPublic, A::kMembersAndObservers})), Set{});
  EXPECT_EQ(Keys(Q("budget", {A::kMemberStatesOnly})), (Set{"2/1/en/p1", "2/1/en/p2"}));
}

TEST_P(SearchContract, TextThatLooksLikeFilterTokensIsOnlyText) {
  // The SQLite adapter filters on tokens such as a0, c0, k3, b0, l1 in a column of their own:
  // the same words in a paragraph's text must neither reveal it nor pass for its filters.
  using A = core::AccessCategory;
  Write([&](core::Transaction& tx) {
    ASSERT_TRUE(tx.Search().Add(Entry(4, 1, "en", "p1", A::kSecretariatOnly, core::DocumentKind::kNote,
                                      core::BodyCode::kSoc, D(2024, 1, 1), "a0 a1 c0 k6 b0 l1 budget", true)));
    ASSERT_TRUE(tx.Search().Add(Entry(5, 1, "en", "p1", A::kPublic, core::DocumentKind::kNote, core::BodyCode::kSoc,
                                      D(2024, 1, 1), "The tags a3 c1 l0 written out")));
  });
  const std::vector<A> observer = {A::kPublic, A::kMembersAndObservers};
  for (std::string text : {"budget", "a0", "c0 budget", "l1", "a0 OR a3"}) {
    for (const auto& key : Keys(Q(text, observer, false))) EXPECT_NE(key, "4/1/en/p1") << text;
  }
  EXPECT_EQ(Keys(Q("a3 c1", observer, false)), (Set{"5/1/en/p1"}));  // found as text, shown though
  EXPECT_EQ(Keys(Q("a0")), (Set{"4/1/en/p1"}));
}

TEST_P(SearchContract, OverRankWithinTheNewestComeFirstAndTheTotalStaysExact) {
  // Six visible "budget" entries, indexed in SearchCorpus's order; rank only the newest two.
  auto q = Q("budget");
  q.rank_within = 2;
  q.limit = 100;
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  auto all = tx->Search().Query(q);
  ASSERT_TRUE(all) << all.error().message;
  EXPECT_EQ(all->total, 6);
  EXPECT_EQ(all->ranked, 2);
  std::vector<std::string> keys;
  for (const auto& h : all->hits) keys.push_back(Key(h));
  ASSERT_EQ(keys.size(), 6u);
  EXPECT_EQ((Set{keys[0], keys[1]}), (Set{"3/1/ru/p1", "3/1/kk/p1"}));  // the newest two, ranked
  EXPECT_EQ(std::vector<std::string>(keys.begin() + 2, keys.end()),
            (std::vector<std::string>{"2/1/en/p2", "2/1/en/p1", "1/2/en/p1", "1/1/en/p1"}));  // newest first
  // Pages cut anywhere give the same sequence.
  std::vector<std::string> paged;
  for (std::int64_t offset = 0; offset < 6; offset += 3) {
    q.limit = 3;
    q.offset = offset;
    auto page = tx->Search().Query(q);
    ASSERT_TRUE(page) << page.error().message;
    EXPECT_EQ(page->total, 6);
    for (const auto& h : page->hits) paged.push_back(Key(h));
  }
  EXPECT_EQ(Set(paged.begin(), paged.begin() + 2), Set(keys.begin(), keys.begin() + 2));
  EXPECT_EQ(std::vector<std::string>(paged.begin() + 2, paged.end()),
            std::vector<std::string>(keys.begin() + 2, keys.end()));
  // At or under the cap, everything is ranked; the reader's filters count before the cap.
  q = Q("budget", {core::AccessCategory::kPublic});
  q.rank_within = 2;
  auto two = tx->Search().Query(q);
  ASSERT_TRUE(two) << two.error().message;
  EXPECT_EQ(two->total, 2);
  EXPECT_EQ(two->ranked, 2);
  EXPECT_EQ(two->hits.size(), 2u);
  // Exactly as many as the cap, without and with reader filters (the SQLite adapter plans
  // these differently).
  for (const auto& [readable, visible] : {std::pair{kEveryAccess, std::int64_t{6}},
                                          std::pair{std::vector<core::AccessCategory>{core::AccessCategory::kPublic,
                                                                                      core::AccessCategory::kMemberStatesOnly},
                                                    std::int64_t{4}}}) {
    q = Q("budget", readable);
    q.rank_within = 6;
    for (std::int64_t limit : {0, 3, 20}) {
      q.limit = limit;
      auto found = tx->Search().Query(q);
      ASSERT_TRUE(found) << found.error().message;
      EXPECT_EQ((std::pair{found->total, found->ranked}), (std::pair{visible, visible})) << limit;
      EXPECT_EQ(found->hits.size(), static_cast<std::size_t>(std::min(limit, visible)));
    }
  }
}

TEST_P(SearchContract, EveryKindBodyAndAccessCategoryFiltersExactlyItself) {
  // One "census" entry per value of each (documents 100+); a filter on a value finds its entry only.
  using A = core::AccessCategory;
  using K = core::DocumentKind;
  using B = core::BodyCode;
  constexpr int kKinds = 7, kBodies = 8, kAccess = 4;
  Write([&](core::Transaction& tx) {
    for (int i = 0; i < kKinds; ++i) {
      ASSERT_TRUE(tx.Search().Add(
          Entry(100 + i, 1, "en", "k", A::kPublic, static_cast<K>(i), B::kSoc, D(2024, 1, 1), "census")));
    }
    for (int i = 0; i < kBodies; ++i) {
      ASSERT_TRUE(tx.Search().Add(
          Entry(200 + i, 1, "en", "b", A::kPublic, K::kNote, static_cast<B>(i), D(2024, 1, 1), "census")));
    }
    for (int i = 0; i < kAccess; ++i) {
      ASSERT_TRUE(tx.Search().Add(
          Entry(300 + i, 1, "en", "a", static_cast<A>(i), K::kNote, B::kSoc, D(2024, 1, 1), "census")));
    }
  });
  for (int i = 0; i < kKinds; ++i) {
    auto q = Q("census", {A::kPublic});
    q.kind = static_cast<K>(i);
    q.body = B::kMm;  // both filters apply: only the body entry of MM, a note
    EXPECT_EQ(Keys(q), q.kind == K::kNote ? Set{"202/1/en/b"} : Set{}) << i;
    q.body = std::nullopt;
    auto expected = Set{std::to_string(100 + i) + "/1/en/k"};
    if (q.kind == K::kNote) expected = {"106/1/en/k", "200/1/en/b", "201/1/en/b", "202/1/en/b", "203/1/en/b",
                                        "204/1/en/b", "205/1/en/b", "206/1/en/b", "207/1/en/b", "300/1/en/a"};
    EXPECT_EQ(Keys(q), expected) << i;
  }
  for (int i = 0; i < kBodies; ++i) {
    auto q = Q("census", {A::kPublic});
    q.body = static_cast<B>(i);
    q.kind = K::kNote;
    auto expected = Set{std::to_string(200 + i) + "/1/en/b"};
    if (q.body == B::kSoc) expected = {"106/1/en/k", "200/1/en/b", "300/1/en/a"};
    EXPECT_EQ(Keys(q), expected) << i;
  }
  for (int i = 0; i < kAccess; ++i) {
    auto q = Q("census", {static_cast<A>(i)});
    q.body = B::kSoc;
    q.kind = K::kNote;
    auto expected = Set{std::to_string(300 + i) + "/1/en/a"};
    if (i == 0) expected = {"106/1/en/k", "200/1/en/b", "300/1/en/a"};  // the other public SOC notes
    EXPECT_EQ(Keys(q), expected) << i;
  }
}

TEST_P(SearchContract, AQueryWithoutWordsAndUnknownLanguagesAreInvalidArguments) {
  auto tx = Begin(TxMode::kWrite);
  ASSERT_NE(tx, nullptr);
  for (std::string text : {"", "   ", "\" * - ( )"}) {
    EXPECT_EQ(CodeOf(tx->Search().Query(Q(text))), ErrorCode::kInvalidArgument) << "[" << text << "]";
  }
  auto q = Q("budget");
  q.lang = "fr";
  EXPECT_EQ(CodeOf(tx->Search().Query(q)), ErrorCode::kInvalidArgument);
  auto entry = SearchCorpus()[0];
  entry.lang = "fr";
  EXPECT_EQ(CodeOf(tx->Search().Add(entry)), ErrorCode::kInvalidArgument);
}

TEST_P(SearchContract, WritesInAReadTransactionAreRefused) {
  auto tx = Begin(TxMode::kRead);
  ASSERT_NE(tx, nullptr);
  EXPECT_EQ(CodeOf(tx->Search().Add(SearchCorpus()[0])), ErrorCode::kFailedPrecondition);
  EXPECT_EQ(CodeOf(tx->Search().SetAccess(1, core::AccessCategory::kPublic)), ErrorCode::kFailedPrecondition);
  auto found = tx->Search().Query(Q("budget"));
  ASSERT_TRUE(found) << found.error().message;
  EXPECT_EQ(found->total, 6);
}

INSTANTIATE_TEST_SUITE_P(Adapters, SearchContract, kBothAdapters, AdapterName);

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

INSTANTIATE_TEST_SUITE_P(Adapters, StoreContract, kBothAdapters, AdapterName);

}  // namespace
}  // namespace chancery::storage
