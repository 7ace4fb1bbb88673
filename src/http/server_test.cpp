// Tests the HTTP server over real loopback sockets. The client side uses plain POSIX sockets on
// purpose: including Beast here would add ~50 s to the build of a test.
#include "http/server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <future>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace chancery::http {
namespace {

using namespace std::chrono_literals;

constexpr std::size_t kBodyLimit = 1024;

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

struct HttpResponse {
  std::string status_line;
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  std::optional<std::string> Header(std::string_view name) const {
    for (const auto& [n, v] : headers) {
      if (IEquals(n, name)) return v;
    }
    return std::nullopt;
  }
  int HeaderCount(std::string_view name) const {
    int count = 0;
    for (const auto& [n, v] : headers) count += IEquals(n, name) ? 1 : 0;
    return count;
  }
};

// A blocking HTTP/1.1 client over one TCP connection, just enough to check the wire format.
class Client {
 public:
  explicit Client(std::uint16_t port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) throw std::runtime_error("socket failed");
    // A hung server must fail the test, not hang it.
    timeval timeout{5, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
    int one = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
      ::close(fd_);
      throw std::runtime_error(std::string("connect failed: ") + std::strerror(errno));
    }
  }
  ~Client() {
    if (fd_ >= 0) ::close(fd_);
  }
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  void Send(std::string_view data) {
    while (!data.empty()) {
      const ssize_t n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (n <= 0) {
        if (n < 0 && errno == EINTR) continue;
        throw std::runtime_error(std::string("send failed: ") + std::strerror(errno));
      }
      data.remove_prefix(static_cast<std::size_t>(n));
    }
  }

  void Close() {
    ::close(fd_);
    fd_ = -1;
  }

  // Reads one response. `expect_body` is false for answers to HEAD. Returns nullopt (and
  // records a failure for anything but a clean close) when no complete response arrives.
  std::optional<HttpResponse> Read(bool expect_body = true) {
    std::size_t header_end;
    while ((header_end = pending_.find("\r\n\r\n")) == std::string::npos) {
      if (!Fill()) return std::nullopt;
    }
    HttpResponse response;
    const std::string head = pending_.substr(0, header_end);
    pending_.erase(0, header_end + 4);

    std::size_t line_end = head.find("\r\n");
    response.status_line = head.substr(0, line_end);
    if (response.status_line.size() >= 12) {
      response.status = std::stoi(response.status_line.substr(9, 3));
    }
    while (line_end != std::string::npos) {
      const std::size_t start = line_end + 2;
      line_end = head.find("\r\n", start);
      const std::string line = head.substr(start, line_end == std::string::npos
                                                      ? std::string::npos
                                                      : line_end - start);
      const std::size_t colon = line.find(':');
      if (colon == std::string::npos) {
        ADD_FAILURE() << "malformed header line: " << line;
        continue;
      }
      std::string value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(0, 1);
      response.headers.emplace_back(line.substr(0, colon), value);
    }
    const bool bodyless = response.status / 100 == 1 || response.status == 204 ||
                          response.status == 304;
    if (bodyless || !expect_body) return response;

    const auto length = response.Header("Content-Length");
    if (!length) {
      ADD_FAILURE() << "response without Content-Length";
      return response;
    }
    const std::size_t size = std::stoul(*length);
    while (pending_.size() < size) {
      if (!Fill()) {
        ADD_FAILURE() << "connection closed inside the body";
        return std::nullopt;
      }
    }
    response.body = pending_.substr(0, size);
    pending_.erase(0, size);
    return response;
  }

  // True when the server closes the connection (and sends nothing more) within the timeout.
  bool WaitForClose() {
    char byte;
    for (;;) {
      const ssize_t n = ::recv(fd_, &byte, 1, 0);
      if (n == 0) return pending_.empty();
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && errno == ECONNRESET) return pending_.empty();
      if (n < 0) return false;  // timeout
      pending_.push_back(byte);
    }
  }

 private:
  bool Fill() {
    char chunk[4096];
    for (;;) {
      const ssize_t n = ::recv(fd_, chunk, sizeof(chunk), 0);
      if (n > 0) {
        pending_.append(chunk, static_cast<std::size_t>(n));
        return true;
      }
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) ADD_FAILURE() << "read timed out";
      if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
        ADD_FAILURE() << "recv failed: " << std::strerror(errno);
      }
      return false;
    }
  }

  int fd_ = -1;
  std::string pending_;
};

