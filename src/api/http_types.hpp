#pragma once
// Plain HTTP request and response values. The API layer's handlers take and return these;
// only src/http/ (the socket owner) knows Boost.Beast. Keeping them plain lets handlers be
// unit-tested without sockets and keeps the expensive Beast headers in one translation unit.
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chancery::api {

struct Header {
  std::string name;  // as received; compare case-insensitively
  std::string value;
  bool operator==(const Header&) const = default;
};

struct Request {
  std::string method;        // "GET", "POST", …
  std::string target;        // raw origin-form target, e.g. "/api/v1/x?y=1"
  std::vector<Header> headers;
  std::string body;
  std::string remote_address;  // peer IP, used for rate limiting

  // First header with this name (case-insensitive), if any.
  std::optional<std::string_view> HeaderValue(std::string_view name) const {
    for (const auto& h : headers) {
      if (h.name.size() != name.size()) continue;
      bool same = true;
      for (std::size_t i = 0; i < name.size() && same; ++i) {
        same = AsciiLower(h.name[i]) == AsciiLower(name[i]);
      }
      if (same) return std::string_view(h.value);
    }
    return std::nullopt;
  }

 private:
  static char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }
};

struct Response {
  int status = 200;
  std::vector<Header> headers;  // Content-Type among them; Content-Length is the server's job
  std::string body;

  Response& With(std::string name, std::string value) {
    headers.push_back({std::move(name), std::move(value)});
    return *this;
  }
};

// What the socket layer calls. `offload` says whether a request may block for long (password
// hashing) and so must run on the worker pool instead of an I/O thread.
struct Handler {
  std::function<Response(const Request&)> handle;
  std::function<bool(const Request&)> offload;
};

// Hooks the socket layer reports to (metrics).
struct ServerHooks {
  std::function<void()> on_connection_opened;
  std::function<void()> on_connection_closed;
};

}  // namespace chancery::api
