// The only translation unit in chancery that includes Boost.Beast / Boost.Asio. Everything
// socket-related lives here so that the ~50 s compile cost is paid once; the rest of the code
// base sees only server.hpp and api/http_types.hpp.
//
// Threading model: `io_threads` threads each run an io_context of their own; accepted
// connections are dealt to them round-robin, and each connection is a coroutine on its
// thread's context, so no strand is needed. The acceptor and the signal set live on a
// "control" strand of the first context, which is also where Stop() does its work, so Stop()
// can be called from any thread.
// Requests the handler marks as `offload` run on a thread_pool and the connection coroutine
// resumes on its own executor afterwards.
#include "http/server.hpp"

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <exception>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_set>
#include <utility>
#include <vector>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/verb.hpp>
#include <boost/beast/http/write.hpp>

namespace chancery::http {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
// Inside chancery::http, plain `http::` would name this namespace, hence `bhttp`.
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;

using BeastRequest = bhttp::request<bhttp::string_body>;
using BeastResponse = bhttp::response<bhttp::string_body>;
using RequestParser = bhttp::request_parser<bhttp::string_body>;

// Network errors are expected and handled at each call site, so they come back as values
// instead of exceptions (which are slow and would hide real bugs).
constexpr int kAcceptBatch = 256;  // connections accepted per wake-up of the accept loop, at most
constexpr auto kNoThrow = net::as_tuple(net::use_awaitable);

constexpr std::uint32_t kHeaderLimit = 16 * 1024;
// How long Stop() waits for connections that are in the middle of a request before it closes
// their sockets. Handlers already running on the worker pool cannot be interrupted.
constexpr std::chrono::seconds kDrainTimeout{5};
// After an error response the client may still be sending a body we will never read. Closing
// at once would make the kernel send RST, which can destroy our response in the client's
// receive buffer, so we half-close and discard input for a while (like nginx lingering_close).
constexpr std::chrono::seconds kLingerTimeout{2};
constexpr std::size_t kLingerMaxBytes = 4 << 20;
constexpr std::size_t kLingerChunk = 16 * 1024;
// accept() failures such as EMFILE repeat immediately; pause instead of spinning.
constexpr std::chrono::milliseconds kAcceptRetryDelay{100};

constexpr std::string_view kProblemContentType = "application/problem+json";
constexpr std::string_view kContinueResponse = "HTTP/1.1 100 Continue\r\n\r\n";

void LogLine(std::string_view message) {
  // One fprintf call so that lines from different threads do not interleave.
  std::fprintf(stderr, "chancery http: %.*s\n", static_cast<int>(message.size()), message.data());
}

void ReportException(std::exception_ptr error) {
  if (!error) return;
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    LogLine(std::string("connection task failed: ") + e.what());
  } catch (...) {
    LogLine("connection task failed: unknown exception");
  }
}

std::string_view ToStd(beast::string_view s) { return {s.data(), s.size()}; }

void AppendJsonString(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20) {
      out += "\\u00";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    } else {
      out += c;
    }
  }
  out += '"';
}

// RFC 9457 problem details. The type URIs are part of the API contract; keep them stable.
api::Response MakeProblem(int status, std::string_view type, std::string_view title,
                          std::string_view detail) {
  api::Response response;
  response.status = status;
  response.headers.push_back({"Content-Type", std::string(kProblemContentType)});
  std::string& body = response.body;
  body.reserve(64 + type.size() + title.size() + detail.size());
  body += "{\"type\":";
  AppendJsonString(body, type);
  body += ",\"title\":";
  AppendJsonString(body, title);
  body += ",\"status\":";
  body += std::to_string(status);
  body += ",\"detail\":";
  AppendJsonString(body, detail);
  body += '}';
  return response;
}

api::Response InternalError() {
  return MakeProblem(500, "urn:chancery:problem:internal", "Internal server error",
                     "The server failed to handle the request.");
}

// RFC 9110 token characters, for validating header names a handler hands us.
bool IsToken(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
    if (!ok) return false;
  }
  return true;
}

