#pragma once
// The worker that sends e-mail: Notes Verbales (core/services/dispatch.hpp) and notices to users
// (core/services/notices.hpp), one thread for both. Each pass plans the comment reminders that
// have come due, then claims each due delivery and notice in a write transaction, sends it, and
// records the outcome. Like the
// silence scheduler it keeps nothing in memory — what is due is read from the store each pass —
// so several servers may run it over one database and a restart loses nothing.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/ports/mail.hpp"
#include "core/services/deps.hpp"

namespace chancery::app {

class DeliveryWorker {
 public:
  // `max_sleep` bounds the wait between passes, so that deliveries queued by a request (or by
  // another server) are picked up within that time.
  DeliveryWorker(core::Deps& deps, core::MailSender& mail, std::chrono::milliseconds max_sleep = std::chrono::seconds{2});
  ~DeliveryWorker();
  DeliveryWorker(const DeliveryWorker&) = delete;
  DeliveryWorker& operator=(const DeliveryWorker&) = delete;

  core::Result<int> RunOnce();  // one pass on the caller's thread: attempts made (notes and notices)
  void Start();
  void Stop();  // waits for the thread; idempotent

 private:
  void Loop();
  std::chrono::milliseconds SleepBeforeNextPass();

  core::Deps& deps_;
  core::MailSender& mail_;
  std::chrono::milliseconds max_sleep_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace chancery::app
