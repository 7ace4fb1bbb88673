#pragma once
// Request counts and latencies per route, and open connections, in the Prometheus text
// format. Per process by nature: each server behind a load balancer is scraped on its own.
#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

namespace chancery::api {

class Metrics {
 public:
  void ConnectionOpened() { open_connections_.fetch_add(1, std::memory_order_relaxed); }
  void ConnectionClosed() { open_connections_.fetch_sub(1, std::memory_order_relaxed); }
  void Observe(std::string_view method, std::string_view route, int status, std::chrono::nanoseconds took);
  std::string Render() const;

 private:
  // Upper bounds in seconds; the last bucket is +Inf.
  static constexpr std::array<double, 11> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                   0.05, 0.1, 0.25, 0.5, 1.0};
  struct Latency {
    std::array<std::uint64_t, kBuckets.size() + 1> counts{};
    double sum = 0;
    std::uint64_t total = 0;
  };

  std::atomic<std::int64_t> open_connections_{0};
  mutable std::mutex mutex_;
  // Transparent comparators: lookups with string_views allocate nothing on the hot path.
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t, std::less<>> requests_;  // (method, route, status)
  std::map<std::string, Latency, std::less<>> latency_;                                        // by route
};

}  // namespace chancery::api
