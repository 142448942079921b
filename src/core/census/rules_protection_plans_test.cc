#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "core/census/census_test_support.h"
#include "core/census/rules_protection_plans.h"

namespace cinplan::census {
namespace {

using testing::clean_child;
using testing::context_2026;

bool has(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

Failures run(std::string_view code, const CensusChild& child) {
  return testing::run_rule(protection_plan_rules(), code, child);
}

// clean_child() with a section 47 enquiry whose conference on Friday 20 June
// 2025 started a child protection plan that day, reviewed on 1 September.
CensusChild with_plan() {
  CensusChild c = clean_child();
  Section47 s;
  s.start = "2025-06-04";
  s.icpc_target = "2025-06-25";
  s.date_of_icpc = "2025-06-20";
  s.icpc_not_required = "0";
  c.episodes[0].section47s.push_back(s);
  ChildProtectionPlan p;
  p.start = "2025-06-20";
  p.initial_category = "NEG";
  p.latest_category = "EMO";
  p.number_of_previous = "0";
  p.reviews = {"2025-09-01"};
  c.episodes[0].protection_plans.push_back(p);
  return c;
}

ChildProtectionPlan& plan(CensusChild& c) {
  return c.episodes[0].protection_plans[0];
}

TEST(ProtectionPlanRules, AChildWithAValidPlanPassesEveryRule) {
  const CensusChild child = with_plan();
  for (const CensusRule& rule : protection_plan_rules())
    if (rule.check) {
      EXPECT_TRUE(run(rule.code, child).empty()) << rule.code;
    }
}

TEST(ProtectionPlanRules, BothFilesTogetherHoldTheNineteenRules) {
  EXPECT_EQ(protection_plan_rules().size(), 19u);
  EXPECT_EQ(protection_plan_date_rules().size(), 9u);
}

TEST(Rule1105, APlanStartedBeforeTheReferralIsAFailure) {
  CensusChild c = with_plan();
  plan(c).start = "2025-05-30";
  const Failures f = run("1105", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(has(f[0].where, "child protection plan started 2025-05-30"));
  EXPECT_TRUE(has(f[0].values, "CPPstartDate 2025-05-30, CINreferralDate 2025-06-02"));
}

TEST(Rule2883, IsARuleOfTheWholeReturn) {
  int found = 0;
  for (const CensusRule& rule : protection_plan_rules())
    if (rule.code == "2883") {
      ++found;
      EXPECT_EQ(rule.check, nullptr);
    }
  EXPECT_EQ(found, 1);
}

TEST(Rule2883, MorePlansStartingThanConferencesHeldIsAFailure) {
  ConferenceTally tally;
  tally.add(context_2026(), with_plan());
  CensusChild no_conference = with_plan();
  no_conference.episodes[0].section47s.clear();
  tally.add(context_2026(), no_conference);
  EXPECT_EQ(tally.plans_started(), 2);
  EXPECT_EQ(tally.conferences(), 1);
  const auto f = tally.failure();
  ASSERT_TRUE(f.has_value());
  EXPECT_TRUE(has(f->values, "2 child protection plans started in the census year, 1 initial"));
}

TEST(Rule2883, AsManyConferencesAsPlansIsNotAFailure) {
  ConferenceTally tally;
  tally.add(context_2026(), with_plan());
  CensusChild on_episode = with_plan();
  on_episode.episodes[0].section47s.clear();
  on_episode.episodes[0].date_of_initial_cpc = "2025-06-20";
  tally.add(context_2026(), on_episode);
  EXPECT_EQ(tally.conferences(), 2);
  EXPECT_FALSE(tally.failure().has_value());
}

TEST(Rule2885, APlanNotStartingOnAConferenceDayIsTwoFailures) {
  // One for the plan, one for the enquiry's conference that no plan follows.
  CensusChild c = with_plan();
  plan(c).start = "2025-06-23";
  const Failures f = run("2885", c);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_TRUE(has(f[0].where, "child protection plan started 2025-06-23"));
  EXPECT_TRUE(has(f[0].values, "section 47 DateOfInitialCPC 2025-06-20"));
  EXPECT_EQ(f[1].where, "CIN episode referred 2025-06-02");
  EXPECT_TRUE(has(f[1].values, "no child protection plan starts on a conference day"));
}

TEST(Rule2885, WithoutAnEnquiryTheEpisodesConferenceCounts) {
  CensusChild c = with_plan();
  c.episodes[0].section47s.clear();
  c.episodes[0].date_of_initial_cpc = "2025-06-20";
  EXPECT_TRUE(run("2885", c).empty());
  c.episodes[0].date_of_initial_cpc = "2025-06-19";
  EXPECT_EQ(run("2885", c).size(), 2u);
}

TEST(Rule2885, APlanStartedBeforeTheCensusYearIsNotChecked) {
  CensusChild c = with_plan();
  plan(c).start = "2025-03-01";
  EXPECT_TRUE(run("2885", c).empty());
}

TEST(Rule8565, ActivityAfterTheEpisodeClosedIsOneFailure) {
  CensusChild c = clean_child();
  c.episodes[0].closure_date = "2025-07-01";
  c.episodes[0].reason_for_closure = "RC1";
  const Failures f = run("8565", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].where, "CIN episode referred 2025-06-02");
  EXPECT_TRUE(has(f[0].values,
                  "CINclosureDate 2025-07-01, later AssessmentAuthorisationDate "
                  "2025-07-10, CINPlanStartDate 2025-07-15"));
}

TEST(Rule8565, APlanEndingAfterTheClosureIsAFailure) {
  CensusChild c = with_plan();
  c.episodes[0].closure_date = "2025-12-01";
  c.episodes[0].plans[0].end = "2025-11-28";
  plan(c).end = "2025-12-05";
  const Failures f = run("8565", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(has(f[0].values, "later CPPendDate 2025-12-05"));
}

TEST(Rule8720, APlanWithNoStartDateIsAFailure) {
  CensusChild c = with_plan();
  plan(c).start.reset();
  const Failures f = run("8720", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(has(f[0].where, "child protection plan 1"));
  EXPECT_EQ(f[0].values, "CPPstartDate missing");
}

TEST(Rule8720, APlanStartingAfterTheReferenceDateIsAFailure) {
  CensusChild c = with_plan();
  plan(c).start = "2026-04-01";
  const Failures f = run("8720", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].values, "CPPstartDate 2026-04-01 (after 2026-03-31)");
}

TEST(Rule8730, AMissingOrNegativeNumberOfPreviousPlansIsAFailure) {
  CensusChild c = with_plan();
  plan(c).number_of_previous.reset();
  const Failures f = run("8730", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].values, "NumberOfPreviousCPP missing");
  plan(c).number_of_previous = "-1";
  EXPECT_EQ(run("8730", c).size(), 1u);
  plan(c).number_of_previous = "3";
  EXPECT_TRUE(run("8730", c).empty());
}

TEST(Rule8832, APlanOnAReferralWithNoFurtherActionIsAFailure) {
  CensusChild c = with_plan();
  c.episodes[0].referral_nfa = "1";
  const Failures f = run("8832", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(has(f[0].values, "ReferralNFA 1, 1 child protection plan(s)"));
  c.episodes[0].referral_nfa = "true";
  EXPECT_EQ(run("8832", c).size(), 1u);
}

TEST(Rule8840, APlanStartingAndEndingOnOneDayIsAFailure) {
  CensusChild c = with_plan();
  plan(c).end = "2025-06-20";
  const Failures f = run("8840", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].values, "CPPstartDate 2025-06-20, CPPendDate 2025-06-20");
}

TEST(Rule8905, AnInitialCategoryNotInTheCodeSetIsAFailure) {
  CensusChild c = with_plan();
  plan(c).initial_category = "PHYS";
  const Failures f = run("8905", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].values, "InitialCategoryOfAbuse PHYS");
  plan(c).initial_category.reset();
  EXPECT_EQ(run("8905", c).size(), 1u);
}

TEST(Rule8910, AMissingLatestCategoryIsAFailure) {
  CensusChild c = with_plan();
  plan(c).latest_category.reset();
  const Failures f = run("8910", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].values, "LatestCategoryOfAbuse missing");
}

TEST(Rule8910, EveryShippedCategoryIsValid) {
  for (const char* code : {"NEG", "PHY", "SAB", "EMO", "MUL"}) {
    CensusChild c = with_plan();
    plan(c).latest_category = code;
    EXPECT_TRUE(run("8910", c).empty()) << code;
  }
}

}  // namespace
}  // namespace cinplan::census
