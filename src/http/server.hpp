#pragma once
// The HTTP/1.1 server: owns the sockets (Boost.Beast + Asio C++20 coroutines) and hands each
// parsed request, as a plain api::Request, to an api::Handler. Nothing else in chancery
// includes Beast; this header deliberately does not either.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "api/http_types.hpp"

namespace chancery::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 picks a free port; see Server::port()
  int io_threads = 2;
  int worker_threads = 2;  // for requests the handler marks as `offload`
  std::size_t body_limit = 1 << 20;  // larger bodies get 413
  // Requests that upload files (POST /api/v1/files) may have bodies up to this, when larger
  // than body_limit; every other request keeps body_limit, so that a JSON route never
  // buffers megabytes. The handler applies its own, lower, limit from the settings.
  std::size_t upload_body_limit = 0;
  std::function<bool(std::string_view method, std::string_view target)> is_upload;
  std::chrono::seconds idle_timeout{60};
};

class Server {
 public:
  Server(ServerOptions options, api::Handler handler, api::ServerHooks hooks);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens. Throws std::runtime_error with a readable message when the address
  // cannot be bound, so start-up fails loudly instead of running without a listener.
  void Listen();
  std::uint16_t port() const;  // the bound port, valid after Listen()

  // Serves until Stop() or SIGINT/SIGTERM; then stops accepting, lets in-flight requests
  // finish (bounded), and returns.
  void Run();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace chancery::http
