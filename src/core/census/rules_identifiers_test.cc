#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "core/census/census_test_support.h"

namespace cinplan::census {
namespace {

namespace support = cinplan::census::testing;
using ::testing::HasSubstr;

Failures run(std::string_view code, const CensusChild& child) {
  return support::run_rule(identifier_rules(), code, child, support::context_2026());
}

CensusChild with_upn(std::string upn) {
  CensusChild c = support::clean_child();
  c.upn = std::move(upn);
  c.upn_unknown.reset();
  return c;
}

CensusChild died(std::string date) {
  CensusChild c = support::clean_child();
  c.death_date = std::move(date);
  return c;
}

CinEpisode second_episode(std::string referred, std::string nfa) {
  CinEpisode e = support::clean_child().episodes[0];
  e.referral_date = std::move(referred);
  e.referral_nfa = std::move(nfa);
  return e;
}

TEST(IdentifierRules, EachRuleIsListedOnceWithItsDfeWords) {
  std::set<std::string_view> codes;
  for (const CensusRule& r : identifier_rules()) EXPECT_TRUE(codes.insert(r.code).second);
  EXPECT_EQ(codes, (std::set<std::string_view>{
                       "1510",  "1530", "1540", "1550",  "1560Q", "1570",  "1580",  "2888Q", "4008",
                       "4009Q", "4180", "4220", "8500",  "8520",  "8525Q", "8530Q", "8535Q", "8540",
                       "8545Q", "8590", "8750", "8770Q", "8772",  "8775Q", "8790",  "8794"}));
  for (const CensusRule& r : identifier_rules()) {
    EXPECT_EQ(r.severity, r.code.ends_with('Q') ? Severity::kQuery : Severity::kError) << r.code;
    if (r.code != "2888Q") {
      EXPECT_NE(r.check, nullptr) << r.code;
    }
  }
}

TEST(IdentifierRules, TheCleanChildPassesEveryChildRule) {
  for (const CensusRule& r : identifier_rules())
    if (r.check) {
      EXPECT_TRUE(run(r.code, support::clean_child()).empty()) << r.code;
    }
}

TEST(Rule1510, ARightCheckLetterPasses) {
  EXPECT_TRUE(run("1510", with_upn("P201123456789")).empty());
  EXPECT_TRUE(run("1510", with_upn("Y201000000001")).empty());  // remainder 21 is Y
}

TEST(Rule1510, AWrongCheckLetterIsAFailure) {
  const Failures f = run("1510", with_upn("A201123456789"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].where, "ChildIdentifiers");
  EXPECT_THAT(f[0].values, HasSubstr("UPN A201123456789 (the check letter is P)"));
  EXPECT_EQ(run("1510", with_upn("p201123456789")).size(), 1u);
}

TEST(Rule1510, ATemporaryUpnEndingInALetterIsNotChecked) {
  EXPECT_TRUE(run("1510", with_upn("A20112345678A")).empty());
}

TEST(Rule1530, AnAuthorityNumberTheDfeRecognisesPasses) {
  for (const char* upn : {"P201123456789", "A001000000001", "A943000000001", "A420000000001"})
    EXPECT_TRUE(run("1530", with_upn(upn)).empty()) << upn;
}

TEST(Rule1530, AnUnknownAuthorityNumberIsAFailure) {
  for (const char* upn : {"A123456789123", "A214000000001", "A944000000001", "A000000000001"}) {
    const Failures f = run("1530", with_upn(upn));
    ASSERT_EQ(f.size(), 1u) << upn;
    EXPECT_THAT(f[0].values, HasSubstr(std::string(upn).substr(1, 3) + " is not"));
  }
  EXPECT_TRUE(run("1530", with_upn("A1234")).empty());  // only 13 characters are read
}

TEST(Rule1540, DigitsInCharactersFiveToTwelvePass) {
  EXPECT_TRUE(run("1540", with_upn("P201123456789")).empty());
}

TEST(Rule1540, ALetterInCharactersFiveToTwelveIsAFailure) {
  const Failures f = run("1540", with_upn("P2011234X6789"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_THAT(f[0].values, HasSubstr("characters 5-12 are 1234X678"));
  EXPECT_EQ(run("1540", with_upn("P201")).size(), 1u);  // none of them there
}

TEST(Rule1550, ADigitOrAnAllowedLetterAtCharacterThirteenPasses) {
  EXPECT_TRUE(run("1550", with_upn("P201123456789")).empty());
  EXPECT_TRUE(run("1550", with_upn("P20112345678Z")).empty());
}

TEST(Rule1550, IOOrSAtCharacterThirteenIsAFailure) {
  for (const char* upn : {"P20112345678I", "P20112345678O", "P20112345678S", "P20112345678a"}) {
    const Failures f = run("1550", with_upn(upn));
    ASSERT_EQ(f.size(), 1u) << upn;
    EXPECT_THAT(f[0].values, HasSubstr("character 13 is"));
  }
}

TEST(Rule1560Q, AFormerUpnOfALetterAndTwelveDigitsPasses) {
  CensusChild c = support::clean_child();
  c.former_upn = "X987654321231";
  EXPECT_TRUE(run("1560Q", c).empty());
}

TEST(Rule1560Q, AFormerUpnEndingInALetterOrTooShortIsQueried) {
  CensusChild c = support::clean_child();
  c.former_upn = "X98765432123B";
  const Failures f = run("1560Q", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_THAT(f[0].values, HasSubstr("FormerUPN X98765432123B"));
  c.former_upn = "X98721238";
  EXPECT_EQ(run("1560Q", c).size(), 1u);
}

TEST(Rule1570, TwentyCharactersPass) {
  CensusChild c = support::clean_child();
  c.la_child_id = std::string(20, 'A');
  EXPECT_TRUE(run("1570", c).empty());
  std::string accented;
  for (int i = 0; i < 20; ++i) accented += "\u00e9";  // two bytes each
  c.la_child_id = accented;
  EXPECT_TRUE(run("1570", c).empty());
}

TEST(Rule1570, TwentyOneCharactersIsAFailure) {
  CensusChild c = support::clean_child();
  c.la_child_id = "child_fails_assessments";
  const Failures f = run("1570", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_THAT(f[0].values, HasSubstr("(23 characters)"));
}

TEST(Rule1580, LettersAndDigitsPass) {
  CensusChild c = support::clean_child();
  c.la_child_id = "DfEX0000001";
  EXPECT_TRUE(run("1580", c).empty());
}

TEST(Rule1580, AnUnderscoreOrSpaceIsAFailure) {
  CensusChild c = support::clean_child();
  c.la_child_id = "child_1";
  ASSERT_EQ(run("1580", c).size(), 1u);
  EXPECT_THAT(run("1580", c)[0].values, HasSubstr("LAchildID child_1"));
  c.la_child_id = "C 1";
  EXPECT_EQ(run("1580", c).size(), 1u);
}

TEST(Rule2888Q, IsARuleOfTheWholeReturnWithNoChildCheck) {
  const auto rules = identifier_rules();
  const auto r = std::find_if(rules.begin(), rules.end(),
                              [](const CensusRule& x) { return x.code == "2888Q"; });
  ASSERT_NE(r, rules.end());
  EXPECT_EQ(r->check, nullptr);
  EXPECT_EQ(r->module, "Disabilities");
}

TEST(Rule4008, APlanStartingOnTheDayOfDeathPasses) {
  EXPECT_TRUE(run("4008", died("2025-07-15")).empty());
}

TEST(Rule4008, PlansStartingAfterDeathAreOneFailureForTheChild) {
  CensusChild c = died("2025-07-01");
  c.episodes[0].plans.push_back({"2025-09-01", std::nullopt});
  const Failures f = run("4008", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_THAT(f[0].where, HasSubstr("CIN plan started 2025-07-15"));
  EXPECT_THAT(f[0].values, HasSubstr("CINPlanStartDate 2025-07-15, 2025-09-01"));
}

TEST(Rule4009Q, AnOpenPlanOrOneEndingByTheDeathPasses) {
  CensusChild c = died("2025-08-01");
  EXPECT_TRUE(run("4009Q", c).empty());
  c.episodes[0].plans[0].end = "2025-08-01";
  EXPECT_TRUE(run("4009Q", c).empty());
}

TEST(Rule4009Q, APlanEndingAfterDeathIsQueried) {
  CensusChild c = died("2025-08-01");
  c.episodes[0].plans[0].end = "2025-08-02";
  const Failures f = run("4009Q", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_THAT(f[0].values, HasSubstr("PersonDeathDate 2025-08-01, CINPlanEndDate 2025-08-02"));
}

TEST(Rule4180, MFOrUPasses) {
  CensusChild c = support::clean_child();
  for (const char* s : {"M", "F", "U"}) {
    c.sex = s;
    EXPECT_TRUE(run("4180", c).empty()) << s;
  }
}

TEST(Rule4180, AMissingOrOldStyleSexIsAFailure) {
  CensusChild c = support::clean_child();
  c.sex = "1";
  ASSERT_EQ(run("4180", c).size(), 1u);
  EXPECT_EQ(run("4180", c)[0].values, "Sex 1");
  c.sex.reset();
  EXPECT_EQ(run("4180", c)[0].values, "Sex missing");
}

TEST(Rule4220, AMissingOrUnknownEthnicityIsAFailure) {
  CensusChild c = support::clean_child();
  c.ethnicity = "WXYZ";
  ASSERT_EQ(run("4220", c).size(), 1u);
  EXPECT_EQ(run("4220", c)[0].where, "ChildCharacteristics");
  c.ethnicity.reset();
  EXPECT_EQ(run("4220", c)[0].values, "Ethnicity missing");
  c.ethnicity = "MWBA";
  EXPECT_TRUE(run("4220", c).empty());
}

TEST(Rule8500, AMissingLaChildIdIsAFailure) {
  CensusChild c = support::clean_child();
  EXPECT_TRUE(run("8500", c).empty());
  c.la_child_id.reset();
  ASSERT_EQ(run("8500", c).size(), 1u);
  EXPECT_EQ(run("8500", c)[0].values, "LAchildID missing");
}

TEST(Rule8520, BornAfterTheReferenceDateIsAFailure) {
  CensusChild c = support::clean_child();
  c.birth_date = "2026-03-31";
  EXPECT_TRUE(run("8520", c).empty());
  c.birth_date = "2026-04-01";
  ASSERT_EQ(run("8520", c).size(), 1u);
  EXPECT_THAT(run("8520", c)[0].values, HasSubstr("after 2026-03-31"));
}

TEST(Rule8525Q, BothOrNeitherDateOfBirthIsQueried) {
  CensusChild c = support::clean_child();
  c.expected_birth_date = "2026-05-01";
  ASSERT_EQ(run("8525Q", c).size(), 1u);
  EXPECT_THAT(run("8525Q", c)[0].values, HasSubstr("ExpectedPersonBirthDate 2026-05-01"));
  c.birth_date.reset();
  EXPECT_TRUE(run("8525Q", c).empty());
  c.expected_birth_date = "2026-02-30";  // not a date, so missing
  EXPECT_EQ(run("8525Q", c).size(), 1u);
}

TEST(Rule8530Q, AnExpectedBirthInsideTheRangePasses) {
  CensusChild c = support::clean_child();
  for (const char* d : {"2026-03-02", "2026-12-30"}) {
    c.expected_birth_date = d;
    EXPECT_TRUE(run("8530Q", c).empty()) << d;
  }
}

TEST(Rule8530Q, AnExpectedBirthOnOrBeyondEitherBoundIsQueried) {
  CensusChild c = support::clean_child();
  for (const char* d : {"2026-03-01", "2026-12-31", "2025-01-01"}) {
    c.expected_birth_date = d;
    ASSERT_EQ(run("8530Q", c).size(), 1u) << d;
    EXPECT_THAT(run("8530Q", c)[0].values, HasSubstr("not after 2026-03-01 and before 2026-12-31"));
  }
}

TEST(Rule8535Q, DyingAfterBirthPasses) {
  EXPECT_TRUE(run("8535Q", died("2015-05-01")).empty());
  CensusChild unborn = died("2026-01-10");
  unborn.birth_date.reset();
  unborn.expected_birth_date = "2026-02-01";
  EXPECT_TRUE(run("8535Q", unborn).empty());
}

TEST(Rule8535Q, DyingBeforeBirthOrWithNoBirthDateIsQueried) {
  const Failures f = run("8535Q", died("2015-04-30"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].values, "PersonDeathDate 2015-04-30, PersonBirthDate 2015-05-01");
  CensusChild c = died("2025-06-01");
  c.birth_date.reset();
  EXPECT_EQ(run("8535Q", c).size(), 1u);
}

TEST(Rule8540, NoneOrAValidCodePasses) {
  CensusChild c = support::clean_child();
  c.disabilities = {"HAND", "VIS"};
  EXPECT_TRUE(run("8540", c).empty());
  c.disabilities.clear();
  c.episodes[0].referral_nfa = "1";  // no referral going further
  EXPECT_TRUE(run("8540", c).empty());
}

TEST(Rule8540, AMissingOrUnknownDisabilityIsOneFailure) {
  CensusChild c = support::clean_child();
  c.disabilities.clear();
  ASSERT_EQ(run("8540", c).size(), 1u);
  EXPECT_EQ(run("8540", c)[0].values, "Disability missing");
  c.disabilities = {"HAND", "XYZ", "ABC"};
  ASSERT_EQ(run("8540", c).size(), 1u);
  EXPECT_THAT(run("8540", c)[0].values, HasSubstr("XYZ, ABC"));
}

TEST(Rule8545Q, ADeathInTheCensusYearPasses) {
  for (const char* d : {"2025-03-31", "2025-04-01", "2026-03-31"})
    EXPECT_TRUE(run("8545Q", died(d)).empty()) << d;
}

TEST(Rule8545Q, ADeathOutsideTheCensusYearIsQueried) {
  for (const char* d : {"2025-03-30", "2026-04-01"}) {
    const Failures f = run("8545Q", died(d));
    ASSERT_EQ(f.size(), 1u) << d;
    EXPECT_THAT(f[0].values, HasSubstr("census year 2025-03-31 to 2026-03-31"));
  }
}

TEST(Rule8590, AChildWithNoEpisodeIsAFailure) {
  CensusChild c = support::clean_child();
  EXPECT_TRUE(run("8590", c).empty());
  c.episodes.clear();
  ASSERT_EQ(run("8590", c).size(), 1u);
  EXPECT_EQ(run("8590", c)[0].values, "LAchildID C1, no CINdetails");
}

TEST(Rule8750, AnUnbornChildWithSexOtherThanUIsAFailure) {
  CensusChild c = support::clean_child();
  c.birth_date.reset();
  c.expected_birth_date = "2026-05-01";
  c.sex = "U";
  EXPECT_TRUE(run("8750", c).empty());
  c.sex = "F";
  ASSERT_EQ(run("8750", c).size(), 1u);
  EXPECT_EQ(run("8750", c)[0].values, "Sex F, ExpectedPersonBirthDate 2026-05-01");
}

TEST(Rule8770Q, ASchoolAgeChildWithAReasonOtherThanUn1Passes) {
  CensusChild c = support::clean_child();
  c.upn_unknown = "un5";
  EXPECT_TRUE(run("8770Q", c).empty());
  c.upn_unknown = "UN1";
  c.birth_date = "2020-09-01";  // not of school age as the validator reads it
  EXPECT_TRUE(run("8770Q", c).empty());
}

TEST(Rule8770Q, ASchoolAgeChildWithNoUpnAndNoReasonOrUn1IsQueried) {
  CensusChild c = support::clean_child();
  c.birth_date = "2020-08-31";
  c.upn_unknown = "UN1";
  const Failures f = run("8770Q", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_THAT(f[0].values, HasSubstr("UPNunknown UN1"));
  EXPECT_THAT(f[0].values, HasSubstr("born by 2020-08-31"));
  c.upn_unknown.reset();
  EXPECT_EQ(run("8770Q", c).size(), 1u);
  c.episodes[0].referral_nfa = "true";
  EXPECT_TRUE(run("8770Q", c).empty());
}

TEST(Rule8772, Un7WithEveryReferralEndingPasses) {
  CensusChild c = support::clean_child();
  c.upn_unknown = "UN7";
  c.episodes[0].referral_nfa = "1";
  c.episodes.push_back(second_episode("2025-09-01", "True"));
  EXPECT_TRUE(run("8772", c).empty());
}

TEST(Rule8772, Un7WithAReferralGoingFurtherFailsOncePerValue) {
  CensusChild c = support::clean_child();
  c.upn_unknown = "UN7";
  c.episodes.push_back(second_episode("2025-09-01", "0"));
  const Failures f = run("8772", c);
  ASSERT_EQ(f.size(), 1u);  // two episodes with 0 are one failure
  EXPECT_EQ(f[0].where, "CIN episode referred 2025-06-02");
  EXPECT_EQ(f[0].values, "UPNunknown UN7, ReferralNFA 0");
  c.episodes[1].referral_nfa.reset();
  EXPECT_EQ(run("8772", c).size(), 2u);
  c.episodes.clear();
  EXPECT_EQ(run("8772", c).size(), 1u);
}

TEST(Rule8775Q, AChildUnder25Passes) {
  EXPECT_TRUE(run("8775Q", support::clean_child()).empty());
}

TEST(Rule8775Q, AnOver25WithAnEpisodeOpenPastTheirBirthdayIsQueried) {
  CensusChild c = support::clean_child();
  c.birth_date = "2000-01-01";
  const Failures f = run("8775Q", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_THAT(f[0].values, HasSubstr("(25 on 2025-01-01), CINclosureDate missing"));
  c.episodes[0].closure_date = "2024-12-31";
  EXPECT_TRUE(run("8775Q", c).empty());
}

TEST(Rule8790, NoneAlongsideAnotherCodeFailsForEachOther) {
  CensusChild c = support::clean_child();
  c.disabilities = {"NONE", "HAND", "VIS"};
  const Failures f = run("8790", c);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].values, "Disability HAND alongside NONE");
  c.disabilities = {"HAND", "VIS"};
  EXPECT_TRUE(run("8790", c).empty());
}

TEST(Rule8794, ACodeTwiceIsAFailureForEachEntry) {
  CensusChild c = support::clean_child();
  c.disabilities = {"HAND", "VIS", "HAND"};
  const Failures f = run("8794", c);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].values, "Disability HAND (recorded 2 times)");
  c.disabilities = {"HAND", "VIS"};
  EXPECT_TRUE(run("8794", c).empty());
}

}  // namespace
}  // namespace cinplan::census
