// The back-off and the lifecycle of one delivery: claimed, failed and retried later, failed for
// good when the attempts run out, sent.
#include "core/model/delivery.hpp"

#include <gtest/gtest.h>

namespace chancery::core {
namespace {

using namespace std::chrono;

const Instant kNoon{sys_days{year{2021} / July / 12} + 12h};

TEST(BackOff, DoublesFromTheBaseAndStopsAtTheCap) {
  RetryPolicy p;
  p.base_delay = seconds{30};
  p.max_delay = minutes{5};
  EXPECT_EQ(BackOff(p, 1), seconds{30});
  EXPECT_EQ(BackOff(p, 2), seconds{60});
  EXPECT_EQ(BackOff(p, 3), seconds{120});
  EXPECT_EQ(BackOff(p, 4), seconds{240});
  EXPECT_EQ(BackOff(p, 5), seconds{300});
  EXPECT_EQ(BackOff(p, 1000), seconds{300});
}

TEST(Delivery, AClaimCountsTheAttemptAndHoldsItUntilTheClaimEnds) {
  RetryPolicy p;
  p.claim_for = minutes{5};
  Delivery d;
  d.next_attempt_at = kNoon;
  EXPECT_TRUE(IsDue(d, kNoon));
  EXPECT_FALSE(IsDue(d, kNoon - milliseconds{1}));
  Claim(d, p, kNoon);
  EXPECT_EQ(d.attempts, 1);
  EXPECT_EQ(*d.next_attempt_at, kNoon + minutes{5});
  // Another server looking a minute later does not take it; after the claim ends (the first
  // server died mid-send) it is due again.
  EXPECT_FALSE(IsDue(d, kNoon + minutes{1}));
  EXPECT_TRUE(IsDue(d, kNoon + minutes{5}));
}

TEST(Delivery, FailuresAreRetriedWithBackOffThenFailForGood) {
  RetryPolicy p;
  p.max_attempts = 3;
  p.base_delay = seconds{10};
  Delivery d;
  d.next_attempt_at = kNoon;
  Claim(d, p, kNoon);
  MarkAttemptFailed(d, p, kNoon + seconds{1}, "Connection refused");
  EXPECT_EQ(d.status, DeliveryStatus::kQueued);
  EXPECT_EQ(*d.next_attempt_at, kNoon + seconds{11});
  EXPECT_EQ(d.last_error, "Connection refused");
  Claim(d, p, kNoon + seconds{11});
  MarkAttemptFailed(d, p, kNoon + seconds{12}, "timeout");
  EXPECT_EQ(*d.next_attempt_at, kNoon + seconds{32});
  Claim(d, p, kNoon + seconds{32});
  MarkAttemptFailed(d, p, kNoon + seconds{33}, "550 no such user");
  EXPECT_EQ(d.attempts, 3);
  EXPECT_EQ(d.status, DeliveryStatus::kFailed);
  EXPECT_EQ(d.next_attempt_at, std::nullopt);
  EXPECT_FALSE(IsDue(d, kNoon + hours{100}));
}

TEST(Delivery, SentKeepsTheTimeAndIsNeverDueAgain) {
  RetryPolicy p;
  Delivery d;
  d.next_attempt_at = kNoon;
  Claim(d, p, kNoon);
  MarkSent(d, kNoon + seconds{2});
  EXPECT_EQ(d.status, DeliveryStatus::kSent);
  EXPECT_EQ(*d.sent_at, kNoon + seconds{2});
  EXPECT_FALSE(IsDue(d, kNoon + hours{1}));
}

TEST(MailAddress, AcceptsPlainAddressesAndRefusesWhatCouldBreakAnSmtpLine) {
  EXPECT_TRUE(IsMailAddress("mfa@mfa.kz"));
  EXPECT_TRUE(IsMailAddress("cica.desk+nv@mea.gov.in"));
  for (const char* bad : {"", "mfa", "@mfa.kz", "mfa@", "a@b@c", "a b@c.d", "a@c.d\r\nRCPT TO:<x@y>", "<a@b.c>",
                          "a@.b", "a@b..c", "a,b@c.d", "ä@b.c"}) {
    EXPECT_FALSE(IsMailAddress(bad)) << bad;
  }
}

}  // namespace
}  // namespace chancery::core
