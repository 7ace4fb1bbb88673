#pragma once
// The durable scheduler of silence procedures: a thread that concludes each procedure when its
// expiry instant has passed. Durable because it keeps nothing in memory: what is due is read
// from the store each time, the outcome is dated at the expiry instant whenever the conclusion
// runs (core::ConcludeDueSilenceProcedures), and serve runs it once before accepting requests,
// so a server that was down at expiry catches up on start. Several servers may run it at once.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/services/deps.hpp"

namespace chancery::app {

class SilenceScheduler {
 public:
  // `max_sleep` bounds the wait between passes, so that procedures opened by another server
  // (whose expiry this one has not seen) are concluded within that time of expiring.
  explicit SilenceScheduler(core::Deps& deps, std::chrono::milliseconds max_sleep = std::chrono::seconds{10});
  ~SilenceScheduler();
  SilenceScheduler(const SilenceScheduler&) = delete;
  SilenceScheduler& operator=(const SilenceScheduler&) = delete;

  // One pass, on the caller's thread: how many procedures it concluded.
  core::Result<int> RunOnce();
  void Start();
  void Stop();  // waits for the thread; idempotent

 private:
  void Loop();
  std::chrono::milliseconds SleepBeforeNextPass();

  core::Deps& deps_;
  std::chrono::milliseconds max_sleep_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace chancery::app
