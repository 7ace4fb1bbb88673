#include "core/model/user.hpp"

#include <gtest/gtest.h>

namespace chancery::core {
namespace {

TEST(Username, Rules) {
  EXPECT_TRUE(ValidateUsername("officer.kz-1"));
  for (const char* bad : {"", "ab", "1abc", "Admin", "a b c", "имя", "abc/def"}) {
    auto r = ValidateUsername(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().field, "username");
  }
}

TEST(Password, Length) {
  EXPECT_EQ(ValidatePassword("short").error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(ValidatePassword("twelve chars"));
  EXPECT_FALSE(ValidatePassword(std::string(1025, 'x')));
}

TEST(UserShape, DelegatesAreBoundSecretariatIsNot) {
  User u{0, "delegate.ind", "Delegate of India", Role::kMemberDelegate, std::nullopt, "", {}, true};
  EXPECT_EQ(ValidateUserShape(u).error().field, "participant_id");
  u.participant_id = "IND";
  EXPECT_TRUE(ValidateUserShape(u));
  u.role = Role::kOfficer;
  EXPECT_EQ(ValidateUserShape(u).error().field, "participant_id");
}

TEST(Roles, RoundTrip) {
  for (Role r : kAllRoles) EXPECT_EQ(ParseRole(ToString(r)), r);
  EXPECT_FALSE(ParseRole("root"));
}

}  // namespace
}  // namespace chancery::core