// A CR or LF in a value would let a handler (or data it echoes) inject headers.
bool IsFieldValue(std::string_view s) {
  return s.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

// Only final statuses a handler may produce; 1xx would confuse the client.
bool IsValidFinalStatus(int status) { return status >= 200 && status <= 599; }

// The IMF-fixdate for "now", formatted at most once a second per thread. Written by hand
// rather than with strftime because %a and %b depend on the process locale.
std::string_view HttpDate() {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  thread_local std::time_t cached_second = -1;
  thread_local char text[40];
  thread_local std::size_t length = 0;
  const std::time_t now = std::time(nullptr);
  if (now != cached_second) {
    std::tm tm{};
    gmtime_r(&now, &tm);
    const int n = std::snprintf(text, sizeof(text), "%s, %02d %s %04d %02d:%02d:%02d GMT",
                                kDays[tm.tm_wday % 7], tm.tm_mday, kMonths[tm.tm_mon % 12],
                                tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
    length = n > 0 ? static_cast<std::size_t>(n) : 0;
    cached_second = now;
  }
  return {text, length};
}

bool HasCloseToken(std::string_view value) {
  // Good enough for the handler side: handlers write "close", not lists.
  return beast::iequals(value, "close");
}

// Builds the wire response. `keep_alive` is what the request asked for (and what shutdown
// allows); a handler can only turn it off, by sending "Connection: close".
BeastResponse ToBeastResponse(api::Response response, unsigned version, bool head_request,
                              bool keep_alive) {
  bool valid = IsValidFinalStatus(response.status);
  for (const auto& header : response.headers) {
    if (!valid) break;
    valid = IsToken(header.name) && IsFieldValue(header.value);
  }
  if (!valid) {
    LogLine("handler returned an invalid response (status " + std::to_string(response.status) +
            " or a malformed header); answering 500");
    response = InternalError();
  }

  BeastResponse out;
  out.result(static_cast<unsigned>(response.status));
  out.version(version);
  for (auto& header : response.headers) {
    // Framing is the server's job: a stale Content-Length from a handler would corrupt the
    // connection.
    if (beast::iequals(header.name, "Content-Length") ||
        beast::iequals(header.name, "Transfer-Encoding")) {
      continue;
    }
    if (beast::iequals(header.name, "Connection")) {
      if (HasCloseToken(header.value)) keep_alive = false;
      continue;
    }
    out.insert(header.name, header.value);
  }
  if (out.find(bhttp::field::server) == out.end()) out.set(bhttp::field::server, "chancery");
  if (out.find(bhttp::field::date) == out.end()) {
    const std::string_view date = HttpDate();
    out.set(bhttp::field::date, beast::string_view(date.data(), date.size()));
  }
  out.keep_alive(keep_alive);

  const int status = response.status;
  if (status == 204 || status == 304) {
    // These never carry a body, and RFC 9110 forbids Content-Length on a 204, which Beast's
    // prepare_payload would add ("0"); so neither body nor length is sent.
    response.body.clear();
  } else if (head_request) {
    // A HEAD response announces the length of the body a GET would get, but sends none.
    out.content_length(response.body.size());
  } else {
    out.body() = std::move(response.body);
    out.prepare_payload();
  }
  return out;
}

// Maps a read error to the problem response the server sends itself, or nullopt when the
// connection should just be closed quietly (the peer left, timed out or reset).
std::optional<api::Response> ProblemForReadError(const beast::error_code& ec,
                                                 std::size_t body_limit) {
  if (ec == bhttp::error::body_limit) {
    return MakeProblem(413, "urn:chancery:problem:payload-too-large", "Payload too large",
                       "The request body exceeds the limit of " + std::to_string(body_limit) +
                           " bytes.");
  }
  if (ec == bhttp::error::header_limit) {
    return MakeProblem(431, "urn:chancery:problem:headers-too-large",
                       "Request header fields too large",
                       "The request header exceeds the limit of " +
                           std::to_string(kHeaderLimit) + " bytes.");
  }
  if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message ||
      ec == bhttp::error::short_read) {
    return std::nullopt;
  }
  if (ec.category() == bhttp::make_error_code(bhttp::error::bad_method).category()) {
    return MakeProblem(400, "urn:chancery:problem:bad-request", "Bad request",
                       "The request is not valid HTTP/1.1: " + ec.message() + ".");
  }
  return std::nullopt;  // timeout, reset, cancelled by Stop(), …
}

std::string PeerAddress(const tcp::socket& socket) {
  beast::error_code ec;
  const tcp::endpoint endpoint = socket.remote_endpoint(ec);
  if (ec) return {};
  net::ip::address address = endpoint.address();
  // On a dual-stack listener IPv4 clients appear as ::ffff:a.b.c.d; rate limiting wants the
  // same key whichever way they came in.
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    address = net::ip::make_address_v4(net::ip::v4_mapped, address.to_v6());
  }
  return address.to_string();
}

