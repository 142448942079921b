#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "core/census/census_rules.h"
#include "core/census/census_test_support.h"

namespace cinplan::census {
namespace {

using testing::clean_child;

Failures run(std::string_view code, const CensusChild& child,
             const CensusContext& ctx = testing::context_2026()) {
  return testing::run_rule(assessment_rules(), code, child, ctx);
}

::testing::AssertionResult Mentions(const std::string& text, std::string_view part) {
  if (text.find(part) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << '"' << text << "\" does not mention \"" << part << '"';
}

Assessment& first_assessment(CensusChild& c) {
  return c.episodes[0].assessments[0];
}

// The clean child's assessment, still open: no authorisation, no factors.
CensusChild child_with_open_assessment(const char* start) {
  CensusChild c = clean_child();
  first_assessment(c) = {start, std::nullopt, {}};
  return c;
}

TEST(AssessmentRules, TheTableHoldsEachRuleOnceWithItsSeverity) {
  const std::string_view codes[] = {"1103", "8608",  "8614", "8670Q", "8696", "8736",  "8863Q",
                                    "8869", "8873Q", "8896", "8897Q", "8898", "8945Q", "8950Q"};
  ASSERT_EQ(assessment_rules().size(), std::size(codes));
  for (std::size_t i = 0; i < std::size(codes); ++i) {
    const CensusRule& r = assessment_rules()[i];
    EXPECT_EQ(r.code, codes[i]);
    EXPECT_EQ(r.module, "Assessments");
    EXPECT_NE(r.check, nullptr);
    EXPECT_EQ(r.severity == Severity::kQuery, r.code.back() == 'Q') << r.code;
  }
}

TEST(Rule1103, AnAssessmentStartedOnTheReferralDayPasses) {
  CensusChild c = clean_child();
  first_assessment(c).start = "2025-06-02";
  EXPECT_TRUE(run("1103", clean_child()).empty());
  EXPECT_TRUE(run("1103", c).empty());
}

TEST(Rule1103, AnAssessmentStartedBeforeTheReferralIsAFailure) {
  CensusChild c = clean_child();
  first_assessment(c).start = "2025-06-01";
  const Failures f = run("1103", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].where, "assessment started 2025-06-01"));
  EXPECT_TRUE(Mentions(f[0].values, "CINreferralDate 2025-06-02"));
}

TEST(Rule1103, TwoAssessmentsWithTheSameDatesAreOneFinding) {
  CensusChild c = clean_child();
  first_assessment(c).start = "2025-06-01";
  c.episodes[0].assessments.push_back(first_assessment(c));
  EXPECT_EQ(run("1103", c).size(), 1u);
}

TEST(Rule8608, AnAssessmentAuthorisedOnTheDayItStartedPasses) {
  CensusChild c = clean_child();
  first_assessment(c).authorisation = "2025-06-03";
  EXPECT_TRUE(run("8608", clean_child()).empty());
  EXPECT_TRUE(run("8608", c).empty());
}

TEST(Rule8608, AnAssessmentAuthorisedBeforeItStartedIsAFailure) {
  CensusChild c = clean_child();
  first_assessment(c).authorisation = "2025-06-02";
  const Failures f = run("8608", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "AssessmentAuthorisationDate 2025-06-02"));
}

TEST(Rule8614, FactorsOnACompletedAssessmentPass) {
  EXPECT_TRUE(run("8614", clean_child()).empty());
}

TEST(Rule8614, FactorsOnAnAssessmentWithoutAuthorisationAreAFailure) {
  CensusChild c = clean_child();
  first_assessment(c).authorisation.reset();
  const Failures f = run("8614", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "AssessmentAuthorisationDate missing"));
  EXPECT_TRUE(Mentions(f[0].values, "AssessmentFactors 2A"));
}

TEST(Rule8670Q, AnOpenAssessmentStarted44WorkingDaysBeforeTheReferenceDatePasses) {
  // 2026-01-28 is 44 working days before Tuesday 31 March 2026.
  EXPECT_TRUE(run("8670Q", child_with_open_assessment("2026-01-28")).empty());
  EXPECT_TRUE(run("8670Q", clean_child()).empty());
}

TEST(Rule8670Q, AnOpenAssessmentStarted45WorkingDaysBeforeIsQueriedAsTheValidatorCounts) {
  const Failures f = run("8670Q", child_with_open_assessment("2026-01-27"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "before 2026-01-28"));
}

TEST(Rule8670Q, ACompletedAssessmentIsNotQueriedHoweverOld) {
  CensusChild c = clean_child();
  first_assessment(c).start = "2025-04-02";
  EXPECT_TRUE(run("8670Q", c).empty());
}

TEST(Rule8696, AnAuthorisationOnTheFirstDayOfTheCensusYearPasses) {
  CensusChild c = clean_child();
  first_assessment(c).authorisation = "2025-04-01";
  EXPECT_TRUE(run("8696", c).empty());
  EXPECT_TRUE(run("8696", clean_child()).empty());
}