// Runs Server::Run() on a background thread for the life of the object.
class RunningServer {
 public:
  RunningServer(ServerOptions options, api::Handler handler, api::ServerHooks hooks = {})
      : server_(std::move(options), std::move(handler), std::move(hooks)) {
    server_.Listen();
    returned_ = run_returned_.get_future();
    thread_ = std::thread([this] {
      server_.Run();
      run_returned_.set_value();
    });
  }
  ~RunningServer() {
    if (thread_.joinable()) {
      server_.Stop();
      thread_.join();
    }
  }

  std::uint16_t port() const { return server_.port(); }

  // Calls Stop() and reports whether Run() returned within `limit`.
  bool StopWithin(std::chrono::milliseconds limit) {
    server_.Stop();
    const bool returned = returned_.wait_for(limit) == std::future_status::ready;
    thread_.join();
    return returned;
  }

  Server& server() { return server_; }

 private:
  Server server_;
  std::promise<void> run_returned_;
  std::future<void> returned_;
  std::thread thread_;
};

ServerOptions TestOptions() {
  ServerOptions options;
  options.address = "127.0.0.1";
  options.port = 0;
  options.io_threads = 1;
  options.worker_threads = 1;
  options.body_limit = kBodyLimit;
  options.idle_timeout = 10s;
  return options;
}

// A handler with a few fixed routes; counts its calls.
struct TestHandler {
  std::atomic<int> calls{0};

  api::Handler Make() {
    api::Handler handler;
    handler.handle = [this](const api::Request& request) { return Handle(request); };
    return handler;
  }

  api::Response Handle(const api::Request& request) {
    ++calls;
    api::Response response;
    if (request.target == "/hello") {
      response.With("Content-Type", "text/plain").With("X-Test", "yes");
      response.body = "hello world";
    } else if (request.target == "/echo") {
      response.With("Content-Type", "text/plain");
      response.body = request.method + " " + request.target + "\n" +
                      std::string(request.HeaderValue("x-client").value_or("-")) + "\n" +
                      request.remote_address + "\n" + request.body;
    } else if (request.target == "/own-server") {
      response.With("Server", "custom/1.0");
      response.body = "own";
    } else if (request.target == "/throw") {
      throw std::runtime_error("boom (expected by the test)");
    } else if (request.target == "/created") {
      response.status = 201;
      response.With("Location", "/things/7").With("Content-Length", "999");
      response.body = "{}";
    } else if (request.target == "/no-content") {
      response.status = 204;
    } else {
      response.status = 404;
      response.body = "not found";
    }
    return response;
  }
};

std::string Get(std::string_view target, std::string_view extra_headers = {}) {
  return "GET " + std::string(target) + " HTTP/1.1\r\nHost: test\r\n" +
         std::string(extra_headers) + "\r\n";
}

TEST(HttpServerTest, GetReturnsHandlerStatusBodyAndHeaders) {
  TestHandler handler;
  RunningServer server(TestOptions(), handler.Make());
  Client client(server.port());
  client.Send(Get("/hello"));
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status_line, "HTTP/1.1 200 OK");
  EXPECT_EQ(response->body, "hello world");
  EXPECT_EQ(response->Header("Content-Length"), "11");
  EXPECT_EQ(response->Header("Content-Type"), "text/plain");
  EXPECT_EQ(response->Header("X-Test"), "yes");
  EXPECT_EQ(response->Header("Server"), "chancery");
  EXPECT_TRUE(response->Header("Date"));
  EXPECT_FALSE(response->Header("Connection"));  // HTTP/1.1 default keep-alive
  EXPECT_EQ(handler.calls.load(), 1);
}

