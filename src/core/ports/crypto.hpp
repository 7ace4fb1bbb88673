#pragma once
// Cryptography the domain needs, behind ports: core knows what it needs (a digest, a password
// hash, unpredictable tokens), the platform adapter brings libsodium.
#include <string>
#include <string_view>

namespace chancery::core {

class Digest {
 public:
  virtual ~Digest() = default;
  virtual std::string Sha256Hex(std::string_view bytes) const = 0;  // 64 lower-case hex digits
};

class PasswordHasher {
 public:
  virtual ~PasswordHasher() = default;
  // A self-describing hash string (PHC format, argon2id). Slow and memory-hungry on purpose.
  virtual std::string Hash(std::string_view password) const = 0;
  virtual bool Verify(std::string_view password, std::string_view hash) const = 0;
};

class RandomSource {
 public:
  virtual ~RandomSource() = default;
  // `bytes` random bytes as URL-safe base64 without padding: tokens, CSRF values, passwords.
  virtual std::string Token(std::size_t bytes) = 0;
};

}  // namespace chancery::core
