// Passwords and tokens on libsodium (security.h).
#include "app/security.h"

#include <sodium.h>

#include <array>
#include <mutex>
#include <stdexcept>

#include "core/utf8.h"

namespace cinplan::app {
namespace {

constexpr std::size_t kMinPasswordCharacters = 12;
constexpr std::size_t kMaxPasswordBytes = 256;
constexpr std::size_t kTokenBytes = 32;
constexpr std::size_t kDigestBytes = 32;
constexpr std::size_t kMinKeyBytes = 32;

// Initialises libsodium once, whichever thread comes first (a function-local
// static is initialised once, thread-safely).
void ensure_sodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium could not be initialised");
}

// The token key, behind a mutex: set_token_key may run while other threads
// make digests.
struct TokenKey {
  std::mutex mutex;
  std::array<unsigned char, crypto_generichash_KEYBYTES_MAX> bytes{};
  std::size_t size = 0;  // 0: not made or set yet
};

TokenKey& token_key() {
  static TokenKey key;
  return key;
}

// The argon2id hash of a random password, made once, for verify_against_dummy.
const std::string& dummy_hash() {
  static const std::string hash = [] {
    char out[crypto_pwhash_STRBYTES];
    const std::string password = random_token();
    if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
      return std::string();
    return std::string(out);
  }();
  return hash;
}

}  // namespace

Result<void> check_password_policy(std::string_view password) {
  if (password.size() > kMaxPasswordBytes)
    return std::unexpected(Error::bad_input("the password is too long: at most " +
                                            std::to_string(kMaxPasswordBytes) + " bytes"));
  if (!valid_utf8(password))
    return std::unexpected(Error::bad_input("the password is not valid UTF-8 text"));
  if (has_control_character(password))
    return std::unexpected(
        Error::bad_input("the password holds a control character (such as a tab or a line break)"));
  if (const std::size_t n = code_points(password); n < kMinPasswordCharacters)
    return std::unexpected(Error::bad_input("the password is too short: it needs at least " +
                                            std::to_string(kMinPasswordCharacters) +
                                            " characters (it has " + std::to_string(n) + ")"));
  return {};
}

Result<std::string> hash_password(std::string_view password) {
  if (auto valid = check_password_policy(password); !valid) return std::unexpected(valid.error());
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    return std::unexpected(
        Error::unavailable("not enough memory to hash the password; try again later"));
  return std::string(out);
}

bool verify_password(std::string_view hash, std::string_view password) {
  ensure_sodium();
  // libsodium reads the hash as a C string: one with a NUL inside, or too
  // long to be a hash, is malformed. So is a hash of another algorithm.
  if (hash.size() >= crypto_pwhash_STRBYTES || hash.find('\0') != std::string_view::npos ||
      !hash.starts_with(crypto_pwhash_argon2id_STRPREFIX))
    return false;
  // No password that hash_password takes is longer; refusing sooner also
  // bounds the work a stranger can ask for.
  if (password.size() > kMaxPasswordBytes) return false;
  const std::string text(hash);
  return crypto_pwhash_str_verify(text.c_str(), password.data(), password.size()) == 0;
}

void verify_against_dummy(std::string_view password) {
  ensure_sodium();
  const std::string& hash = dummy_hash();
  if (hash.empty() || password.size() > kMaxPasswordBytes) return;
  // The answer is always no; only the work matters.
  [[maybe_unused]] const int no =
      crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size());
}

void wipe(std::string& secret) {
  if (!secret.empty()) sodium_memzero(secret.data(), secret.size());
  secret.clear();
}

std::string random_token() {
  ensure_sodium();
  unsigned char bytes[kTokenBytes];
  randombytes_buf(bytes, sizeof bytes);
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  char out[sodium_base64_ENCODED_LEN(kTokenBytes, kVariant)];
  sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, kVariant);
  sodium_memzero(bytes, sizeof bytes);
  return std::string(out);
}

Result<void> set_token_key(std::string_view key) {
  ensure_sodium();
  if (key.size() < kMinKeyBytes)
    return std::unexpected(Error::bad_input("the session key is too short: it needs at least " +
                                            std::to_string(kMinKeyBytes) + " bytes (it has " +
                                            std::to_string(key.size()) + ")"));
  TokenKey& k = token_key();
  std::lock_guard lock(k.mutex);
  sodium_memzero(k.bytes.data(), k.bytes.size());
  if (key.size() <= k.bytes.size()) {
    std::copy(key.begin(), key.end(), k.bytes.begin());
    k.size = key.size();
  } else {
    crypto_generichash(k.bytes.data(), kMinKeyBytes,
                       reinterpret_cast<const unsigned char*>(key.data()), key.size(), nullptr, 0);
    k.size = kMinKeyBytes;
  }
  return {};
}

std::string token_digest(std::string_view token) {
  ensure_sodium();
  unsigned char digest[kDigestBytes];
  {
    TokenKey& k = token_key();
    std::lock_guard lock(k.mutex);
    if (k.size == 0) {
      randombytes_buf(k.bytes.data(), kMinKeyBytes);
      k.size = kMinKeyBytes;
    }
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()),
                       token.size(), k.bytes.data(), k.size);
  }
  char hex[2 * kDigestBytes + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex);
}

bool tokens_equal(std::string_view a, std::string_view b) {
  ensure_sodium();
  // The length is not secret (every token has the same); the bytes are.
  // An empty token is none: a form without one never matches a session
  // without one.
  if (a.size() != b.size() || a.empty()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string sha256_hex(std::string_view bytes) {
  ensure_sodium();
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                     bytes.size());
  std::string hex(2 * digest.size() + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  hex.pop_back();
  return hex;
}

}  // namespace cinplan::app