TEST(HttpServerTest, HandlerHeadersWinForServerButNotForFraming) {
  TestHandler handler;
  RunningServer server(TestOptions(), handler.Make());
  Client client(server.port());
  client.Send(Get("/own-server"));
  auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->Header("Server"), "custom/1.0");
  EXPECT_EQ(response->HeaderCount("Server"), 1);
  EXPECT_EQ(response->body, "own");

  // A Content-Length from the handler is ignored in favour of the real one.
  client.Send(Get("/created"));
  response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status_line, "HTTP/1.1 201 Created");
  EXPECT_EQ(response->Header("Location"), "/things/7");
  EXPECT_EQ(response->Header("Content-Length"), "2");
  EXPECT_EQ(response->HeaderCount("Content-Length"), 1);
  EXPECT_EQ(response->body, "{}");

  client.Send(Get("/no-content"));
  response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 204);
  EXPECT_FALSE(response->Header("Content-Length"));
}

TEST(HttpServerTest, RequestFieldsReachTheHandler) {
  TestHandler handler;
  RunningServer server(TestOptions(), handler.Make());
  Client client(server.port());
  client.Send(
      "POST /echo HTTP/1.1\r\nHost: test\r\nX-Client: abc\r\nContent-Length: 4\r\n\r\nping");
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, "POST /echo\nabc\n127.0.0.1\nping");
  EXPECT_EQ(response->Header("Content-Length"), "29");
}

TEST(HttpServerTest, KeepAliveServesSequentialRequests) {
  TestHandler handler;
  std::atomic<int> opened{0};
  api::ServerHooks hooks;
  hooks.on_connection_opened = [&] { ++opened; };
  RunningServer server(TestOptions(), handler.Make(), hooks);
  Client client(server.port());
  client.Send(Get("/hello"));
  auto first = client.Read();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->body, "hello world");
  client.Send(Get("/missing"));
  auto second = client.Read();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->status_line, "HTTP/1.1 404 Not Found");
  EXPECT_EQ(second->body, "not found");
  EXPECT_EQ(handler.calls.load(), 2);
  EXPECT_EQ(opened.load(), 1);
}

TEST(HttpServerTest, PipelinedRequestsAreAnsweredInOrder) {
  TestHandler handler;
  RunningServer server(TestOptions(), handler.Make());
  Client client(server.port());
  client.Send(Get("/hello") + Get("/missing") +
              "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabc");
  auto first = client.Read();
  auto second = client.Read();
  auto third = client.Read();
  ASSERT_TRUE(first && second && third);
  EXPECT_EQ(first->body, "hello world");
  EXPECT_EQ(second->status, 404);
  EXPECT_EQ(third->body, "POST /echo\n-\n127.0.0.1\nabc");
}

TEST(HttpServerTest, HeadSendsLengthButNoBody) {
  TestHandler handler;
  RunningServer server(TestOptions(), handler.Make());
  Client client(server.port());
  client.Send("HEAD /hello HTTP/1.1\r\nHost: t\r\n\r\n");
  auto head = client.Read(/*expect_body=*/false);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->Header("Content-Length"), "11");
  // Had the server sent a body, it would show up in front of this response.
  client.Send(Get("/missing"));
  auto next = client.Read();
  ASSERT_TRUE(next);
  EXPECT_EQ(next->status_line, "HTTP/1.1 404 Not Found");
}

TEST(HttpServerTest, Http10WithoutKeepAliveIsClosed) {
  TestHandler handler;
  RunningServer server(TestOptions(), handler.Make());
  Client client(server.port());
  client.Send("GET /hello HTTP/1.0\r\n\r\n");
  auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status_line, "HTTP/1.0 200 OK");
  EXPECT_EQ(response->body, "hello world");
  EXPECT_TRUE(client.WaitForClose());
}

TEST(HttpServerTest, ConnectionCloseIsHonoured) {
  TestHandler handler;
  RunningServer server(TestOptions(), handler.Make());
  Client client(server.port());
  client.Send(Get("/hello", "Connection: close\r\n"));
  auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->Header("Connection"), "close");
  EXPECT_TRUE(client.WaitForClose());
}

