#include "app/delivery_worker.hpp"

#include <algorithm>
#include <iostream>

#include "core/services/dispatch.hpp"
#include "core/services/notices.hpp"

namespace chancery::app {

DeliveryWorker::DeliveryWorker(core::Deps& deps, core::MailSender& mail, std::chrono::milliseconds max_sleep)
    : deps_(deps), mail_(mail), max_sleep_(max_sleep) {}

DeliveryWorker::~DeliveryWorker() { Stop(); }

core::Result<int> DeliveryWorker::RunOnce() {
  auto notes = core::SendDueDeliveries(deps_, mail_);
  if (!notes) return notes;
  // Reminders are planned on the same beat: a pass is cheap (a read) when none has come due.
  if (auto planned = core::PlanCommentReminders(deps_); !planned) return planned.error();
  auto notices = core::SendDueNotices(deps_, mail_);
  if (!notices) return notices;
  return *notes + *notices;
}

void DeliveryWorker::Start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { Loop(); });
}

void DeliveryWorker::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

std::chrono::milliseconds DeliveryWorker::SleepBeforeNextPass() {
  auto delivery = core::NextDeliveryAttempt(deps_);
  auto notice = core::NextNoticeAttempt(deps_);
  if (!delivery || !notice) return max_sleep_;
  std::optional<core::Instant> next = *delivery;
  if (*notice && (!next || **notice < *next)) next = *notice;
  if (!next) return max_sleep_;
  // Measured on the clock port, slept on the system's, as the silence scheduler does.
  const auto until = std::chrono::duration_cast<std::chrono::milliseconds>(*next - deps_.clock.Now());
  return std::clamp(until, std::chrono::milliseconds{0}, max_sleep_);
}

void DeliveryWorker::Loop() {
  for (;;) {
    auto attempts = RunOnce();
    if (!attempts) {
      // Busy or failing storage: the deliveries stay in the log and the next pass retries.
      std::cerr << "chancery: sending deliveries failed: " << attempts.error().message << std::endl;
    }
    const auto sleep = attempts ? SleepBeforeNextPass() : max_sleep_;
    std::unique_lock lock(mutex_);
    if (wake_.wait_for(lock, std::max(sleep, std::chrono::milliseconds{50}), [this] { return stopping_; })) return;
  }
}

}  // namespace chancery::app