std::string HostPort(const std::string& host, std::uint16_t port) {
  if (host.find(':') != std::string::npos) return "[" + host + "]:" + std::to_string(port);
  return host + ":" + std::to_string(port);
}

}  // namespace

struct Server::Impl {
  class Connection;

  Impl(ServerOptions options, api::Handler handler, api::ServerHooks hooks)
      : options_(std::move(options)),
        handler_(std::move(handler)),
        hooks_(std::move(hooks)),
        ioc_(1),
        control_(net::make_strand(ioc_)),
        acceptor_(control_),
        drain_timer_(control_),
        workers_(static_cast<std::size_t>(std::max(1, options_.worker_threads))) {}

  void Listen();
  void Run();
  void Stop();

  net::awaitable<void> AcceptLoop();
  void Shutdown();  // on control_
  void RunIoLoop(net::io_context& ioc);
  net::any_io_executor NewConnectionExecutor();

  api::Response CallHandler(const api::Request& request) noexcept;
  bool ShouldOffload(const api::Request& request) noexcept;
  static net::awaitable<api::Response> CallHandlerOnWorker(Impl* server,
                                                           const api::Request* request);

  void Register(Connection* connection);
  void Unregister(Connection* connection);
  std::vector<std::shared_ptr<Connection>> LiveConnections();

  // Declaration order matters for destruction: connection coroutines still queued in ioc_
  // when it is destroyed unregister themselves and call the hooks, so everything they touch
  // is declared before ioc_; the worker pool posts back into ioc_, so it is declared (and
  // therefore joined) after it.
  const ServerOptions options_;
  const api::Handler handler_;
  const api::ServerHooks hooks_;
  std::atomic<bool> stopping_{false};
  std::atomic<std::uint16_t> bound_port_{0};
  std::mutex connections_mutex_;
  std::unordered_set<Connection*> connections_;

  // One io_context per I/O thread, each run by exactly that thread: connections are dealt out
  // round-robin and never need a strand, and the threads never wake each other. (One shared
  // io_context measured 0.64x nginx at 1000 connections, this layout about 1.0x.) ioc_ is the
  // first; it also runs the acceptor, the signal set and shutdown.
  net::io_context ioc_;
  std::vector<std::unique_ptr<net::io_context>> more_iocs_;
  std::vector<net::executor_work_guard<net::io_context::executor_type>> keep_alive_;  // control_ only
  std::size_t next_ioc_ = 0;  // control_ only: round-robin position
  net::strand<net::io_context::executor_type> control_;
  tcp::acceptor acceptor_;                  // control_ only
  std::optional<net::signal_set> signals_;  // control_ only, from Listen() to the end of Run()
  net::steady_timer drain_timer_;           // control_ only
  bool shutdown_started_ = false;           // control_ only
  net::thread_pool workers_;
};