TEST(HttpServerTest, BodyOverLimitGets413ProblemAndHandlerIsNotCalled) {
  TestHandler handler;
  RunningServer server(TestOptions(), handler.Make());
  Client client(server.port());
  const std::string body(4096, 'x');
  client.Send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 4096\r\n\r\n" + body);
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status_line, "HTTP/1.1 413 Payload Too Large");
  EXPECT_EQ(response->Header("Content-Type"), "application/problem+json");
  EXPECT_EQ(response->Header("Connection"), "close");
  EXPECT_EQ(response->body,
            R"({"type":"urn:chancery:problem:payload-too-large","title":"Payload too large",)"
            R"("status":413,"detail":"The request body exceeds the limit of 1024 bytes."})");
  EXPECT_EQ(response->Header("Content-Length"), std::to_string(response->body.size()));
  EXPECT_TRUE(client.WaitForClose());
  EXPECT_EQ(handler.calls.load(), 0);
}

TEST(HttpServerTest, LingeringAfterAnErrorIsBounded) {
  TestHandler handler;
  std::atomic<int> closed{0};
  api::ServerHooks hooks;
  hooks.on_connection_closed = [&] { ++closed; };
  ServerOptions options = TestOptions();
  options.idle_timeout = 30s;  // far from the 2 s linger, so a loaded machine cannot blur them
  RunningServer server(options, handler.Make(), hooks);
  Client client(server.port());
  // Announce a large body, send only part of it, then go quiet without closing.
  client.Send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 100000\r\n\r\nabc");
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 413);
  const auto start = std::chrono::steady_clock::now();
  while (closed.load() == 0 && std::chrono::steady_clock::now() - start < 15s) {
    std::this_thread::sleep_for(20ms);
  }
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(closed.load(), 1);
  EXPECT_GE(elapsed, 1500ms);  // the server waited for the client to finish sending
  EXPECT_LT(elapsed, 10s);     // but not for the 30 s idle timeout
}

TEST(HttpServerTest, ChunkedBodyOverLimitGets413) {
  TestHandler handler;
  RunningServer server(TestOptions(), handler.Make());
  Client client(server.port());
  const std::string chunk(1000, 'y');
  client.Send(
      "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
      "3e8\r\n" + chunk + "\r\n3e8\r\n" + chunk + "\r\n0\r\n\r\n");
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 413);
  EXPECT_EQ(response->Header("Content-Type"), "application/problem+json");
  EXPECT_TRUE(client.WaitForClose());
  EXPECT_EQ(handler.calls.load(), 0);
}

// Uploads (here PUT /echo) may carry up to upload_body_limit; every other request keeps
// body_limit, whether the size is declared (Content-Length) or chunked.
TEST(HttpServerTest, OnlyUploadRoutesTakeBodiesOverTheLimit) {
  TestHandler handler;
  ServerOptions options = TestOptions();
  options.upload_body_limit = 4 * kBodyLimit;
  options.is_upload = [](std::string_view method, std::string_view target) { return method == "PUT" && target == "/echo"; };
  RunningServer server(options, handler.Make());
  const std::string body(3000, 'u');
  {
    Client client(server.port());
    client.Send("PUT /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3000\r\n\r\n" + body);
    const auto response = client.Read();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->body, "PUT /echo\n-\n127.0.0.1\n" + body);
  }
  {
    Client client(server.port());
    const std::string chunk(1000, 'c');
    client.Send("PUT /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                "3e8\r\n" + chunk + "\r\n3e8\r\n" + chunk + "\r\n0\r\n\r\n");
    const auto response = client.Read();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
  }
  {
    Client client(server.port());
    client.Send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3000\r\n\r\n" + body);
    const auto response = client.Read();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 413);
    EXPECT_NE(response->body.find("the limit of 1024 bytes"), std::string::npos) << response->body;
  }
  {
    Client client(server.port());
    client.Send("PUT /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5000\r\n\r\n" + std::string(5000, 'u'));
    const auto response = client.Read();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 413);
    EXPECT_NE(response->body.find("the limit of 4096 bytes"), std::string::npos) << response->body;
  }
  EXPECT_EQ(handler.calls.load(), 2);
}

