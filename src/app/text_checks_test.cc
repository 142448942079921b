#include "app/text_checks.h"

#include <gtest/gtest.h>

#include <string>

namespace cinplan::app {
namespace {

using json = nlohmann::ordered_json;

TEST(TextChecks, ALongNoteIsKeptAndAPastedBookIsRefusedNamingTheField) {
  const std::string note(kLongTextLimit, 'a');
  EXPECT_TRUE(check_text({{{"type", "case_note_added"}, {"heading", "Call"}, {"text", note}}}));
  const auto refused =
      check_text({{{"type", "case_note_added"}, {"heading", "Call"}, {"text", note + "b"}}});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message,
            "The text is 50,001 characters long: this field keeps at most 50,000 (text).");
}

TEST(TextChecks, AHeadingIsOneLineAndCharactersNotBytesAreCounted) {
  // 300 characters of two bytes each: still 300 characters.
  std::string heading;
  for (int i = 0; i < 300; ++i) heading += "\xC3\xA9";  // é
  EXPECT_TRUE(check_text({{{"heading", heading}, {"text", "x"}}}));
  const auto refused = check_text({{{"heading", heading + "e"}, {"text", "x"}}});
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("(heading)"), std::string::npos);
  // Nested: an action's owner in a list of actions.
  const auto owner = check_text({{{"actions", json::array({{{"owner", std::string(301, 'o')}}})}}});
  ASSERT_FALSE(owner);
  EXPECT_NE(owner.error().message.find("(owner)"), std::string::npos);
}

TEST(TextChecks, ACharacterThatReversesTheTextIsRefusedAndRightToLeftTextIsNot) {
  // "Mother says \u202Eeno ton" would show as "Mother says not one".
  const auto refused = check_text({{{"text",
                                     "Mother says \xE2\x80\xAE"
                                     "eno ton"}}});
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("U+202E, right-to-left override"), std::string::npos);
  EXPECT_NE(refused.error().message.find("(text)"), std::string::npos);
  EXPECT_FALSE(check_text({{{"notes", json::array({"\xE2\x81\xA7x"})}}}));  // U+2067
  // Arabic and Hebrew as typed need no such character.
  EXPECT_TRUE(check_text(
      {{{"text", "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D"}}}));
  // A left-to-right or right-to-left mark (U+200E, U+200F) is allowed.
  EXPECT_TRUE(check_text({{{"text", "abc\xE2\x80\x8F"}}}));
}

}  // namespace
}  // namespace cinplan::app