// One accepted TCP connection. Owned by its coroutine (through a shared_ptr parameter) and,
// briefly, by cancellation callbacks that Stop() posts to its executor.
class Server::Impl::Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(Impl& server, tcp::socket socket)
      : server_(server), stream_(std::move(socket)), watchdog_(stream_.get_executor()) {}

  static net::awaitable<void> Serve(std::shared_ptr<Connection> self);

  net::any_io_executor executor() { return stream_.get_executor(); }

  // Both run on executor(). Called during shutdown.
  void CancelIfIdle();
  void ForceClose();

 private:
  enum class Phase {
    kWaiting,     // waiting for (the header of) the next request
    kReceiving,   // reading a request body
    kResponding,  // in the handler or writing the response
    kClosing,     // discarding input after an error response
  };

  net::awaitable<void> Loop();
  net::awaitable<bool> Respond(BeastRequest& message);
  void SetDeadline(std::chrono::steady_clock::duration timeout);
  void ClearDeadline() { deadline_ = std::chrono::steady_clock::time_point::max(); }
  void StartWatchdog();
  void OnWatchdog(const beast::error_code& ec, std::uint64_t generation);
  net::awaitable<void> Reject(const beast::error_code& ec, unsigned version);
  net::awaitable<void> LingeringClose();
  void FillRequest(BeastRequest& message);

  Impl& server_;
  beast::tcp_stream stream_;
  // Kept for the whole connection: reused across requests, and it holds the bytes of
  // pipelined requests that arrived together with the previous one.
  beast::flat_buffer buffer_;
  // Reused too, so that strings and the header vector keep their capacity between requests.
  api::Request request_;
  Phase phase_ = Phase::kWaiting;
  std::size_t body_limit_ = 0;  // the current request's: the options' body_limit, or upload_body_limit

  // Timeouts. Beast's own expiry (stream_.expires_after) arms and cancels a timer around
  // every read and write, which costs an extra handler run per operation and a timer-heap
  // update; measured at 1000 connections that was about 10 % of the CPU per request (15 %
  // with two I/O threads). Instead each step only stores a deadline, and one timer per
  // connection wakes up at most once per timeout period to check it.
  std::chrono::steady_clock::time_point deadline_ = std::chrono::steady_clock::time_point::max();
  net::steady_timer watchdog_;
  bool watchdog_pending_ = false;
  std::uint64_t watchdog_generation_ = 0;  // tells a superseded wait from the current one
};

// ---------------------------------------------------------------------------------------------
// Connection

net::awaitable<void> Server::Impl::Connection::Serve(std::shared_ptr<Connection> self) {
  Impl& server = self->server_;
  if (server.hooks_.on_connection_opened) server.hooks_.on_connection_opened();
  server.Register(self.get());
  // Runs on every exit path, including exceptions and destruction of a suspended frame, so
  // on_connection_closed is called exactly once for each on_connection_opened.
  struct Closer {
    Impl& server;
    Connection* connection;
    ~Closer() {
      // The watchdog's pending wait holds a reference to the connection (and keeps run()
      // busy); release it now rather than when the timeout would have fired. Cancelling a
      // timer cannot fail in Asio's timer service, so this does not throw.
      connection->watchdog_.cancel();
      server.Unregister(connection);
      if (!server.hooks_.on_connection_closed) return;
      try {
        server.hooks_.on_connection_closed();
      } catch (...) {
        LogLine("on_connection_closed threw");
      }
    }
  } closer{server, self.get()};
  co_await self->Loop();
}

