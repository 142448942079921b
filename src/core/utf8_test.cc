#include "core/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace cinplan {
namespace {

TEST(Utf8Test, WellFormedTextIsValid) {
  EXPECT_TRUE(valid_utf8(""));
  EXPECT_TRUE(valid_utf8("plain ascii"));
  EXPECT_TRUE(valid_utf8("Zo\xC3\xAB"));            // Zoë
  EXPECT_TRUE(valid_utf8("\xE2\x82\xAC"));          // €
  EXPECT_TRUE(valid_utf8("\xF0\x9F\x98\x80"));      // U+1F600
  EXPECT_TRUE(valid_utf8("\xF4\x8F\xBF\xBF"));      // U+10FFFF
  EXPECT_TRUE(valid_utf8(std::string("a\0b", 3)));  // NUL is a code point
}

TEST(Utf8Test, MalformedTextIsNot) {
  EXPECT_FALSE(valid_utf8("\x80"));              // a stray continuation
  EXPECT_FALSE(valid_utf8("\xC3"));              // cut short
  EXPECT_FALSE(valid_utf8("\xE2\x82"));          // cut short
  EXPECT_FALSE(valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(valid_utf8("\xE0\x80\xAF"));      // overlong
  EXPECT_FALSE(valid_utf8("\xED\xA0\x80"));      // a surrogate
  EXPECT_FALSE(valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(valid_utf8("\xFF"));
  EXPECT_FALSE(valid_utf8("ok\xC3("));  // a bad second byte
}

TEST(Utf8Test, CodePointsCountCharacters) {
  EXPECT_EQ(code_points(""), 0u);
  EXPECT_EQ(code_points("abc"), 3u);
  EXPECT_EQ(code_points("Zo\xC3\xAB"), 3u);
  EXPECT_EQ(code_points("\xF0\x9F\x98\x80\xE2\x82\xAC"), 2u);
}

TEST(Utf8Test, ControlCharactersAreFoundC0DelAndC1) {
  EXPECT_FALSE(has_control_character("a normal name, with punctuation: Zo\xC3\xAB!"));
  EXPECT_TRUE(has_control_character("tab\there"));
  EXPECT_TRUE(has_control_character("line\n"));
  EXPECT_TRUE(has_control_character(std::string("nul\0", 4)));
  EXPECT_TRUE(has_control_character("del\x7F"));
  EXPECT_TRUE(has_control_character("c1 \xC2\x85"));  // NEL
  EXPECT_FALSE(has_control_character("nbsp \xC2\xA0"));
}

}  // namespace
}  // namespace cinplan
