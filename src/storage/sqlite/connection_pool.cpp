#include "storage/sqlite/connection_pool.hpp"

#include <utility>

namespace chancery::storage::sqlite {

PooledConnection::PooledConnection(std::shared_ptr<ConnectionPool> pool, std::unique_ptr<Connection> connection)
    : pool_(std::move(pool)), connection_(std::move(connection)) {}

PooledConnection::~PooledConnection() {
  if (pool_ && connection_) pool_->Adopt(std::move(connection_));
}

std::shared_ptr<ConnectionPool> ConnectionPool::Make(Opener open, std::size_t max_idle) {
  return std::shared_ptr<ConnectionPool>(new ConnectionPool(std::move(open), max_idle));
}

core::Result<PooledConnection> ConnectionPool::Acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto connection = std::move(idle_.back());
      idle_.pop_back();
      return PooledConnection(shared_from_this(), std::move(connection));
    }
  }
  // Opened outside the lock: opening touches the file and may wait on the busy timeout.
  auto connection = open_();
  if (!connection) return connection.error();
  return PooledConnection(shared_from_this(), std::move(*connection));
}

void ConnectionPool::Adopt(std::unique_ptr<Connection> connection) {
  // A connection still inside a transaction is not reusable; closing it rolls that back.
  if (connection->InTransaction()) return;
  std::lock_guard lock(mutex_);
  if (idle_.size() < max_idle_) idle_.push_back(std::move(connection));
}

}  // namespace chancery::storage::sqlite