net::awaitable<void> Server::Impl::Connection::Loop() {
  beast::error_code ignored;
  stream_.socket().set_option(tcp::no_delay(true), ignored);
  request_.remote_address = PeerAddress(stream_.socket());

  // The parser cannot be reset, so it is re-created per request; optional keeps it in the
  // coroutine frame instead of the heap.
  std::optional<RequestParser> parser;
  for (;;) {
    if (server_.stopping_.load(std::memory_order_acquire)) break;
    parser.emplace();
    parser->header_limit(kHeaderLimit);
    // The larger of the two limits until the target is known; then this request's own.
    parser->body_limit(std::max(server_.options_.body_limit, server_.options_.upload_body_limit));
    body_limit_ = server_.options_.body_limit;

    phase_ = Phase::kWaiting;
    // One deadline for the whole request, header and body, as with Beast's expiry.
    SetDeadline(server_.options_.idle_timeout);
    auto [header_ec, header_bytes] =
        co_await bhttp::async_read_header(stream_, buffer_, *parser, kNoThrow);
    (void)header_bytes;
    beast::error_code ec = header_ec;
    // The header is whole when Beast refuses a declared length over the larger limit, so the
    // refusal can name the limit of this request's route.
    if ((!ec || ec == bhttp::error::body_limit) && server_.options_.is_upload) {
      const BeastRequest& head = parser->get();
      if (server_.options_.is_upload(ToStd(head.method_string()), ToStd(head.target()))) {
        body_limit_ = std::max(server_.options_.body_limit, server_.options_.upload_body_limit);
      }
    }
    if (!ec) {
      const auto declared = parser->content_length();
      if (declared && *declared > body_limit_) {
        ec = bhttp::error::body_limit;
      } else if (!parser->is_done()) {
        parser->body_limit(body_limit_);  // no body octet has been parsed yet
      }
    }
    if (!ec && !parser->is_done()) {
      phase_ = Phase::kReceiving;
      // The body-size check has passed at this point (a too-large Content-Length fails in
      // read_header), so tell clients that wait for permission to send it.
      const BeastRequest& head = parser->get();
      const auto expect = head.find(bhttp::field::expect);
      if (head.version() >= 11 && expect != head.end() &&
          beast::iequals(expect->value(), "100-continue")) {
        auto [continue_ec, continue_bytes] = co_await net::async_write(
            stream_, net::buffer(kContinueResponse.data(), kContinueResponse.size()), kNoThrow);
        (void)continue_bytes;
        if (continue_ec) co_return;
      }
      auto [body_ec, body_bytes] =
          co_await bhttp::async_read(stream_, buffer_, *parser, kNoThrow);
      (void)body_bytes;
      ec = body_ec;
    }
    if (ec) {
      co_await Reject(ec, parser->get().version());
      co_return;
    }

    phase_ = Phase::kResponding;
    ClearDeadline();  // the handler may take long; the timeout is for the network only
    const bool keep_alive = co_await Respond(parser->get());
    if (!keep_alive) break;
  }
  // Half-close so the client sees a clean end of stream after the last response.
  stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
}

void Server::Impl::Connection::FillRequest(BeastRequest& message) {
  const std::string_view method = ToStd(message.method_string());
  request_.method.assign(method.data(), method.size());
  const std::string_view target = ToStd(message.target());
  request_.target.assign(target.data(), target.size());
  std::size_t count = 0;
  for (const auto& field : message) {
    if (count == request_.headers.size()) request_.headers.emplace_back();
    api::Header& header = request_.headers[count++];
    const std::string_view name = ToStd(field.name_string());
    const std::string_view value = ToStd(field.value());
    header.name.assign(name.data(), name.size());
    header.value.assign(value.data(), value.size());
  }
  request_.headers.resize(count);
  request_.body = std::move(message.body());
}

net::awaitable<bool> Server::Impl::Connection::Respond(BeastRequest& message) {
  FillRequest(message);
  api::Response response;
  if (server_.ShouldOffload(request_)) {
    // co_spawn, not `co_await post(pool)`: an awaitable always resumes on its own executor,
    // so posting to the pool would run the handler back on this I/O thread.
    response = co_await net::co_spawn(server_.workers_,
                                      CallHandlerOnWorker(&server_, &request_),
                                      net::use_awaitable);
  } else {
    response = server_.CallHandler(request_);
  }

  // During shutdown, tell the client this is the last response on the connection.
  const bool keep_alive =
      message.keep_alive() && !server_.stopping_.load(std::memory_order_acquire);
  BeastResponse out = ToBeastResponse(std::move(response), message.version() == 10 ? 10 : 11,
                                      message.method() == bhttp::verb::head, keep_alive);
  SetDeadline(server_.options_.idle_timeout);
  auto [write_ec, write_bytes] = co_await bhttp::async_write(stream_, out, kNoThrow);
  (void)write_bytes;
  if (write_ec) co_return false;
  co_return out.keep_alive();
}

