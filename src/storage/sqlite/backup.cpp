#include "storage/sqlite/backup.hpp"

#include <sqlite3.h>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "storage/sqlite/errors.hpp"

namespace chancery::storage::sqlite {
namespace {

// Pages per sqlite3_backup_step: small enough that one step is short, large enough that a
// database of a few hundred MB takes a few hundred steps.
constexpr int kPagesPerStep = 256;
constexpr int kBusyRetries = 500;
constexpr int kBusySleepMs = 10;

constexpr char kBeginRead[] = "BEGIN";
constexpr char kStartRead[] = "SELECT count(*) FROM sqlite_schema";
constexpr char kEndRead[] = "COMMIT";
constexpr char kDestinationSynchronous[] = "PRAGMA synchronous = FULL";

core::Result<void> Copy(Connection& source, Connection& destination) {
  // One read transaction on the source for the whole copy: every step reads the same
  // snapshot, so writers (which WAL lets go on) neither corrupt the copy nor force the backup
  // to restart from the first page, as they would between steps without it.
  if (auto r = source.Exec(kBeginRead); !r) return r;
  struct EndRead {
    Connection& c;
    ~EndRead() {
      if (c.InTransaction()) (void)c.Exec(kEndRead);
    }
  } end_read{source};
  if (auto r = source.QueryInt(kStartRead); !r) return r.error();

  sqlite3_backup* backup = sqlite3_backup_init(destination.handle(), "main", source.handle(), "main");
  if (backup == nullptr) {
    return ToError(sqlite3_extended_errcode(destination.handle()), sqlite3_errmsg(destination.handle()), "backup");
  }
  int rc = SQLITE_OK;
  for (int busy = 0; busy < kBusyRetries;) {
    rc = sqlite3_backup_step(backup, kPagesPerStep);
    if (rc == SQLITE_DONE) break;
    if (rc == SQLITE_OK) continue;
    if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
    ++busy;
    sqlite3_sleep(kBusySleepMs);
  }
  // finish releases everything and reports the step's error, if any, on the destination.
  const int finish_rc = sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    int code = rc == SQLITE_OK ? SQLITE_BUSY : rc;
    return ToError(code, sqlite3_errstr(code), "backup");
  }
  if (finish_rc != SQLITE_OK) return ToError(finish_rc, sqlite3_errmsg(destination.handle()), "backup");
  return core::Ok();
}

void RemovePartial(const std::string& path) {
  std::error_code ignored;
  std::filesystem::remove(path, ignored);
  std::filesystem::remove(path + "-journal", ignored);
}

}  // namespace

core::Result<void> BackupTo(Connection& source, const std::string& to_path) {
  // Created exclusively (O_EXCL): checking for the file and then creating it would race with
  // another process creating it in between. Owner-only, as it holds password hashes.
  const int fd = ::open(to_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return core::Error::AlreadyExists(to_path + " already exists; a backup never overwrites");
    return core::Error::FailedPrecondition("cannot create " + to_path + ": " + std::strerror(errno));
  }
  ::close(fd);

  auto result = [&]() -> core::Result<void> {
    auto destination = Connection::Open(to_path, Connection::Create::kNo);
    if (!destination) return destination.error();
    if (auto r = (*destination)->Exec(kDestinationSynchronous); !r) return r;
    return Copy(source, **destination);
  }();
  if (!result) RemovePartial(to_path);
  return result;
}

}  // namespace chancery::storage::sqlite
