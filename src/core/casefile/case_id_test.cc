#include "core/casefile/case_id.h"

#include <gtest/gtest.h>

#include <string>

namespace cinplan {
namespace {

using namespace std::string_literals;

std::string message_for(std::string_view id) {
  auto checked = check_case_id(id);
  if (checked) return "ok";
  EXPECT_EQ(checked.error().code, ErrorCode::kBadInput);
  EXPECT_EQ(checked.error().message.find('\n'), std::string::npos);
  return checked.error().message;
}

TEST(CaseId, LettersDigitsDashUnderscoreAndDotAreAllowed) {
  for (const char* id : {"C-1001", "a", "Z", "0", "case_2.b", "A.B-C_D", "9-", "x."})
    EXPECT_EQ(message_for(id), "ok") << id;
  EXPECT_EQ(message_for(std::string(64, 'x')), "ok");
}

TEST(CaseId, AnEmptyIdIsRefused) {
  EXPECT_EQ(message_for(""), "the case id is empty");
}

TEST(CaseId, ANulIsAControlCharacterShownEscaped) {
  EXPECT_EQ(message_for("A\0B"s),
            R"(case id "A\u0000B" may hold only letters, digits, "-", "_" and "." )"
            R"((it holds a control character))");
}

TEST(CaseId, ControlCharactersAreEscapedOnOneLine) {
  EXPECT_EQ(message_for("A\nB"),
            R"(case id "A\u000aB" may hold only letters, digits, "-", "_" and "." )"
            R"((it holds a control character))");
  EXPECT_EQ(message_for("\x1b[31mred"),
            R"(case id "\u001b[31mred" may hold only letters, digits, "-", "_" and "." )"
            R"((it holds a control character))");
  EXPECT_EQ(message_for("A\x7f"), R"(case id "A\u007f" may hold only letters, digits, "-", )"
                                  R"("_" and "." (it holds a control character))");
  // A C1 control, U+0085 (next line), in UTF-8.
  EXPECT_EQ(message_for("A\xc2\x85"), R"(case id "A\u0085" may hold only letters, digits, )"
                                      R"("-", "_" and "." (it holds a control character))");
}

TEST(CaseId, OtherCharactersAreNamed) {
  EXPECT_EQ(message_for("C 1"), R"(case id "C 1" may hold only letters, digits, "-", "_" and )"
                                R"("." (it holds a space))");
  EXPECT_EQ(message_for("C/1"), R"(case id "C/1" may hold only letters, digits, "-", "_" and )"
                                R"("." (it holds "/"))");
  EXPECT_EQ(message_for("C\"1"), R"(case id "C\"1" may hold only letters, digits, "-", "_" )"
                                 R"(and "." (it holds a double quote))");
  EXPECT_EQ(message_for("C\\1"), R"(case id "C\\1" may hold only letters, digits, "-", "_" )"
                                 R"(and "." (it holds a backslash))");
  EXPECT_EQ(message_for("Zoë"), R"(case id "Zoë" may hold only letters, digits, "-", "_" and )"
                                R"("." (it holds "ë", which is not an ASCII character))");
  // A right-to-left override would reorder the rest of the line.
  EXPECT_EQ(message_for("A\xe2\x80\xae"
                        "B"),
            R"(case id "A\u202eB" may hold only letters, digits, "-", "_" and "." )"
            R"((it holds "\u202e", which is not an ASCII character))");
  EXPECT_EQ(message_for("A\xff"
                        "B"),
            R"(case id "A\xffB" may hold only letters, digits, "-", "_" and "." )"
            R"((it holds a byte that is not UTF-8 text))");
}

TEST(CaseId, ADotMayNotComeFirst) {
  EXPECT_EQ(message_for(".C-1"), R"(case id ".C-1" may not start with ".")");
  EXPECT_EQ(message_for(".."), R"(case id ".." may not start with ".")");
}

TEST(CaseId, ALongIdIsCutTo40CharactersWithItsLength) {
  EXPECT_EQ(message_for(std::string(65, 'x')),
            "case id \"" + std::string(40, 'x') +
                "...\" (65 characters) is too long: a case id has at most 64 characters");
  const std::string megabyte(1 << 20, 'A');
  const std::string message = message_for(megabyte);
  EXPECT_EQ(message, "case id \"" + std::string(40, 'A') +
                         "...\" (1048576 characters) is too long: a case id has at most 64 "
                         "characters");
}

TEST(CaseId, QuotingCountsCharactersNotBytes) {
  EXPECT_EQ(quoted_case_id("C-1"), "\"C-1\"");
  EXPECT_EQ(quoted_case_id(std::string(40, 'x')), "\"" + std::string(40, 'x') + "\"");
  std::string accents;
  for (int i = 0; i < 41; ++i) accents += "é";
  std::string shown;
  for (int i = 0; i < 40; ++i) shown += "é";
  EXPECT_EQ(quoted_case_id(accents), "\"" + shown + "...\" (41 characters)");
  // Escapes of a cut id stay whole.
  EXPECT_EQ(quoted_case_id(std::string(50, '\0')).substr(0, 13), "\"\\u0000\\u0000");
  EXPECT_EQ(quoted_case_id("\xe2\x80"), "\"\\xe2\\x80\"");  // a sequence cut short
  EXPECT_EQ(quoted_case_id("\xc0\xaf"), "\"\\xc0\\xaf\"");  // an overlong "/"
}

}  // namespace
}  // namespace cinplan