net::awaitable<void> Server::Impl::Connection::Reject(const beast::error_code& ec,
                                                      unsigned version) {
  std::optional<api::Response> problem = ProblemForReadError(ec, body_limit_);
  if (!problem) co_return;
  phase_ = Phase::kResponding;
  // The stream position is unknown after a parse error (or an unread body), so the
  // connection ends here whatever the client asked for.
  BeastResponse out =
      ToBeastResponse(std::move(*problem), version == 10 ? 10 : 11, false, false);
  SetDeadline(server_.options_.idle_timeout);
  auto [write_ec, write_bytes] = co_await bhttp::async_write(stream_, out, kNoThrow);
  (void)write_bytes;
  if (!write_ec) co_await LingeringClose();
}

net::awaitable<void> Server::Impl::Connection::LingeringClose() {
  phase_ = Phase::kClosing;
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  if (ec) co_return;
  SetDeadline(kLingerTimeout);
  std::size_t discarded = buffer_.size();
  buffer_.consume(buffer_.size());
  while (discarded < kLingerMaxBytes) {
    auto [read_ec, n] = co_await stream_.async_read_some(buffer_.prepare(kLingerChunk), kNoThrow);
    if (read_ec) break;  // EOF (the client read our answer and closed), timeout or reset
    discarded += n;      // never committed: the bytes are dropped
  }
}

void Server::Impl::Connection::SetDeadline(std::chrono::steady_clock::duration timeout) {
  deadline_ = std::chrono::steady_clock::now() + timeout;
  // The common case, once per request: a wait is pending and wakes up no later than the new
  // deadline, then finds it and sleeps again. Only an earlier deadline (the short linger
  // timeout) needs the timer moved.
  if (watchdog_pending_ && watchdog_.expiry() <= deadline_) return;
  StartWatchdog();
}

void Server::Impl::Connection::StartWatchdog() {
  watchdog_pending_ = true;
  // expires_at cancels a pending wait; its handler then sees an old generation.
  watchdog_.expires_at(deadline_);
  watchdog_.async_wait([self = shared_from_this(), generation = ++watchdog_generation_](
                           const beast::error_code& ec) { self->OnWatchdog(ec, generation); });
}

void Server::Impl::Connection::OnWatchdog(const beast::error_code& ec,
                                          std::uint64_t generation) {
  if (generation != watchdog_generation_) return;  // superseded by a newer wait
  watchdog_pending_ = false;
  if (ec) return;  // cancelled: the connection is finished
  if (deadline_ == std::chrono::steady_clock::time_point::max()) return;  // in the handler
  if (std::chrono::steady_clock::now() < deadline_) {
    StartWatchdog();  // activity moved the deadline since the timer was set
    return;
  }
  // Timed out: the pending read or write fails with operation_aborted and the connection
  // closes quietly.
  stream_.cancel();
}

void Server::Impl::Connection::CancelIfIdle() {
  // A connection waiting for a request that has not started to arrive has nothing to finish.
  // One that is receiving or answering a request keeps going; it closes after the response.
  const bool idle = (phase_ == Phase::kWaiting && buffer_.size() == 0) ||
                    phase_ == Phase::kClosing;
  if (idle) stream_.cancel();
}

void Server::Impl::Connection::ForceClose() {
  beast::error_code ignored;
  stream_.socket().close(ignored);
  watchdog_.cancel();
}

// ---------------------------------------------------------------------------------------------
// Impl

