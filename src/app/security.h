// Passwords and tokens (DESIGN.md section 6), on libsodium: argon2id password
// hashes (crypto_pwhash_str), random session ids and CSRF tokens, and the
// digest under which a session id is stored.
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
// At least 12 characters, at most 256 bytes, no control characters.
// kBadInput saying which.
Result<void> check_password_policy(std::string_view password);

// 32 random bytes, base64url without padding (43 characters).
std::string random_token();
// Hex of a keyed BLAKE2b digest (crypto_generichash) of a session id, for
// storage.
std::string token_digest(std::string_view token);
// Constant-time comparison.
bool tokens_equal(std::string_view a, std::string_view b);

}  // namespace cinplan::app
