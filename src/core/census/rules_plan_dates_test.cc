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
  return testing::run_rule(plan_date_rules(), code, child, ctx);
}

::testing::AssertionResult Mentions(const std::string& text, std::string_view part) {
  if (text.find(part) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << '"' << text << "\" does not mention \"" << part << '"';
}

// The clean child's CIN plan starts 2025-07-15 and is still open.
CinPlanDates& first_plan(CensusChild& c) {
  return c.episodes[0].plans[0];
}

ChildProtectionPlan protection_plan(const char* start, Text end) {
  ChildProtectionPlan p;
  p.start = start;
  p.end = std::move(end);
  p.initial_category = "NEG";
  p.latest_category = "NEG";
  p.number_of_previous = "0";
  return p;
}

TEST(PlanDateRules, TheTableHoldsEachRuleOnceWithItsSeverity) {
  const std::string_view codes[] = {"4000", "4001", "4004", "4010", "4011", "4012Q",
                                    "4013", "4014", "4015", "4016", "4017"};
  ASSERT_EQ(plan_date_rules().size(), std::size(codes));
  for (std::size_t i = 0; i < std::size(codes); ++i) {
    const CensusRule& r = plan_date_rules()[i];
    EXPECT_EQ(r.code, codes[i]);
    EXPECT_EQ(r.module, "CINplanDates");
    EXPECT_NE(r.check, nullptr);
    EXPECT_EQ(r.severity == Severity::kQuery, r.code.back() == 'Q') << r.code;
  }
}

TEST(Rule4000, APlanOnAReferralTakenFurtherPasses) {
  EXPECT_TRUE(run("4000", clean_child()).empty());
}

TEST(Rule4000, APlanOnAReferralWithNoFurtherActionIsAFailure) {
  CensusChild c = clean_child();
  c.episodes[0].referral_nfa = "1";
  c.episodes[0].plans.push_back({"2025-09-01", std::nullopt});
  const Failures f = run("4000", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].where, "CIN episode referred 2025-06-02"));
  EXPECT_TRUE(Mentions(f[0].values, "ReferralNFA 1"));
}

TEST(Rule4000, NoFurtherActionWithoutAPlanPasses) {
  CensusChild c = clean_child();
  c.episodes[0].referral_nfa = "true";
  c.episodes[0].plans.clear();
  EXPECT_TRUE(run("4000", c).empty());
}

TEST(Rule4001, AnOpenPlanBesideAnEndedProtectionPlanPasses) {
  CensusChild c = clean_child();
  c.episodes[0].protection_plans.push_back(protection_plan("2025-06-10", "2025-07-15"));
  EXPECT_TRUE(run("4001", c).empty());
  EXPECT_TRUE(run("4001", clean_child()).empty());
}

TEST(Rule4001, AnOpenPlanBesideAnOpenProtectionPlanIsAFailure) {
  CensusChild c = clean_child();
  c.episodes[0].protection_plans.push_back(protection_plan("2025-08-01", std::nullopt));
  const Failures f = run("4001", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "CINPlanEndDate missing"));
  EXPECT_TRUE(Mentions(f[0].values, "CPPendDate missing"));
}

TEST(Rule4001, AnOpenProtectionPlanInAnotherEpisodeIsNotCompared) {
  CensusChild c = clean_child();
  CinEpisode other = c.episodes[0];
  other.plans.clear();
  other.protection_plans.push_back(protection_plan("2025-08-01", std::nullopt));
  c.episodes.push_back(other);
  EXPECT_TRUE(run("4001", c).empty());
}

TEST(Rule4004, OneOpenPlanAndOneEndedPlanPass) {
  CensusChild c = clean_child();
  c.episodes[0].plans.insert(c.episodes[0].plans.begin(), CinPlanDates{"2025-06-20", "2025-07-01"});
  EXPECT_TRUE(run("4004", c).empty());
}

TEST(Rule4004, TwoOpenPlansInOneEpisodeAreOneFailure) {
  CensusChild c = clean_child();
  c.episodes[0].plans.push_back({"2025-09-01", std::nullopt});
  const Failures f = run("4004", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "2 CIN plans without CINPlanEndDate"));
}

