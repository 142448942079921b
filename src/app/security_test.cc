// Passwords and tokens (security.h) on the real libsodium.
#include "app/security.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <thread>

namespace cinplan::app {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

constexpr std::string_view kPassword = "correct horse battery";

TEST(SecurityTest, AHashVerifiesItsPasswordAndNoOther) {
  auto hash = hash_password(kPassword);
  ASSERT_TRUE(hash.has_value()) << hash.error().message;
  EXPECT_THAT(*hash, StartsWith("$argon2id$"));
  EXPECT_THAT(*hash, Not(HasSubstr(std::string(kPassword))));
  EXPECT_TRUE(verify_password(*hash, kPassword));
  EXPECT_FALSE(verify_password(*hash, "correct horse batterx"));
  EXPECT_FALSE(verify_password(*hash, "correct horse battery "));
  EXPECT_FALSE(verify_password(*hash, ""));
  // Salted: the same password hashes differently each time, and both verify.
  auto again = hash_password(kPassword);
  ASSERT_TRUE(again.has_value());
  EXPECT_NE(*again, *hash);
  EXPECT_TRUE(verify_password(*again, kPassword));
}

TEST(SecurityTest, AMalformedHashNeverMatches) {
  auto hash = hash_password(kPassword);
  ASSERT_TRUE(hash.has_value());
  std::string cut = hash->substr(0, hash->size() - 4);
  std::string changed = *hash;
  changed.back() = changed.back() == 'A' ? 'B' : 'A';
  std::string with_nul = *hash + std::string(1, '\0') + "x";
  std::string argon2i = *hash;
  argon2i.replace(0, 10, "$argon2i$");
  for (const std::string& bad :
       {std::string(), std::string("plain text"), std::string(kPassword), cut, changed, with_nul,
        argon2i, *hash + *hash, std::string(1000, '$')}) {
    EXPECT_FALSE(verify_password(bad, kPassword)) << bad;
  }
  // A dummy verification takes a password and tells nothing.
  verify_against_dummy(kPassword);
  verify_against_dummy(std::string(10'000, 'x'));
}

TEST(SecurityTest, ThePolicySaysWhatIsWrongWithoutQuotingThePassword) {
  const auto refused = [](std::string_view password, std::string_view words) {
    auto checked = check_password_policy(password);
    ASSERT_FALSE(checked.has_value()) << password;
    EXPECT_EQ(checked.error().code, ErrorCode::kBadInput);
    EXPECT_THAT(checked.error().message, HasSubstr(std::string(words)));
    if (!password.empty()) {
      EXPECT_THAT(checked.error().message, Not(HasSubstr(std::string(password))));
    }
    auto hashed = hash_password(password);
    ASSERT_FALSE(hashed.has_value());
    EXPECT_EQ(hashed.error().message, checked.error().message);
  };
  refused("", "too short: it needs at least 12 characters (it has 0)");
  refused("elevenchars", "it needs at least 12 characters (it has 11)");
  // Characters, not bytes: eleven two-byte letters are still eleven.
  std::string accented;
  for (int i = 0; i < 11; ++i) accented += "\xC3\xA9";
  refused(accented, "(it has 11)");
  refused(std::string(257, 'x'), "too long: at most 256 bytes");
  refused("twelve chars\tand a tab", "control character");
  refused("a line break\nin the middle", "control character");
  refused("not utf-8 at all \xFF\xFE", "not valid UTF-8");

  EXPECT_TRUE(check_password_policy("twelve chars").has_value());
  EXPECT_TRUE(check_password_policy(std::string(256, 'x')).has_value());
  EXPECT_TRUE(check_password_policy(accented + "\xC3\xA9").has_value());
  EXPECT_TRUE(check_password_policy("spaces are fine, as are symbols: !\"#$%").has_value());
}

TEST(SecurityTest, TokensAreRandomAnd43Base64UrlCharacters) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string token = random_token();
    ASSERT_EQ(token.size(), 43u);
    for (const char c : token)
      ASSERT_TRUE((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '_')
          << token;
    seen.insert(token);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(SecurityTest, TheDigestIsKeyedAndStable) {
  const std::string token = random_token();
  ASSERT_TRUE(set_token_key(std::string(32, 'k')).has_value());
  const std::string first = token_digest(token);
  EXPECT_EQ(first.size(), 64u);
  EXPECT_EQ(first.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(token_digest(token), first);
  EXPECT_NE(token_digest(random_token()), first);
  EXPECT_THAT(first, Not(HasSubstr(token)));

  ASSERT_TRUE(set_token_key(std::string(32, 'j')).has_value());
  const std::string other = token_digest(token);
  EXPECT_NE(other, first);
  ASSERT_TRUE(set_token_key(std::string(32, 'k')).has_value());
  EXPECT_EQ(token_digest(token), first);

  // Longer than BLAKE2b takes: hashed down, and still the key.
  ASSERT_TRUE(set_token_key(std::string(100, 'k')).has_value());
  const std::string long_key = token_digest(token);
  EXPECT_NE(long_key, first);
  ASSERT_TRUE(set_token_key(std::string(100, 'k') + "x").has_value());
  EXPECT_NE(token_digest(token), long_key);

  auto short_key = set_token_key(std::string(31, 'k'));
  ASSERT_FALSE(short_key.has_value());
  EXPECT_EQ(short_key.error().code, ErrorCode::kBadInput);
  EXPECT_THAT(short_key.error().message, HasSubstr("at least 32 bytes (it has 31)"));
  // The refused key changed nothing.
  ASSERT_TRUE(set_token_key(std::string(100, 'k') + "x").has_value());
  const std::string kept = token_digest(token);
  EXPECT_FALSE(set_token_key("short").has_value());
  EXPECT_EQ(token_digest(token), kept);
}

TEST(SecurityTest, DigestsMayBeMadeWhileTheKeyIsSet) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([] {
      for (int i = 0; i < 200; ++i) EXPECT_EQ(token_digest("abc").size(), 64u);
    });
  for (int i = 0; i < 50; ++i) ASSERT_TRUE(set_token_key(random_token()).has_value());
  for (auto& t : threads) t.join();
}

TEST(SecurityTest, WipeEmptiesASecret) {
  std::string secret(kPassword);
  wipe(secret);
  EXPECT_TRUE(secret.empty());
  std::string empty;
  wipe(empty);
  EXPECT_TRUE(empty.empty());
}

TEST(SecurityTest, TokensEqualComparesWholeTokens) {
  const std::string a = random_token();
  std::string b = a;
  EXPECT_TRUE(tokens_equal(a, b));
  b.back() = b.back() == 'A' ? 'B' : 'A';
  EXPECT_FALSE(tokens_equal(a, b));
  b = a;
  b.front() = b.front() == 'A' ? 'B' : 'A';
  EXPECT_FALSE(tokens_equal(a, b));
  EXPECT_FALSE(tokens_equal(a, a.substr(0, 42)));
  EXPECT_FALSE(tokens_equal(a, a + "x"));
  EXPECT_FALSE(tokens_equal(a, ""));
  EXPECT_FALSE(tokens_equal("", ""));
}

}  // namespace
}  // namespace cinplan::app
