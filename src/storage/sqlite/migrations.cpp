#include "storage/sqlite/migrations.hpp"

#include <array>
#include <string>

namespace chancery::storage::sqlite {
namespace {

// Never edit a migration that has been released: databases in the field have applied it and
// will not apply it again. Change the schema by appending a new migration.
//
// STRICT tables make SQLite refuse a value of the wrong type instead of converting it, so a
// binding mistake fails loudly rather than round-tripping inexactly.
constexpr std::string_view kMigration1 = R"sql(
CREATE TABLE participants (
  id TEXT NOT NULL PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('state', 'organisation')),
  iso_alpha2 TEXT,
  iso_alpha3 TEXT
) STRICT;

-- position keeps the names in the order the model gave them.
CREATE TABLE participant_names (
  participant_id TEXT NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  lang TEXT NOT NULL,
  short_name TEXT NOT NULL,
  full_name TEXT NOT NULL,
  valid_from TEXT CHECK (valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  PRIMARY KEY (participant_id, position)
) STRICT;

-- No ON DELETE CASCADE: a participant with a status history is not deleted by accident.
CREATE TABLE participant_statuses (
  participant_id TEXT NOT NULL REFERENCES participants (id),
  position INTEGER NOT NULL CHECK (position >= 0),
  valid_from TEXT NOT NULL CHECK (valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  status TEXT NOT NULL
    CHECK (status IN ('member', 'observer_state', 'observer_organisation', 'partner', 'none')),
  precision TEXT NOT NULL CHECK (precision IN ('day', 'year', 'by')),
  basis TEXT NOT NULL,
  source TEXT NOT NULL,
  confidence TEXT NOT NULL,
  PRIMARY KEY (participant_id, position),
  UNIQUE (participant_id, valid_from)
) STRICT;

-- AUTOINCREMENT: an id is never handed out twice, even after the newest user is deleted.
CREATE TABLE users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('administrator', 'officer', 'chairmanship',
                                     'member_delegate', 'observer_delegate')),
  participant_id TEXT REFERENCES participants (id),
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  active INTEGER NOT NULL CHECK (active IN (0, 1))
) STRICT;
CREATE INDEX users_participant_id ON users (participant_id);

CREATE TABLE sessions (
  token_digest TEXT NOT NULL PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('cookie', 'bearer')),
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX sessions_expires_at ON sessions (expires_at);
CREATE INDEX sessions_user_id ON sessions (user_id);

CREATE TABLE login_failures (
  key TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX login_failures_key_at ON login_failures (key, at);

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY CHECK (seq > 0),
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  object_kind TEXT NOT NULL,
  object_id TEXT NOT NULL,
  before_digest TEXT NOT NULL,
  after_digest TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;

-- The chain head, kept apart from the records so that removing the newest records is
-- detected (see core::Verify). Exactly one row.
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq INTEGER NOT NULL CHECK (seq >= 0),
  hash TEXT NOT NULL
) STRICT;
INSERT INTO audit_head (id, seq, hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE settings (
  key TEXT NOT NULL PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
)sql";

// 2: a version number for the participants registry, bumped by triggers on every write to it,
// so that readers can keep a snapshot until the registry changes (core/services/participant_cache).
constexpr std::string_view kMigration2 = R"sql(
CREATE TABLE registry_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
) STRICT;
INSERT INTO registry_version (id, version) VALUES (1, 0);
CREATE TRIGGER participants_ai AFTER INSERT ON participants BEGIN UPDATE registry_version SET version = version + 1; END;
CREATE TRIGGER participants_au AFTER UPDATE ON participants BEGIN UPDATE registry_version SET version = version + 1; END;
CREATE TRIGGER participants_ad AFTER DELETE ON participants BEGIN UPDATE registry_version SET version = version + 1; END;
CREATE TRIGGER participant_names_ai AFTER INSERT ON participant_names BEGIN UPDATE registry_version SET version = version + 1; END;
CREATE TRIGGER participant_names_au AFTER UPDATE ON participant_names BEGIN UPDATE registry_version SET version = version + 1; END;
CREATE TRIGGER participant_names_ad AFTER DELETE ON participant_names BEGIN UPDATE registry_version SET version = version + 1; END;
CREATE TRIGGER participant_statuses_ai AFTER INSERT ON participant_statuses BEGIN UPDATE registry_version SET version = version + 1; END;
CREATE TRIGGER participant_statuses_au AFTER UPDATE ON participant_statuses BEGIN UPDATE registry_version SET version = version + 1; END;
CREATE TRIGGER participant_statuses_ad AFTER DELETE ON participant_statuses BEGIN UPDATE registry_version SET version = version + 1; END;
)sql";

constexpr std::array<std::string_view, 2> kMigrations = {kMigration1, kMigration2};

constexpr char kUserVersion[] = "PRAGMA user_version";
constexpr char kCountSchemaObjects[] = "SELECT count(*) FROM sqlite_schema";
constexpr char kBeginImmediate[] = "BEGIN IMMEDIATE";
constexpr char kCommit[] = "COMMIT";
constexpr char kRollback[] = "ROLLBACK";

core::Error Refuse(const Connection& connection, const std::string& why) {
  return core::Error::FailedPrecondition("cannot use " + connection.path() + ": " + why);
}

// Inside a write transaction: checks the version and applies the next migration if one is
// due. Sets `done` when the database is current.
core::Result<void> Step(Connection& connection, bool& done) {
  auto version = connection.QueryInt(kUserVersion);
  if (!version) return version.error();
  const auto latest = LatestSchemaVersion();
  if (*version > latest) {
    return Refuse(connection, "its schema version is " + std::to_string(*version) + ", newer than " +
                                  std::to_string(latest) + " which this chancery knows; upgrade chancery");
  }
  if (*version < 0) return Refuse(connection, "its schema version is negative");
  if (*version == latest) {
    done = true;
    return core::Ok();
  }
  if (*version == 0) {
    auto objects = connection.QueryInt(kCountSchemaObjects);
    if (!objects) return objects.error();
    if (*objects != 0) return Refuse(connection, "it is a SQLite database of some other program");
  }
  const std::int64_t next = *version + 1;
  if (auto r = connection.Exec(std::string(kMigrations[*version])); !r) {
    return core::Error{r.error().code, "migration " + std::to_string(next) + " failed: " + r.error().message, {}};
  }
  // PRAGMA takes no bound parameters; `next` is our own integer, not outside input.
  return connection.Exec("PRAGMA user_version = " + std::to_string(next));
}

}  // namespace

std::span<const std::string_view> Migrations() { return kMigrations; }

core::Result<void> Migrate(Connection& connection) {
  // The version is re-read inside each write transaction: two processes opening one file at
  // once apply each migration once.
  for (bool done = false; !done;) {
    if (auto r = connection.Exec(kBeginImmediate); !r) return r;
    if (auto r = Step(connection, done); !r) {
      if (connection.InTransaction()) (void)connection.Exec(kRollback);
      return r;
    }
    if (auto r = connection.Exec(kCommit); !r) {
      if (connection.InTransaction()) (void)connection.Exec(kRollback);
      return r;
    }
  }
  return core::Ok();
}

}  // namespace chancery::storage::sqlite
