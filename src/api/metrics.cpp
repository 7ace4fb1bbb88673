#include "api/metrics.hpp"

#include <cstdio>

namespace chancery::api {

void Metrics::Observe(std::string_view method, std::string_view route, int status,
                      std::chrono::nanoseconds took) {
  const double seconds = std::chrono::duration<double>(took).count();
  std::lock_guard lock(mutex_);
  const std::tuple<std::string_view, std::string_view, int> key{method, route, status};
  auto count = requests_.find(key);
  if (count == requests_.end()) count = requests_.emplace(std::tuple{std::string(method), std::string(route), status}, 0).first;
  ++count->second;
  auto latency = latency_.find(route);
  if (latency == latency_.end()) latency = latency_.emplace(std::string(route), Latency{}).first;
  auto& l = latency->second;
  std::size_t i = 0;
  while (i < kBuckets.size() && seconds > kBuckets[i]) ++i;
  ++l.counts[i];
  l.sum += seconds;
  ++l.total;
}

std::string Metrics::Render() const {
  std::string out;
  char buf[64];
  out += "# HELP chancery_http_open_connections HTTP connections open now.\n";
  out += "# TYPE chancery_http_open_connections gauge\n";
  out += "chancery_http_open_connections " + std::to_string(open_connections_.load()) + "\n";
  std::lock_guard lock(mutex_);
  out += "# HELP chancery_http_requests_total HTTP requests answered, by method, route and status.\n";
  out += "# TYPE chancery_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    const auto& [method, route, status] = key;
    out += "chancery_http_requests_total{method=\"" + method + "\",route=\"" + route + "\",status=\"" +
           std::to_string(status) + "\"} " + std::to_string(count) + "\n";
  }
  out += "# HELP chancery_http_request_duration_seconds Time from parsed request to response, by route.\n";
  out += "# TYPE chancery_http_request_duration_seconds histogram\n";
  for (const auto& [route, l] : latency_) {
    std::uint64_t cumulative = 0;
    const std::string label = "route=\"" + route + "\"";
    for (std::size_t i = 0; i <= kBuckets.size(); ++i) {
      cumulative += l.counts[i];
      std::string le = "+Inf";
      if (i < kBuckets.size()) {
        std::snprintf(buf, sizeof buf, "%g", kBuckets[i]);
        le = buf;
      }
      out += "chancery_http_request_duration_seconds_bucket{" + label + ",le=\"" + le + "\"} " +
             std::to_string(cumulative) + "\n";
    }
    std::snprintf(buf, sizeof buf, "%.9f", l.sum);
    out += "chancery_http_request_duration_seconds_sum{" + label + "} " + buf + "\n";
    out += "chancery_http_request_duration_seconds_count{" + label + "} " + std::to_string(l.total) + "\n";
  }
  return out;
}

}  // namespace chancery::api