TEST(Rule8696, AnAuthorisationAfterTheReferenceDateIsAFailure) {
  CensusChild c = clean_child();
  first_assessment(c).authorisation = "2026-04-01";
  const Failures f = run("8696", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "AssessmentAuthorisationDate 2026-04-01"));
  EXPECT_TRUE(Mentions(f[0].values, "census year 2025-04-01 to 2026-03-31"));
}

TEST(Rule8736, AnOpenAssessmentStartedInTheCensusYearPasses) {
  EXPECT_TRUE(run("8736", child_with_open_assessment("2025-04-01")).empty());
}

TEST(Rule8736, AnOpenAssessmentStartedBeforeTheCensusYearIsAFailure) {
  const Failures f = run("8736", child_with_open_assessment("2025-03-31"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].where, "assessment started 2025-03-31"));
}

TEST(Rule8736, AnOpenAssessmentWithoutAStartIsAFailure) {
  CensusChild c = clean_child();
  first_assessment(c) = {std::nullopt, std::nullopt, {}};
  const Failures f = run("8736", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "AssessmentActualStartDate missing"));
}

TEST(Rule8863Q, AnAssessmentStartingAfterAnotherWasAuthorisedPasses) {
  CensusChild c = clean_child();
  c.episodes[0].assessments.push_back({"2025-07-11", "2025-08-01", {"2A"}});
  EXPECT_TRUE(run("8863Q", c).empty());
  EXPECT_TRUE(run("8863Q", clean_child()).empty());
}

TEST(Rule8863Q, AnAssessmentStartingDuringAnotherIsQueried) {
  CensusChild c = clean_child();
  c.episodes[0].assessments.push_back({"2025-07-10", "2025-08-01", {"2A"}});
  const Failures f = run("8863Q", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].where, "assessment started 2025-07-10"));
  EXPECT_TRUE(Mentions(f[0].values, "during the assessment started 2025-06-03"));
}

TEST(Rule8863Q, AnAssessmentStartingWhileAnotherIsStillOpenIsQueried) {
  CensusChild c = child_with_open_assessment("2025-06-03");
  c.episodes[0].assessments.push_back({"2026-03-31", std::nullopt, {}});
  EXPECT_EQ(run("8863Q", c).size(), 1u);
}

TEST(Rule8863Q, IdenticalAssessmentsAreNotComparedWithEachOther) {
  CensusChild c = clean_child();
  c.episodes[0].assessments.push_back(first_assessment(c));
  EXPECT_TRUE(run("8863Q", c).empty());
}

TEST(Rule8869, Code21AloneOrOtherFactorsWithout21Pass) {
  CensusChild c = clean_child();
  first_assessment(c).factors = {"21"};
  EXPECT_TRUE(run("8869", c).empty());
  first_assessment(c).factors = {"2A", "3B"};
  EXPECT_TRUE(run("8869", c).empty());
}

TEST(Rule8869, EachFactorBeside21IsAFailure) {
  CensusChild c = clean_child();
  first_assessment(c).factors = {"21", "2A", "3B"};
  const Failures f = run("8869", c);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_TRUE(Mentions(f[0].values, "AssessmentFactors 21 with 2A"));
  EXPECT_TRUE(Mentions(f[1].values, "21 with 3B"));
}

TEST(Rule8873Q, ASingleAssessmentWith21AndReasonRC8Passes) {
  CensusChild c = clean_child();
  first_assessment(c).factors = {"21"};
  c.episodes[0].closure_date = "2025-07-20";
  c.episodes[0].reason_for_closure = "RC8";
  EXPECT_TRUE(run("8873Q", c).empty());
  EXPECT_TRUE(run("8873Q", clean_child()).empty());
}

TEST(Rule8873Q, ASingleAssessmentWith21ClosedForAnotherReasonIsQueried) {
  CensusChild c = clean_child();
  first_assessment(c).factors = {"21"};
  c.episodes[0].closure_date = "2025-07-20";
  c.episodes[0].reason_for_closure = "RC1";
  const Failures f = run("8873Q", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "ReasonForClosure RC1"));
}

TEST(Rule8873Q, AnOpenEpisodeIsQueriedTooAsTheValidatorReadsIt) {
  CensusChild c = clean_child();
  first_assessment(c).factors = {"21"};
  const Failures f = run("8873Q", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "ReasonForClosure missing"));
}

TEST(Rule8873Q, AnEpisodeWithTwoAssessmentsIsNotQueried) {
  CensusChild c = clean_child();
  first_assessment(c).factors = {"21"};
  c.episodes[0].assessments.push_back({"2025-08-01", "2025-08-20", {"21"}});
  EXPECT_TRUE(run("8873Q", c).empty());
}

