// chancery serve: the HTTP API over the data directory.
#include <charconv>
#include <iostream>
#include <thread>

#include "api/api.hpp"
#include "app/commands.hpp"
#include "app/delivery_worker.hpp"
#include "app/runtime.hpp"
#include "app/silence_scheduler.hpp"
#include "core/services/dispatch.hpp"
#include "core/services/files.hpp"
#include "http/server.hpp"
#include "mail/curl_mail_sender.hpp"

namespace chancery::app {
namespace {

core::Result<int> PositiveInt(const cli::Arguments& args, const char* name, int fallback) {
  auto text = args.Get(name);
  if (!text) return fallback;
  int value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size() || value < 1 || value > 256) {
    return core::Error::InvalidArgument("must be a whole number from 1 to 256", std::string("--") + name);
  }
  return value;
}

}  // namespace

int Serve(const cli::Arguments& args) {
  http::ServerOptions options;
  const std::string listen = args.GetOr("listen", "127.0.0.1:8080");
  const auto colon = listen.rfind(':');
  unsigned port = 0;
  auto [end, ec] = std::from_chars(listen.data() + colon + 1, listen.data() + listen.size(), port);
  if (colon == std::string::npos || colon == 0 || ec != std::errc() || end != listen.data() + listen.size() ||
      port > 65535) {
    return Fail(core::Error::InvalidArgument("must be ADDRESS:PORT, e.g. 127.0.0.1:8080", "--listen"));
  }
  options.address = listen.substr(0, colon);
  options.port = static_cast<std::uint16_t>(port);
  const int cores = std::max(1u, std::thread::hardware_concurrency());
  auto threads = PositiveInt(args, "threads", cores);
  if (!threads) return Fail(threads.error());
  auto workers = PositiveInt(args, "workers", 2);
  if (!workers) return Fail(workers.error());
  options.io_threads = *threads;
  options.worker_threads = *workers;
  // Uploads may be as large as the files.max_bytes setting can be set; the handler applies the
  // setting itself, so that a change takes effect without a restart.
  options.upload_body_limit = static_cast<std::size_t>(core::kFileMaxBytesCeiling);
  options.is_upload = [](std::string_view method, std::string_view target) {
    return method == "POST" && (target == "/api/v1/files" || target.rfind("/api/v1/files?", 0) == 0);
  };

  auto rt = OpenRuntime(*args.Get("data"), DataDir::kExisting);
  if (!rt) return Fail(rt.error());
  // Silence procedures that expired while no server was running are concluded before the
  // first request, dated at their expiry instants.
  SilenceScheduler scheduler(*(*rt)->deps);
  auto caught_up = scheduler.RunOnce();
  if (!caught_up) return Fail(caught_up.error());
  if (*caught_up > 0) std::cout << "concluded " << *caught_up << " silence procedure(s) that expired while stopped\n";
  // Notes are e-mailed only when an SMTP server is named (--smtp-url, else the smtp.url
  // setting); without one, dispatched notes wait in the delivery log until a server that has one.
  std::string smtp_url = args.GetOr("smtp-url", "");
  if (smtp_url.empty()) {
    auto tx = (*rt)->store->Begin(core::TxMode::kRead);
    if (!tx) return Fail(tx.error());
    auto setting = (*tx)->Settings().Get(core::kSmtpUrl);
    if (!setting) return Fail(setting.error());
    if (*setting) smtp_url = **setting;
  }
  if (!smtp_url.empty() && smtp_url.rfind("smtp://", 0) != 0 && smtp_url.rfind("smtps://", 0) != 0) {
    return Fail(core::Error::InvalidArgument("must be smtp://HOST:PORT or smtps://HOST:PORT", "--smtp-url"));
  }
  std::unique_ptr<mail::CurlMailSender> mail;
  std::unique_ptr<DeliveryWorker> deliveries;
  if (!smtp_url.empty()) {
    mail = std::make_unique<mail::CurlMailSender>(smtp_url);
    deliveries = std::make_unique<DeliveryWorker>(*(*rt)->deps, *mail);
  }
  api::Metrics metrics;
  api::Api api(*(*rt)->deps, metrics, {args.Has("secure-cookies"), CHANCERY_VERSION});
  api::ServerHooks hooks{[&] { metrics.ConnectionOpened(); }, [&] { metrics.ConnectionClosed(); }};
  http::Server server(options, api.AsHandler(), hooks);
  try {
    server.Listen();
  } catch (const std::exception& e) {
    return Fail(core::Error::Unavailable(e.what()));
  }
  // Tests and scripts wait for this line; with port 0 it is how they learn the port.
  std::cout << "chancery listening on http://" << options.address << ":" << server.port() << " (time zone "
            << (*rt)->zone->Name() << ")" << std::endl;
  scheduler.Start();
  if (deliveries) deliveries->Start();
  server.Run();
  if (deliveries) deliveries->Stop();
  scheduler.Stop();
  std::cout << "chancery stopped" << std::endl;
  return cli::kExitOk;
}

}  // namespace chancery::app
