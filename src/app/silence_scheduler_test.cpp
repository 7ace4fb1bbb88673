// The scheduler's thread concludes a procedure once the clock passes its expiry, dated at the
// expiry instant, and stops promptly.
#include "app/silence_scheduler.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "core/services/participants.hpp"
#include "core/services/silence_procedures.hpp"
#include "core/testing/builders.hpp"
#include "core/testing/fakes.hpp"
#include "platform/system_clock.hpp"
#include "storage/memory/memory_store.hpp"

namespace chancery::app {
namespace {

using namespace std::chrono;

TEST(SilenceScheduler, ConcludesWhenTheClockPassesTheExpiryInstant) {
  storage::MemoryStore store;
  const core::Instant opened{sys_days{year{2021} / March / 5} + 4h};
  platform::ManualClock clock(opened);
  core::testing::FakeDigest digest;
  core::testing::FakePasswordHasher hasher;
  core::testing::FakeRandom random;
  core::testing::FixedOffsetZone zone(hours{6});
  core::testing::IsoDateFormatter formatter;
  core::Deps deps{store, clock, digest, hasher, random, zone, formatter, {}};
  const core::Actor chair{1, "chair", core::Role::kChairmanship, "KAZ"};
  ASSERT_TRUE(core::CreateParticipant(deps, core::Actor::System(),
                                      core::testing::StateWith("KAZ", year{2002} / June / 4, core::ParticipantStatus::kMember)));
  core::NewSilenceProcedure p;
  p.title = "t";
  p.text = "x";
  p.expires_on = year{2021} / March / 20;
  auto opened_procedure = core::OpenSilenceProcedure(deps, chair, p);
  ASSERT_TRUE(opened_procedure);
  const auto id = opened_procedure->record.id;
  const auto expiry = opened_procedure->record.procedure.expires_at;

  SilenceScheduler scheduler(deps, milliseconds{20});
  scheduler.Start();
  std::this_thread::sleep_for(milliseconds{100});
  EXPECT_EQ(core::GetSilenceProcedure(deps, chair, id)->record.state, core::SilenceState::kRunning);

  const core::Instant later = expiry + hours{30};
  clock.Set(later);
  core::SilenceState state = core::SilenceState::kRunning;
  for (int i = 0; i < 200 && state == core::SilenceState::kRunning; ++i) {
    std::this_thread::sleep_for(milliseconds{10});
    state = core::GetSilenceProcedure(deps, chair, id)->record.state;
  }
  const auto start = steady_clock::now();
  scheduler.Stop();
  EXPECT_LT(steady_clock::now() - start, milliseconds{500});
  auto concluded = core::GetSilenceProcedure(deps, chair, id);
  ASSERT_EQ(concluded->record.state, core::SilenceState::kAdopted);
  EXPECT_EQ(*concluded->record.decided_at, expiry);
  EXPECT_EQ(*concluded->record.concluded_at, later);
  EXPECT_EQ(concluded->record.notices.size(), 1u);
}

}  // namespace
}  // namespace chancery::app