TEST(HttpServerTest, BodyAtLimitIsAccepted) {
  TestHandler handler;
  RunningServer server(TestOptions(), handler.Make());
  Client client(server.port());
  const std::string body(kBodyLimit, 'z');
  client.Send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1024\r\n\r\n" + body);
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, "POST /echo\n-\n127.0.0.1\n" + body);
}

TEST(HttpServerTest, ExpectContinueGetsInterimResponse) {
  TestHandler handler;
  RunningServer server(TestOptions(), handler.Make());
  Client client(server.port());
  client.Send(
      "POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
  const auto interim = client.Read();
  ASSERT_TRUE(interim);
  EXPECT_EQ(interim->status_line, "HTTP/1.1 100 Continue");
  client.Send("hello");
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, "POST /echo\n-\n127.0.0.1\nhello");
}

TEST(HttpServerTest, HugeHeaderGets431Problem) {
  TestHandler handler;
  RunningServer server(TestOptions(), handler.Make());
  Client client(server.port());
  client.Send(Get("/hello", "X-Big: " + std::string(20000, 'h') + "\r\n"));
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 431);
  EXPECT_EQ(response->Header("Content-Type"), "application/problem+json");
  EXPECT_EQ(response->body,
            R"({"type":"urn:chancery:problem:headers-too-large",)"
            R"("title":"Request header fields too large","status":431,)"
            R"("detail":"The request header exceeds the limit of 16384 bytes."})");
  EXPECT_TRUE(client.WaitForClose());
  EXPECT_EQ(handler.calls.load(), 0);
}

TEST(HttpServerTest, GarbageGets400ProblemAndClose) {
  TestHandler handler;
  RunningServer server(TestOptions(), handler.Make());
  Client client(server.port());
  client.Send("NOT HTTP\r\n\r\n");
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status_line, "HTTP/1.1 400 Bad Request");
  EXPECT_EQ(response->Header("Content-Type"), "application/problem+json");
  EXPECT_EQ(response->Header("Connection"), "close");
  EXPECT_EQ(response->body,
            R"({"type":"urn:chancery:problem:bad-request","title":"Bad request",)"
            R"("status":400,"detail":"The request is not valid HTTP/1.1: bad target."})");
  EXPECT_TRUE(client.WaitForClose());
  EXPECT_EQ(handler.calls.load(), 0);
}

TEST(HttpServerTest, ThrowingHandlerGets500AndConnectionSurvives) {
  TestHandler handler;
  RunningServer server(TestOptions(), handler.Make());
  Client client(server.port());
  client.Send(Get("/throw"));
  auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status_line, "HTTP/1.1 500 Internal Server Error");
  EXPECT_EQ(response->Header("Content-Type"), "application/problem+json");
  EXPECT_EQ(response->body,
            R"({"type":"urn:chancery:problem:internal","title":"Internal server error",)"
            R"("status":500,"detail":"The server failed to handle the request."})");
  client.Send(Get("/hello"));
  response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->body, "hello world");
}

