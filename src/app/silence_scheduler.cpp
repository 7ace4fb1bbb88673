#include "app/silence_scheduler.hpp"

#include <algorithm>
#include <iostream>

#include "core/services/silence_procedures.hpp"

namespace chancery::app {

SilenceScheduler::SilenceScheduler(core::Deps& deps, std::chrono::milliseconds max_sleep)
    : deps_(deps), max_sleep_(max_sleep) {}

SilenceScheduler::~SilenceScheduler() { Stop(); }

core::Result<int> SilenceScheduler::RunOnce() { return core::ConcludeDueSilenceProcedures(deps_); }

void SilenceScheduler::Start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { Loop(); });
}

void SilenceScheduler::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

std::chrono::milliseconds SilenceScheduler::SleepBeforeNextPass() {
  auto next = core::NextSilenceExpiry(deps_);
  if (!next || !*next) return max_sleep_;
  // Measured on the clock port, so a test clock decides what is due; slept on the system's.
  const auto until = std::chrono::duration_cast<std::chrono::milliseconds>(**next - deps_.clock.Now());
  return std::clamp(until, std::chrono::milliseconds{0}, max_sleep_);
}

void SilenceScheduler::Loop() {
  for (;;) {
    auto concluded = RunOnce();
    if (!concluded) {
      // Busy or failing storage: say so and try again on the next pass; nothing is lost,
      // since what is due is read from the store again.
      std::cerr << "chancery: concluding silence procedures failed: " << concluded.error().message << std::endl;
    }
    const auto sleep = concluded ? SleepBeforeNextPass() : max_sleep_;
    std::unique_lock lock(mutex_);
    // Never spin: a pass that found something due at exactly "now" waits a moment too.
    if (wake_.wait_for(lock, std::max(sleep, std::chrono::milliseconds{50}), [this] { return stopping_; })) return;
  }
}

}  // namespace chancery::app
