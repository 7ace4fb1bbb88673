#pragma once
// Matches a method and a path to a route. Path templates use {name} for one segment:
// "/api/v1/participants/{id}". The route table doubles as the list the OpenAPI test checks.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chancery::api {

struct PathParams {
  std::vector<std::pair<std::string, std::string>> values;
  std::string_view Get(std::string_view name) const {
    for (const auto& [k, v] : values) {
      if (k == name) return v;
    }
    return {};
  }
};

template <class Target>
class Router {
 public:
  struct Route {
    std::string method;
    std::string path;  // the template, also the metrics label
    std::vector<std::string> segments;
    Target target;
  };

  void Add(std::string method, std::string path, Target target) {
    routes_.push_back({std::move(method), path, Split(path), std::move(target)});
  }

  struct Match {
    const Route* route = nullptr;  // null: no route for this path and method
    bool path_known = false;       // some route has this path (→ 405, not 404)
    std::vector<std::string_view> allowed;  // methods for this path
    PathParams params;
  };

  // `path` is already percent-decoded, one string per segment.
  Match Find(std::string_view method, const std::vector<std::string>& segments) const {
    Match m;
    for (const auto& r : routes_) {
      PathParams params;
      if (!Matches(r.segments, segments, params)) continue;
      m.path_known = true;
      m.allowed.push_back(r.method);
      if (r.method == method && !m.route) {
        m.route = &r;
        m.params = std::move(params);
      }
    }
    return m;
  }

  const std::vector<Route>& routes() const { return routes_; }

 private:
  static std::vector<std::string> Split(std::string_view path) {
    std::vector<std::string> out;
    std::size_t start = 1;
    while (start <= path.size()) {
      auto end = path.find('/', start);
      if (end == std::string_view::npos) end = path.size();
      out.emplace_back(path.substr(start, end - start));
      start = end + 1;
    }
    return out;
  }

  static bool Matches(const std::vector<std::string>& pattern, const std::vector<std::string>& segments,
                      PathParams& params) {
    if (pattern.size() != segments.size()) return false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
      const auto& p = pattern[i];
      if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
        if (segments[i].empty()) return false;
        params.values.emplace_back(p.substr(1, p.size() - 2), segments[i]);
      } else if (p != segments[i]) {
        return false;
      }
    }
    return true;
  }

  std::vector<Route> routes_;
};

}  // namespace chancery::api