TEST(HttpServerTest, OffloadedRequestRunsOnWorkerThread) {
  std::mutex mutex;
  std::vector<std::thread::id> plain_threads;
  std::thread::id offload_thread;
  api::Handler handler;
  handler.offload = [](const api::Request& request) { return request.target == "/slow"; };
  handler.handle = [&](const api::Request& request) {
    std::lock_guard lock(mutex);
    if (request.target == "/slow") {
      offload_thread = std::this_thread::get_id();
    } else {
      plain_threads.push_back(std::this_thread::get_id());
    }
    api::Response response;
    response.body = "ran " + request.target;
    return response;
  };
  RunningServer server(TestOptions(), handler);  // one I/O thread, one worker
  Client client(server.port());
  client.Send(Get("/fast"));
  auto fast = client.Read();
  client.Send(Get("/slow"));
  auto slow = client.Read();
  client.Send(Get("/fast"));
  auto fast_again = client.Read();
  ASSERT_TRUE(fast && slow && fast_again);
  EXPECT_EQ(fast->body, "ran /fast");
  EXPECT_EQ(slow->body, "ran /slow");
  EXPECT_EQ(fast_again->body, "ran /fast");

  std::lock_guard lock(mutex);
  ASSERT_EQ(plain_threads.size(), 2u);
  EXPECT_EQ(plain_threads[0], plain_threads[1]);  // the single I/O thread
  EXPECT_NE(offload_thread, std::thread::id());
  EXPECT_NE(offload_thread, plain_threads[0]);
  EXPECT_NE(offload_thread, std::this_thread::get_id());
}

TEST(HttpServerTest, OffloadedRequestDoesNotBlockTheIoThread) {
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  api::Handler handler;
  handler.offload = [](const api::Request& request) { return request.target == "/slow"; };
  handler.handle = [released](const api::Request& request) {
    if (request.target == "/slow") released.wait();
    api::Response response;
    response.body = request.target;
    return response;
  };
  RunningServer server(TestOptions(), handler);  // one I/O thread
  Client slow_client(server.port());
  slow_client.Send(Get("/slow"));
  // With the worker blocked, the single I/O thread must still answer other requests; if the
  // slow request ran on it, this read would time out.
  Client fast_client(server.port());
  fast_client.Send(Get("/fast"));
  const auto fast = fast_client.Read();
  release.set_value();
  const auto slow = slow_client.Read();
  ASSERT_TRUE(fast && slow);
  EXPECT_EQ(fast->body, "/fast");
  EXPECT_EQ(slow->body, "/slow");
}

TEST(HttpServerTest, ConnectionHooksAreCalledOncePerConnection) {
  TestHandler handler;
  std::atomic<int> opened{0};
  std::atomic<int> closed{0};
  api::ServerHooks hooks;
  hooks.on_connection_opened = [&] { ++opened; };
  hooks.on_connection_closed = [&] { ++closed; };
  RunningServer server(TestOptions(), handler.Make(), hooks);
  {
    Client a(server.port());
    Client b(server.port());
    a.Send(Get("/hello"));
    b.Send(Get("/hello"));
    ASSERT_TRUE(a.Read());
    ASSERT_TRUE(b.Read());
    Client c(server.port());
    c.Send("garbage\r\n\r\n");
    ASSERT_TRUE(c.Read());
  }  // all three closed by the client side
  Client still_open(server.port());
  still_open.Send(Get("/hello"));
  ASSERT_TRUE(still_open.Read());
  ASSERT_TRUE(server.StopWithin(2000ms));
  EXPECT_EQ(opened.load(), 4);
  EXPECT_EQ(closed.load(), 4);
}

TEST(HttpServerTest, ListenOnPortInUseThrows) {
  TestHandler handler;
  Server first(TestOptions(), handler.Make(), {});
  first.Listen();
  ASSERT_NE(first.port(), 0);

  ServerOptions options = TestOptions();
  options.port = first.port();
  Server second(options, handler.Make(), {});
  try {
    second.Listen();
    FAIL() << "Listen() on a busy port did not throw";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "cannot listen on 127.0.0.1:" +
                                         std::to_string(first.port()) +
                                         ": Address already in use");
  }
}

TEST(HttpServerTest, ListenOnBadAddressThrows) {
  TestHandler handler;
  ServerOptions options = TestOptions();
  options.address = "not-an-ip";
  Server server(options, handler.Make(), {});
  EXPECT_THROW(server.Listen(), std::runtime_error);
}

TEST(HttpServerTest, StopReturnsPromptlyWithIdleConnections) {
  TestHandler handler;
  RunningServer server(TestOptions(), handler.Make());
  Client idle_after_request(server.port());
  idle_after_request.Send(Get("/hello"));
  ASSERT_TRUE(idle_after_request.Read());
  Client silent(server.port());  // connected, never sends anything

  const auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(server.StopWithin(2000ms));
  EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
  EXPECT_TRUE(idle_after_request.WaitForClose());
  EXPECT_TRUE(silent.WaitForClose());
}