void Server::Impl::Listen() {
  const std::string where = HostPort(options_.address, options_.port);
  auto fail = [&](const std::string& reason) {
    beast::error_code ignored;
    acceptor_.close(ignored);
    throw std::runtime_error("cannot listen on " + where + ": " + reason);
  };
  if (acceptor_.is_open()) throw std::logic_error("Server::Listen called twice");

  beast::error_code ec;
  const net::ip::address address = net::ip::make_address(options_.address, ec);
  if (ec) fail("invalid address");
  const tcp::endpoint endpoint(address, options_.port);
  acceptor_.open(endpoint.protocol(), ec);
  if (ec) fail(ec.message());
  acceptor_.set_option(net::socket_base::reuse_address(true), ec);
  if (ec) fail(ec.message());
  acceptor_.bind(endpoint, ec);
  if (ec) fail(ec.message());
  acceptor_.listen(net::socket_base::max_listen_connections, ec);
  if (ec) fail(ec.message());
  acceptor_.non_blocking(true, ec);  // lets AcceptLoop drain the backlog without blocking
  if (ec) fail(ec.message());
  const tcp::endpoint local = acceptor_.local_endpoint(ec);
  if (ec) fail(ec.message());
  bound_port_.store(local.port());
  // Catch SIGINT/SIGTERM from now on, not only once Run() starts: a signal that arrives in
  // between is queued and stops the server cleanly instead of killing it.
  signals_.emplace(control_, SIGINT, SIGTERM);
  signals_->async_wait([this](const beast::error_code& signal_ec, int /*signal*/) {
    if (!signal_ec) Stop();
  });
}

void Server::Impl::Run() {
  if (!acceptor_.is_open() && !stopping_.load()) Listen();
  net::co_spawn(control_, AcceptLoop(), ReportException);

  // The calling thread runs ioc_; each further thread runs one context of its own, kept alive
  // by a work guard until shutdown while it has no connection.
  const int extra_threads = std::max(1, options_.io_threads) - 1;
  for (int i = 0; i < extra_threads; ++i) {
    more_iocs_.push_back(std::make_unique<net::io_context>(1));
    keep_alive_.push_back(net::make_work_guard(*more_iocs_.back()));
  }
  std::vector<std::thread> threads;
  threads.reserve(static_cast<std::size_t>(extra_threads));
  for (auto& ioc : more_iocs_) threads.emplace_back([this, &ioc] { RunIoLoop(*ioc); });
  RunIoLoop(ioc_);
  for (auto& thread : threads) thread.join();
  // Give SIGINT/SIGTERM back to their default action once we no longer serve.
  signals_.reset();
}

void Server::Impl::RunIoLoop(net::io_context& ioc) {
  // run() returns once the acceptor, the signal wait and every connection are done.
  for (;;) {
    try {
      ioc.run();
      return;
    } catch (const std::exception& e) {
      // Nothing should throw out of a handler; if something does, keep serving the others.
      LogLine(std::string("I/O loop: ") + e.what());
    } catch (...) {
      LogLine("I/O loop: unknown exception");
    }
  }
}

void Server::Impl::Stop() {
  stopping_.store(true, std::memory_order_release);
  net::post(control_, [this] { Shutdown(); });
}

void Server::Impl::Shutdown() {
  if (shutdown_started_) return;
  shutdown_started_ = true;
  beast::error_code ignored;
  acceptor_.close(ignored);
  if (signals_) signals_->cancel(ignored);
  keep_alive_.clear();  // the other I/O contexts may finish once their connections are gone

  const auto live = LiveConnections();
  for (const auto& connection : live) {
    net::post(connection->executor(), [connection] { connection->CancelIfIdle(); });
  }
  if (live.empty()) return;
  // Unregister() cancels this timer when the last connection is gone.
  drain_timer_.expires_after(kDrainTimeout);
  drain_timer_.async_wait([this](const beast::error_code& ec) {
    if (ec) return;
    for (const auto& connection : LiveConnections()) {
      net::post(connection->executor(), [connection] { connection->ForceClose(); });
    }
  });
}

net::any_io_executor Server::Impl::NewConnectionExecutor() {
  // Each context is run by one thread, so a connection's handlers already run serially.
  const std::size_t n = more_iocs_.size() + 1;
  const std::size_t i = next_ioc_++ % n;
  return i == 0 ? ioc_.get_executor() : more_iocs_[i - 1]->get_executor();
}

