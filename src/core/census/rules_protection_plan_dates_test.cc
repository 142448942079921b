#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "core/census/census_test_support.h"
#include "core/census/rules_protection_plans.h"

namespace cinplan::census {
namespace {

using testing::clean_child;

bool has(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

Failures run(std::string_view code, const CensusChild& child) {
  return testing::run_rule(protection_plan_date_rules(), code, child);
}

ChildProtectionPlan a_plan(std::string start, Text end = std::nullopt) {
  ChildProtectionPlan p;
  p.start = std::move(start);
  p.end = std::move(end);
  p.initial_category = "NEG";
  p.latest_category = "NEG";
  p.number_of_previous = "0";
  return p;
}

// clean_child() with a plan from the conference of 20 June 2025, reviewed on
// 1 September.
CensusChild with_plan() {
  CensusChild c = clean_child();
  ChildProtectionPlan p = a_plan("2025-06-20");
  p.reviews = {"2025-09-01"};
  c.episodes[0].protection_plans.push_back(p);
  return c;
}

ChildProtectionPlan& plan(CensusChild& c) {
  return c.episodes[0].protection_plans[0];
}

// A second episode, referred in January 2026, with one plan.
void add_episode(CensusChild& c, ChildProtectionPlan p) {
  CinEpisode e = c.episodes[0];
  e.referral_date = "2026-01-05";
  e.section47s.clear();
  e.protection_plans = {std::move(p)};
  c.episodes.push_back(e);
}

TEST(ProtectionPlanDateRules, AChildWithAValidPlanPassesEveryRule) {
  const CensusChild child = with_plan();
  for (const CensusRule& rule : protection_plan_date_rules())
    EXPECT_TRUE(run(rule.code, child).empty()) << rule.code;
}

TEST(Rule8841, AReviewOnThePlansStartDayIsAFailure) {
  CensusChild c = with_plan();
  plan(c).reviews = {"2025-06-20"};
  const Failures f = run("8841", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(has(f[0].where, "child protection plan started 2025-06-20, review 2025-06-20"));
  EXPECT_EQ(f[0].values, "CPPreviewDate 2025-06-20, CPPstartDate 2025-06-20");
}

TEST(Rule8915, APlanStartingAfterTheChildDiedIsAFailure) {
  CensusChild c = with_plan();
  c.death_date = "2025-06-10";
  const Failures f = run("8915", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].values, "CPPstartDate 2025-06-20, PersonDeathDate 2025-06-10");
}

TEST(Rule8920, APlanEndingAfterTheChildDiedIsAFailure) {
  CensusChild c = with_plan();
  c.death_date = "2025-10-01";
  plan(c).end = "2025-10-02";
  const Failures f = run("8920", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].values, "CPPendDate 2025-10-02, PersonDeathDate 2025-10-01");
  plan(c).end = "2025-10-01";
  EXPECT_TRUE(run("8920", c).empty());
}

TEST(Rule8925, APlanEndingBeforeItStartsIsAFailure) {
  CensusChild c = with_plan();
  plan(c).end = "2025-06-19";
  const Failures f = run("8925", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].values, "CPPendDate 2025-06-19, CPPstartDate 2025-06-20");
}

TEST(Rule8930, AnEndDateAfterTheReferenceDateIsAFailure) {
  CensusChild c = with_plan();
  plan(c).end = "2026-04-02";
  const Failures f = run("8930", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(has(f[0].values, "CPPendDate 2026-04-02 (census year 2025-03-31 to 2026-03-31)"));
}

TEST(Rule8930, TheCensusYearStartsOnThePreviousThirtyFirstOfMarch) {
  CensusChild c = with_plan();
  plan(c).end = "2025-03-31";
  EXPECT_TRUE(run("8930", c).empty());
  plan(c).end = "2025-03-30";
  EXPECT_EQ(run("8930", c).size(), 1u);
}

TEST(Rule8935, TheFirstPlansOfTwoEpisodesBothOpenAreAFailure) {
  CensusChild c = with_plan();
  add_episode(c, a_plan("2026-01-20"));
  const Failures f = run("8935", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(has(f[0].where, "child protection plan started 2025-06-20"));
  EXPECT_TRUE(has(f[0].values, "CPPendDate missing, as on CIN episode referred 2026-01-05"));
}

TEST(Rule8935, TwoOpenPlansOfOneEpisodeAreNotComparedAsTheValidatorReadsIt) {
  CensusChild c = with_plan();
  c.episodes[0].protection_plans.push_back(a_plan("2025-11-03"));
  EXPECT_TRUE(run("8935", c).empty());
}

TEST(Rule8940, APlanStartingWhileAnotherIsOpenIsAFailure) {
  CensusChild c = with_plan();
  plan(c).end = "2025-09-30";
  c.episodes[0].protection_plans.push_back(a_plan("2025-08-01"));
  const Failures f = run("8940", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(has(f[0].where, "child protection plan started 2025-08-01"));
  EXPECT_TRUE(has(f[0].values,
                  "within CIN episode referred 2025-06-02, child protection plan "
                  "started 2025-06-20 to 2025-09-30"));
}

TEST(Rule8940, APlanStartingAfterAnotherEndedIsNotAFailure) {
  CensusChild c = with_plan();
  plan(c).end = "2025-09-30";
  c.episodes[0].protection_plans.push_back(a_plan("2025-10-01"));
  EXPECT_TRUE(run("8940", c).empty());
}

TEST(Rule8940, AnOpenPlanReachesTheReferenceDate) {
  CensusChild c = with_plan();
  c.episodes[0].protection_plans.push_back(a_plan("2026-03-31", "2026-03-31"));
  const Failures f = run("8940", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(has(f[0].values, "to the reference date"));
}

// A CIN plan from 15 July to 31 December 2025, and the child protection
// plan ended on 30 November.
CensusChild with_closed_plans() {
  CensusChild c = with_plan();
  c.episodes[0].plans[0].end = "2025-12-31";
  plan(c).end = "2025-11-30";
  return c;
}

TEST(Rule4003, AReviewDuringACinPlanIsAFailure) {
  const Failures f = run("4003", with_closed_plans());
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(has(f[0].where, "review 2025-09-01"));
  EXPECT_TRUE(has(f[0].values,
                  "CPPreviewDate 2025-09-01 during CIN episode referred 2025-06-02, "
                  "CIN plan started 2025-07-15 to 2025-12-31"));
}

TEST(Rule4003, AReviewOnThePlansEndDateIsNotAFailure) {
  CensusChild c = with_closed_plans();
  plan(c).reviews = {"2025-11-30"};
  EXPECT_TRUE(run("4003", c).empty());
}

TEST(Rule4003, AnOpenCinPlanOrAnOpenProtectionPlanIsNotComparedAsTheValidatorReadsIt) {
  CensusChild open_cin = with_closed_plans();
  open_cin.episodes[0].plans[0].end.reset();
  EXPECT_TRUE(run("4003", open_cin).empty());
  EXPECT_TRUE(run("4003", with_plan()).empty());
}

TEST(Rule8842Q, AReviewWithNoDateIsQueried) {
  CensusChild c = with_plan();
  plan(c).reviews = {"2025-09-01", std::nullopt, "2025-13-01"};
  const Failures f = run("8842Q", c);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_TRUE(has(f[0].where, "review 2"));
  EXPECT_EQ(f[0].values, "CPPreviewDate missing");
  EXPECT_EQ(f[1].values, "CPPreviewDate 2025-13-01");
}

}  // namespace
}  // namespace cinplan::census
