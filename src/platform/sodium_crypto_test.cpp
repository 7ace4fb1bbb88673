#include "platform/sodium_crypto.hpp"

#include <gtest/gtest.h>

#include <set>

namespace chancery::platform {
namespace {

class Sodium : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(InitSodium()); }
};

TEST_F(Sodium, Sha256KnownAnswers) {
  SodiumDigest d;
  EXPECT_EQ(d.Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(d.Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(Sodium, Argon2idHashesVerifyOnlyTheRightPassword) {
  SodiumPasswordHasher h;
  const std::string password = "Қазақстан-2021 пароль";
  auto hash = h.Hash(password);
  EXPECT_EQ(hash.rfind("$argon2id$v=19$m=65536,t=2,p=1$", 0), 0u) << hash;
  EXPECT_TRUE(h.Verify(password, hash));
  EXPECT_FALSE(h.Verify("Қазақстан-2021 парол", hash));
  EXPECT_FALSE(h.Verify(password, "not a hash"));
  EXPECT_NE(h.Hash(password), hash);  // salted
}

TEST_F(Sodium, TokensAreUrlSafeAndDistinct) {
  SodiumRandom r;
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    auto t = r.Token(32);
    EXPECT_EQ(t.size(), 43u);
    EXPECT_EQ(t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
              std::string::npos);
    seen.insert(t);
  }
  EXPECT_EQ(seen.size(), 100u);
}

}  // namespace
}  // namespace chancery::platform