net::awaitable<void> Server::Impl::AcceptLoop() {
  net::steady_timer retry_timer(co_await net::this_coro::executor);
  for (;;) {
    net::any_io_executor executor = NewConnectionExecutor();
    auto [ec, socket] = co_await acceptor_.async_accept(executor, kNoThrow);
    if (!ec) {
      // Spawned even during shutdown so that the hooks see every accepted connection; the
      // connection notices the shutdown and closes at once.
      auto connection = std::make_shared<Connection>(*this, std::move(socket));
      net::co_spawn(executor, Connection::Serve(std::move(connection)), ReportException);
      // Drain the backlog now rather than one connection per turn of the event loop: under
      // load a turn serves every ready connection, and a burst of 1,000 new clients would
      // otherwise wait seconds to be accepted. (The acceptor is non-blocking; see Listen.)
      for (int i = 0; i < kAcceptBatch; ++i) {
        net::any_io_executor next = NewConnectionExecutor();
        tcp::socket more(next);
        beast::error_code more_ec;
        acceptor_.accept(more, more_ec);
        if (more_ec) break;  // would_block: the backlog is empty
        net::co_spawn(next, Connection::Serve(std::make_shared<Connection>(*this, std::move(more))), ReportException);
      }
    }
    if (stopping_.load(std::memory_order_acquire) || !acceptor_.is_open()) co_return;
    if (!ec || ec == net::error::connection_aborted) continue;  // aborted: the peer gave up
    LogLine("accept failed: " + ec.message());
    retry_timer.expires_after(kAcceptRetryDelay);
    auto [timer_ec] = co_await retry_timer.async_wait(kNoThrow);
    (void)timer_ec;
  }
}

api::Response Server::Impl::CallHandler(const api::Request& request) noexcept {
  try {
    if (!handler_.handle) {
      LogLine("no request handler installed");
      return InternalError();
    }
    return handler_.handle(request);
  } catch (const std::exception& e) {
    LogLine("handler threw on " + request.method + " " + request.target + ": " + e.what());
  } catch (...) {
    LogLine("handler threw on " + request.method + " " + request.target +
            ": unknown exception");
  }
  return InternalError();
}

bool Server::Impl::ShouldOffload(const api::Request& request) noexcept {
  if (!handler_.offload) return false;
  try {
    return handler_.offload(request);
  } catch (...) {
    LogLine("offload predicate threw; running the request on the I/O thread");
    return false;
  }
}

net::awaitable<api::Response> Server::Impl::CallHandlerOnWorker(Impl* server,
                                                                const api::Request* request) {
  co_return server->CallHandler(*request);
}

void Server::Impl::Register(Connection* connection) {
  std::lock_guard lock(connections_mutex_);
  connections_.insert(connection);
}

void Server::Impl::Unregister(Connection* connection) {
  bool none_left = false;
  {
    std::lock_guard lock(connections_mutex_);
    connections_.erase(connection);
    none_left = connections_.empty();
  }
  if (none_left && stopping_.load(std::memory_order_acquire)) {
    // The drain timer would otherwise keep run() busy until it expires.
    net::post(control_, [this] { drain_timer_.cancel(); });
  }
}

std::vector<std::shared_ptr<Server::Impl::Connection>> Server::Impl::LiveConnections() {
  std::vector<std::shared_ptr<Connection>> live;
  std::lock_guard lock(connections_mutex_);
  live.reserve(connections_.size());
  // Safe: a registered connection is still owned by its coroutine, which unregisters (under
  // this mutex) before it drops the last reference.
  for (Connection* connection : connections_) live.push_back(connection->shared_from_this());
  return live;
}

// ---------------------------------------------------------------------------------------------
// Server

Server::Server(ServerOptions options, api::Handler handler, api::ServerHooks hooks)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler), std::move(hooks))) {}

Server::~Server() = default;

void Server::Listen() { impl_->Listen(); }

std::uint16_t Server::port() const { return impl_->bound_port_.load(); }

void Server::Run() { impl_->Run(); }

void Server::Stop() { impl_->Stop(); }

}  // namespace chancery::http