TEST(Rule4004, OpenPlansInTwoEpisodesAreCountedByEpisodeAsTheValidatorDoes) {
  CensusChild c = clean_child();
  c.episodes.push_back(c.episodes[0]);
  EXPECT_TRUE(run("4004", c).empty());
}

TEST(Rule4010, APlanStartedBeforeTheCensusYearPasses) {
  CensusChild c = clean_child();
  first_plan(c).start = "2024-01-01";
  EXPECT_TRUE(run("4010", c).empty());
  EXPECT_TRUE(run("4010", clean_child()).empty());
}

TEST(Rule4010, APlanStartedAfterTheReferenceDateIsAFailure) {
  CensusChild c = clean_child();
  first_plan(c).start = "2026-04-01";
  const Failures f = run("4010", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].where, "CIN plan started 2026-04-01"));
  EXPECT_TRUE(Mentions(f[0].values, "ReferenceDate 2026-03-31"));
}

TEST(Rule4010, APlanWithoutAStartIsAFailure) {
  CensusChild c = clean_child();
  first_plan(c).start.reset();
  const Failures f = run("4010", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].where, "CIN plan 1"));
  EXPECT_TRUE(Mentions(f[0].values, "CINPlanStartDate missing"));
}

TEST(Rule4011, APlanEndingOnTheDayItStartedPasses) {
  CensusChild c = clean_child();
  first_plan(c).end = "2025-07-15";
  EXPECT_TRUE(run("4011", c).empty());
}

TEST(Rule4011, APlanEndingBeforeItStartedIsAFailure) {
  CensusChild c = clean_child();
  first_plan(c).end = "2025-07-14";
  const Failures f = run("4011", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "CINPlanEndDate 2025-07-14"));
}

TEST(Rule4012Q, APlanEndingTheDayAfterItStartedPasses) {
  CensusChild c = clean_child();
  first_plan(c).end = "2025-07-16";
  EXPECT_TRUE(run("4012Q", c).empty());
}

TEST(Rule4012Q, APlanStartingAndEndingOnOneDayIsQueried) {
  CensusChild c = clean_child();
  first_plan(c).end = "2025-07-15";
  const Failures f = run("4012Q", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "CINPlanStartDate 2025-07-15, CINPlanEndDate 2025-07-15"));
}

TEST(Rule4013, APlanEndingOnTheReferenceDatePasses) {
  CensusChild c = clean_child();
  first_plan(c).end = "2026-03-31";
  EXPECT_TRUE(run("4013", c).empty());
}

TEST(Rule4013, APlanEndingBeforeTheCensusYearIsAFailure) {
  CensusChild c = clean_child();
  first_plan(c).end = "2025-03-31";
  const Failures f = run("4013", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "CINPlanEndDate 2025-03-31"));
  EXPECT_TRUE(Mentions(f[0].values, "census year 2025-04-01 to 2026-03-31"));
}

TEST(Rule4014, APlanStartingAfterTheLastEndedPasses) {
  CensusChild c = clean_child();
  first_plan(c).end = "2025-09-01";
  c.episodes[0].plans.push_back({"2025-09-02", std::nullopt});
  EXPECT_TRUE(run("4014", c).empty());
}

TEST(Rule4014, APlanStartingOnTheDayAnotherEndsIsAFailure) {
  CensusChild c = clean_child();
  first_plan(c).end = "2025-09-01";
  c.episodes[0].plans.push_back({"2025-09-01", std::nullopt});
  const Failures f = run("4014", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].where, "CIN plan started 2025-09-01"));
  EXPECT_TRUE(Mentions(f[0].values, "within the CIN plan CINPlanStartDate 2025-07-15"));
}

TEST(Rule4014, APlanStartingWhileAnotherIsOpenInAnotherEpisodeIsAFailure) {
  CensusChild c = clean_child();
  CinEpisode later = c.episodes[0];
  later.referral_date = "2025-10-01";
  later.plans = {{"2025-10-02", std::nullopt}};
  c.episodes.push_back(later);
  EXPECT_EQ(run("4014", c).size(), 1u);
}

