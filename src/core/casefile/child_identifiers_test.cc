#include "core/casefile/child_identifiers.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "core/casefile/event_types.h"

namespace cinplan {
namespace {

TEST(NhsNumber, TheCheckDigitIsElevenLessTheWeightedSumModuloEleven) {
  // 9*10 + 4*9 + 3*8 + 4*7 + 7*6 + 6*5 + 5*4 + 9*3 + 1*2 = 299 = 27*11 + 2.
  EXPECT_EQ(nhs_check_digit("943476591"), '9');
  EXPECT_TRUE(is_valid_nhs_number("9434765919"));
  EXPECT_TRUE(is_valid_nhs_number("9434765870"));
  EXPECT_TRUE(is_valid_nhs_number("4010232137"));
}

TEST(NhsNumber, ARemainderOfZeroGivesZero) {
  // A sum of 0: 11 - 0 = 11, which is written 0.
  EXPECT_EQ(nhs_check_digit("000000000"), '0');
  EXPECT_TRUE(is_valid_nhs_number("0000000000"));
}

TEST(NhsNumber, NineDigitsWhoseCheckWouldBeTenAreNoNhsNumber) {
  // 6*2 = 12, which is 1 modulo 11: the check would be 11 - 1 = 10.
  EXPECT_EQ(nhs_check_digit("000000006"), std::nullopt);
  for (char last = '0'; last <= '9'; ++last)
    EXPECT_FALSE(is_valid_nhs_number(std::string("000000006") + last)) << last;
}

TEST(NhsNumber, AWrongDigitOrAnythingButTenDigitsIsRefused) {
  EXPECT_FALSE(is_valid_nhs_number("9434765918"));
  EXPECT_FALSE(is_valid_nhs_number("9434765819"));  // two digits swapped
  EXPECT_FALSE(is_valid_nhs_number("943 476 5919"));
  EXPECT_FALSE(is_valid_nhs_number("943476591"));
  EXPECT_FALSE(is_valid_nhs_number("94347659190"));
  EXPECT_FALSE(is_valid_nhs_number("94347659X9"));
  EXPECT_FALSE(is_valid_nhs_number(""));
  EXPECT_EQ(nhs_check_digit("94347659"), std::nullopt);
  EXPECT_EQ(nhs_check_digit("94347659a"), std::nullopt);
}

TEST(Upn, TheCheckLetterIsTheWeightedSumModuloTwentyThree) {
  // (2x2)+(7x4)+(1x9)+(6x10)+(4x12)+(9x13) = 266 = 11*23 + 13, and the
  // 14th letter (value 13) of the alphabet without I, O and S is P.
  EXPECT_EQ(upn_check_letter("207000016049"), 'P');
  EXPECT_TRUE(is_valid_upn("P207000016049"));
  EXPECT_FALSE(is_valid_upn("Q207000016049"));
  EXPECT_TRUE(is_valid_upn("B801200005001"));
  EXPECT_FALSE(is_valid_upn("A801200005001"));
}

TEST(Upn, ATemporaryUpnEndsInALetterCountedByItsPlace) {
  // 80120000500 then A (0): the same sum as ...5000 with a last 0.
  EXPECT_EQ(upn_check_letter("80120000500A"), upn_check_letter("801200005000"));
  // T is the 17th letter (value 16) of the alphabet without I, O and S.
  const auto with_t = upn_check_letter("80120000500T");
  ASSERT_TRUE(with_t);
  EXPECT_TRUE(is_valid_upn(std::string(1, *with_t) + "80120000500T"));
  EXPECT_EQ(upn_check_letter("80120000500I"), std::nullopt);
  EXPECT_EQ(upn_check_letter("80120000500O"), std::nullopt);
  EXPECT_EQ(upn_check_letter("80120000500S"), std::nullopt);
}

TEST(Upn, LettersAnywhereButTheEndOrAWrongLengthAreRefused) {
  EXPECT_EQ(upn_check_letter("8012000A5001"), std::nullopt);
  EXPECT_EQ(upn_check_letter("80120000500"), std::nullopt);
  EXPECT_FALSE(is_valid_upn("B80120000500"));
  EXPECT_FALSE(is_valid_upn("B8012000050012"));
  EXPECT_FALSE(is_valid_upn("I801200005001"));
  EXPECT_FALSE(is_valid_upn("b801200005001"));
  EXPECT_FALSE(is_valid_upn(""));
}

TEST(Upn, EveryCheckLetterIsOneOfTheTwentyThree) {
  const std::string alphabet = "ABCDEFGHJKLMNPQRTUVWXYZ";
  for (int n = 0; n < 200; ++n) {
    std::string twelve = "8012000050" + std::to_string(10 + n % 90);
    const auto letter = upn_check_letter(twelve);
    ASSERT_TRUE(letter) << twelve;
    EXPECT_NE(alphabet.find(*letter), std::string::npos) << twelve;
  }
}

TEST(ChildIdentifiers, TheRegistryExampleOfAChildHoldsValidNumbers) {
  const auto type = find_event_type("child_registered");
  ASSERT_TRUE(type);
  const auto example = nlohmann::json::parse(event_type(*type).example);
  EXPECT_TRUE(is_valid_nhs_number(example.at("nhs_number").get<std::string>()));
  EXPECT_TRUE(is_valid_upn(example.at("upn").get<std::string>()));
}

}  // namespace
}  // namespace cinplan
