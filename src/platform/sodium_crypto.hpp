#pragma once
// libsodium behind core's crypto ports.
#include "core/ports/crypto.hpp"
#include "core/result.hpp"

namespace chancery::platform {

// Must succeed once before any other call here (sodium_init).
core::Result<void> InitSodium();

class SodiumDigest : public core::Digest {
 public:
  std::string Sha256Hex(std::string_view bytes) const override;
};

// argon2id with libsodium's INTERACTIVE limits (t=2, 64 MiB): ~0.1 s a hash on this class of
// machine; callers run it off the I/O threads.
class SodiumPasswordHasher : public core::PasswordHasher {
 public:
  std::string Hash(std::string_view password) const override;
  bool Verify(std::string_view password, std::string_view hash) const override;
};

class SodiumRandom : public core::RandomSource {
 public:
  std::string Token(std::size_t bytes) override;
};

}  // namespace chancery::platform