TEST(Rule4014, TwoPlansWithTheSameStartAreOneFailure) {
  CensusChild c = clean_child();
  c.episodes[0].plans.push_back(first_plan(c));
  EXPECT_EQ(run("4014", c).size(), 1u);
}

TEST(Rule4015, APlanStartingOnTheReferralDayPasses) {
  CensusChild c = clean_child();
  first_plan(c).start = "2025-06-02";
  EXPECT_TRUE(run("4015", c).empty());
}

TEST(Rule4015, APlanStartingBeforeTheReferralIsAFailure) {
  CensusChild c = clean_child();
  first_plan(c).start = "2025-06-01";
  const Failures f = run("4015", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "CINreferralDate 2025-06-02"));
}

TEST(Rule4016, APlanStartingOnTheDayAProtectionPlanEndsPasses) {
  CensusChild c = clean_child();
  c.episodes[0].protection_plans.push_back(protection_plan("2025-06-10", "2025-07-15"));
  EXPECT_TRUE(run("4016", c).empty());
}

TEST(Rule4016, APlanStartingDuringAProtectionPlanIsAFailure) {
  CensusChild c = clean_child();
  c.episodes[0].protection_plans.push_back(protection_plan("2025-06-10", "2025-07-16"));
  const Failures f = run("4016", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].where, "CIN plan started 2025-07-15"));
  EXPECT_TRUE(Mentions(f[0].values, "CPPstartDate 2025-06-10, CPPendDate 2025-07-16"));
}

TEST(Rule4016, APlanStartingWhileAProtectionPlanIsOpenIsAFailure) {
  CensusChild c = clean_child();
  c.episodes[0].protection_plans.push_back(protection_plan("2025-07-15", std::nullopt));
  EXPECT_EQ(run("4016", c).size(), 1u);
}

TEST(Rule4017, AProtectionPlanStartingOnTheDayThePlanEndsPasses) {
  CensusChild c = clean_child();
  first_plan(c).end = "2025-09-01";
  c.episodes[0].protection_plans.push_back(protection_plan("2025-09-01", std::nullopt));
  EXPECT_TRUE(run("4017", c).empty());
}

TEST(Rule4017, AProtectionPlanStartingWhileThePlanIsOpenIsAFailure) {
  CensusChild c = clean_child();
  c.episodes[0].protection_plans.push_back(protection_plan("2025-09-01", std::nullopt));
  const Failures f = run("4017", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].where, "child protection plan started 2025-09-01"));
  EXPECT_TRUE(Mentions(f[0].values, "during the CIN plan CINPlanStartDate 2025-07-15"));
}

TEST(Rule4017, AProtectionPlanStartingBeforeThePlanPasses) {
  CensusChild c = clean_child();
  c.episodes[0].protection_plans.push_back(protection_plan("2025-07-14", "2025-07-15"));
  EXPECT_TRUE(run("4017", c).empty());
}

// The plans of the first child of the DfE validator's sample return
// (CIN_Census_2024.xml, reference date 2024-03-31) give the counts the
// validator reports for it.
TEST(PlanDateRules, TheSampleReturnGivesTheValidatorsCounts) {
  const CensusContext ctx{period_ending(*Date::from_ymd(2024, 3, 31)), testing::shipped_code_sets(),
                          testing::england()};
  CensusChild child;
  CinEpisode e;
  e.referral_date = "2022-10-06";
  e.closure_date = "2023-02-27";
  e.reason_for_closure = "RC1";
  e.referral_nfa = "0";
  e.plans.push_back({"2023-01-24", "2023-01-26"});
  e.protection_plans.push_back(protection_plan("2022-02-17", "2023-03-14"));
  child.episodes.push_back(e);

  const std::pair<std::string_view, std::size_t> expected[] = {
      {"4000", 0}, {"4001", 0}, {"4004", 0}, {"4010", 0}, {"4011", 0}, {"4012Q", 0},
      {"4013", 1}, {"4014", 0}, {"4015", 0}, {"4016", 1}, {"4017", 0}};
  for (const auto& [code, count] : expected) EXPECT_EQ(run(code, child, ctx).size(), count) << code;
}

}  // namespace
}  // namespace cinplan::census
