#pragma once
// A small pool of configured connections to one database file.
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "core/result.hpp"
#include "storage/sqlite/connection.hpp"

namespace chancery::storage::sqlite {

class ConnectionPool;

// A connection on loan from the pool; goes back when this is destroyed. Holds the pool alive,
// so a transaction may outlive the SqliteStore that began it without dangling.
class PooledConnection {
 public:
  PooledConnection(std::shared_ptr<ConnectionPool> pool, std::unique_ptr<Connection> connection);
  ~PooledConnection();
  PooledConnection(PooledConnection&&) noexcept = default;
  PooledConnection& operator=(PooledConnection&&) = delete;

  Connection& operator*() const { return *connection_; }
  Connection* operator->() const { return connection_.get(); }
  // Close the connection instead of returning it: its state is unknown (a failed ROLLBACK).
  void Discard() { connection_.reset(); }

 private:
  std::shared_ptr<ConnectionPool> pool_;
  std::unique_ptr<Connection> connection_;
};

class ConnectionPool : public std::enable_shared_from_this<ConnectionPool> {
 public:
  using Opener = std::function<core::Result<std::unique_ptr<Connection>>()>;

  // `open` makes a new configured connection when none is idle. At most `max_idle` idle
  // connections are kept; more are opened under load and closed when returned.
  static std::shared_ptr<ConnectionPool> Make(Opener open, std::size_t max_idle = 8);

  // An idle connection, or a new one.
  core::Result<PooledConnection> Acquire();
  // Adds a connection opened elsewhere (the one Open migrated with) to the idle ones.
  void Adopt(std::unique_ptr<Connection> connection);

 private:
  friend class PooledConnection;
  ConnectionPool(Opener open, std::size_t max_idle) : open_(std::move(open)), max_idle_(max_idle) {}

  Opener open_;
  const std::size_t max_idle_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

}  // namespace chancery::storage::sqlite
