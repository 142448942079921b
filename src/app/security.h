// Passwords and tokens (DESIGN.md section 6), on libsodium: argon2id password
// hashes (crypto_pwhash_str), random session ids and CSRF tokens, and the
// digest under which a session id is stored. Every function is thread-safe;
// libsodium is initialised once, at first use (a library that cannot start
// is a start-up failure: std::runtime_error).
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"

namespace cinplan::app {

// The argon2id hash of `password` (crypto_pwhash_str with the interactive
// limits). kBadInput when it breaks check_password_policy; kUnavailable when
// memory for the hash cannot be had.
Result<std::string> hash_password(std::string_view password);
// Whether `password` matches `hash`. A malformed hash never matches.
bool verify_password(std::string_view hash, std::string_view password);
// Does the work of a verification against a fixed hash, so an unknown
// username costs the same time as a wrong password.
void verify_against_dummy(std::string_view password);
// At least 12 characters (code points), at most 256 bytes, valid UTF-8, no
// control characters. kBadInput saying which, never quoting the password.
Result<void> check_password_policy(std::string_view password);

// Overwrites a secret's bytes (sodium_memzero, which the compiler cannot
// leave out) and empties it.
void wipe(std::string& secret);

// 32 random bytes, base64url without padding (43 characters).
std::string random_token();
// Hex of a keyed BLAKE2b digest (crypto_generichash, 32 bytes: 64 hex
// characters) of a session id, for storage, under the process's token key.
std::string token_digest(std::string_view token);
// Sets the process's token key: at least 32 bytes (a longer key than BLAKE2b
// takes, 64 bytes, is first hashed down to 32). The server sets it once at
// start, from its environment or a file, never from its command line; every
// process sharing a database must use the same key, or none finds the
// others' sessions. Until it is set, a random key made at first use stands
// in, so sessions then last only as long as the process. kBadInput when the
// key is too short. Thread-safe.
Result<void> set_token_key(std::string_view key);
// Constant-time comparison (of the bytes; the lengths are not secret). An
// empty token equals nothing, not even another empty one.
bool tokens_equal(std::string_view a, std::string_view b);

// The SHA-256 of `bytes`, as 64 lower-case hex digits (an attachment's key).
std::string sha256_hex(std::string_view bytes);

}  // namespace cinplan::app