TEST(HttpServerTest, StopLetsTheRequestInFlightFinish) {
  std::promise<void> entered;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  api::Handler handler;
  handler.offload = [](const api::Request&) { return true; };
  handler.handle = [&entered, released](const api::Request&) {
    entered.set_value();
    released.wait();
    api::Response response;
    response.body = "finished";
    return response;
  };
  RunningServer server(TestOptions(), handler);
  Client client(server.port());
  client.Send(Get("/work"));
  entered.get_future().wait();

  server.server().Stop();
  std::this_thread::sleep_for(100ms);  // let the shutdown reach the connection
  release.set_value();
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, "finished");
  EXPECT_EQ(response->Header("Connection"), "close");  // last response on this connection
  EXPECT_TRUE(client.WaitForClose());
  EXPECT_TRUE(server.StopWithin(2000ms));
}

TEST(HttpServerTest, IdleConnectionTimesOut) {
  TestHandler handler;
  ServerOptions options = TestOptions();
  options.idle_timeout = 1s;
  RunningServer server(options, handler.Make());
  Client client(server.port());
  const auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(client.WaitForClose());
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_GE(elapsed, 900ms);
  EXPECT_LT(elapsed, 5s);
}

TEST(HttpServerTest, ActivityKeepsConnectionAlivePastIdleTimeout) {
  TestHandler handler;
  ServerOptions options = TestOptions();
  options.idle_timeout = 2s;
  RunningServer server(options, handler.Make());
  Client client(server.port());
  // 8 requests 400 ms apart span 3.2 s, well past the idle timeout, on one connection.
  for (int i = 0; i < 8; ++i) {
    client.Send(Get("/hello"));
    const auto response = client.Read();
    ASSERT_TRUE(response) << "request " << i;
    EXPECT_EQ(response->body, "hello world");
    std::this_thread::sleep_for(400ms);
  }
  EXPECT_EQ(handler.calls.load(), 8);
}

TEST(HttpServerTest, SlowHandlerIsNotCutByIdleTimeout) {
  api::Handler handler;
  handler.offload = [](const api::Request&) { return true; };
  handler.handle = [](const api::Request&) {
    std::this_thread::sleep_for(1500ms);  // longer than the idle timeout
    api::Response response;
    response.body = "slow but fine";
    return response;
  };
  ServerOptions options = TestOptions();
  options.idle_timeout = 1s;
  RunningServer server(options, handler);
  Client client(server.port());
  client.Send(Get("/slow"));
  const auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->body, "slow but fine");
}

TEST(HttpServerTest, StopBeforeRunMakesRunReturn) {
  TestHandler handler;
  Server server(TestOptions(), handler.Make(), {});
  server.Listen();
  server.Stop();
  std::promise<void> done;
  auto returned = done.get_future();
  std::thread runner([&] {
    server.Run();
    done.set_value();
  });
  EXPECT_EQ(returned.wait_for(2s), std::future_status::ready);
  runner.join();
}

TEST(HttpServerTest, SeveralIoThreadsServeConcurrentClients) {
  TestHandler handler;
  ServerOptions options = TestOptions();
  options.io_threads = 2;
  RunningServer server(options, handler.Make());
  std::vector<std::thread> clients;
  std::atomic<int> ok{0};
  for (int i = 0; i < 8; ++i) {
    clients.emplace_back([&] {
      Client client(server.port());
      for (int j = 0; j < 50; ++j) {
        client.Send(Get("/hello"));
        const auto response = client.Read();
        if (response && response->body == "hello world") ++ok;
      }
    });
  }
  for (auto& thread : clients) thread.join();
  EXPECT_EQ(ok.load(), 400);
  EXPECT_TRUE(server.StopWithin(2000ms));
}

}  // namespace
}  // namespace chancery::http
