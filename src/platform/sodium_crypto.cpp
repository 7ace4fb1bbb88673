#include "platform/sodium_crypto.hpp"

#include <sodium.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace chancery::platform {

core::Result<void> InitSodium() {
  if (sodium_init() < 0) return core::Error::Internal("libsodium could not be initialised");
  return core::Ok();
}

std::string SodiumDigest::Sha256Hex(std::string_view bytes) const {
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, out, sizeof out);
  return hex;
}

std::string SodiumPasswordHasher::Hash(std::string_view password) const {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    // Only when 64 MiB cannot be allocated: not an input error, so not a Result.
    throw std::runtime_error("argon2id hashing failed (out of memory)");
  }
  return out;
}

bool SodiumPasswordHasher::Verify(std::string_view password, std::string_view hash) const {
  // libsodium wants a NUL-terminated hash string.
  std::string h(hash);
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

std::string SodiumRandom::Token(std::size_t bytes) {
  std::vector<unsigned char> buf(bytes);
  randombytes_buf(buf.data(), buf.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), buf.data(), buf.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.find('\0'));
  return out;
}

}  // namespace chancery::platform