TEST(Rule8896, OneOpenAssessmentInEachEpisodePasses) {
  CensusChild c = child_with_open_assessment("2025-06-03");
  c.episodes.push_back(c.episodes[0]);
  EXPECT_TRUE(run("8896", c).empty());
}

TEST(Rule8896, TwoOpenAssessmentsInOneEpisodeAreOneFailure) {
  CensusChild c = child_with_open_assessment("2025-06-03");
  c.episodes[0].assessments.push_back({"2025-06-10", std::nullopt, {}});
  c.episodes[0].assessments.push_back({"2025-06-12", std::nullopt, {}});
  const Failures f = run("8896", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].where, "CIN episode referred 2025-06-02"));
  EXPECT_TRUE(Mentions(f[0].values, "3 assessments"));
}

TEST(Rule8897Q, ACompletedAssessmentWithAFactorPasses) {
  EXPECT_TRUE(run("8897Q", clean_child()).empty());
}

TEST(Rule8897Q, ACompletedAssessmentWithoutFactorsIsQueried) {
  CensusChild c = clean_child();
  first_assessment(c).factors.clear();
  const Failures f = run("8897Q", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "AssessmentFactors missing"));
}

TEST(Rule8897Q, AFactorOutsideTheCodeSetIsQueried) {
  CensusChild c = clean_child();
  first_assessment(c).factors = {"2A", "RB"};
  const Failures f = run("8897Q", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "not a factor code: RB"));
}

TEST(Rule8897Q, AnAssessmentAuthorisedBeforeTheCensusYearIsNotQueried) {
  CensusChild c = clean_child();
  c.episodes[0].referral_date = "2025-01-06";
  first_assessment(c) = {"2025-01-07", "2025-03-31", {}};
  EXPECT_TRUE(run("8897Q", c).empty());
}

TEST(Rule8898, DifferentFactorsPass) {
  CensusChild c = clean_child();
  first_assessment(c).factors = {"2A", "3B"};
  EXPECT_TRUE(run("8898", c).empty());
}

TEST(Rule8898, AFactorRecordedTwiceIsOneFailure) {
  CensusChild c = clean_child();
  first_assessment(c).factors = {"2A", "3B", "2A", "2A"};
  const Failures f = run("8898", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "repeated: 2A"));
}

TEST(Rule8945Q, Factors18Band18CPass) {
  CensusChild c = clean_child();
  first_assessment(c).factors = {"18B", "18C"};
  EXPECT_TRUE(run("8945Q", c).empty());
}

TEST(Rule8945Q, Factor18AIsQueriedInEitherCase) {
  CensusChild c = clean_child();
  first_assessment(c).factors = {"18A", "18a"};
  const Failures f = run("8945Q", c);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_TRUE(Mentions(f[0].values, "AssessmentFactors 18A"));
}

TEST(Rule8950Q, Factors19Band19CPass) {
  CensusChild c = clean_child();
  first_assessment(c).factors = {"19B", "19C", "18A"};
  EXPECT_TRUE(run("8950Q", c).empty());
}

TEST(Rule8950Q, Factor19AIsQueried) {
  CensusChild c = clean_child();
  first_assessment(c).factors = {"2A", "19A"};
  const Failures f = run("8950Q", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].where, "assessment started 2025-06-03"));
}

// The assessments of the two children of the DfE validator's sample return
// (CIN_Census_2024.xml, reference date 2024-03-31) give the counts the
// validator reports for it.
TEST(AssessmentRules, TheSampleReturnGivesTheValidatorsCounts) {
  const CensusContext ctx{period_ending(*Date::from_ymd(2024, 3, 31)), testing::shipped_code_sets(),
                          testing::england()};
  CensusChild first;
  CinEpisode e1;
  e1.referral_date = "2022-10-06";
  e1.closure_date = "2023-02-27";
  e1.reason_for_closure = "RC1";
  e1.assessments.push_back({"2028-04-28", "2020-09-19", {"1C", "RB", "6B"}});
  first.episodes.push_back(e1);
  CensusChild second;
  CinEpisode e2;
  e2.referral_date = "2024-10-24";
  e2.closure_date = "2024-10-29";
  e2.reason_for_closure = "RC9";
  e2.assessments.push_back({"2023-12-25", "2024-01-27", {}});
  second.episodes.push_back(e2);

  const std::pair<std::string_view, std::size_t> expected[] = {
      {"1103", 1},  {"8608", 1},  {"8614", 0},  {"8670Q", 0}, {"8696", 1},
      {"8736", 0},  {"8863Q", 0}, {"8869", 0},  {"8873Q", 0}, {"8896", 0},
      {"8897Q", 1}, {"8898", 0},  {"8945Q", 0}, {"8950Q", 0}};
  for (const auto& [code, count] : expected)
    EXPECT_EQ(run(code, first, ctx).size() + run(code, second, ctx).size(), count) << code;
}

}  // namespace
}  // namespace cinplan::census
