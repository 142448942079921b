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
  return testing::run_rule(episode_rules(), code, child, ctx);
}

::testing::AssertionResult Mentions(const std::string& text, std::string_view part) {
  if (text.find(part) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << '"' << text << "\" does not mention \"" << part << '"';
}

CinEpisode& episode(CensusChild& c) {
  return c.episodes[0];
}

// The clean child's episode, closed as a data officer would close it.
CensusChild closed_child(const char* closed, const char* reason = "RC1") {
  CensusChild c = clean_child();
  episode(c).closure_date = closed;
  episode(c).reason_for_closure = reason;
  return c;
}

TEST(EpisodeRules, TheTableHoldsEachRuleOnceWithItsSeverity) {
  const std::string_view codes[] = {"2990",  "2991Q", "8555Q", "8568", "8569Q", "8585Q",
                                    "8600",  "8606",  "8610",  "8620", "8630",  "8640",
                                    "8650",  "8805",  "8810",  "8815", "8816",  "8820",
                                    "8825Q", "8831",  "8866",  "8867", "8868"};
  ASSERT_EQ(episode_rules().size(), std::size(codes));
  for (std::string_view code : codes) {
    int seen = 0;
    for (const CensusRule& r : episode_rules())
      if (r.code == code) {
        ++seen;
        EXPECT_EQ(r.module, "CINdetails");
        EXPECT_NE(r.check, nullptr);
        EXPECT_FALSE(r.message.empty());
        EXPECT_EQ(r.severity == Severity::kQuery, r.code.back() == 'Q') << r.code;
      }
    EXPECT_EQ(seen, 1) << code;
  }
}

TEST(EpisodeRules, TheCleanChildPassesEveryRule) {
  for (const CensusRule& r : episode_rules())
    EXPECT_TRUE(run(r.code, clean_child()).empty()) << r.code;
}

TEST(Rule8555Q, AReferralOnTheDayOfDeathPasses) {
  CensusChild c = clean_child();
  c.death_date = "2025-06-02";
  EXPECT_TRUE(run("8555Q", c).empty());
}

TEST(Rule8555Q, AReferralAfterTheDateOfDeathIsQueried) {
  CensusChild c = clean_child();
  c.death_date = "2025-06-01";
  const Failures f = run("8555Q", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].where, "CIN episode referred 2025-06-02"));
  EXPECT_TRUE(Mentions(f[0].values, "PersonDeathDate 2025-06-01"));
}

TEST(Rule8555Q, TwoEpisodesReferredTheSameDayAfterDeathAreOneFinding) {
  CensusChild c = clean_child();
  c.death_date = "2025-06-01";
  c.episodes.push_back(episode(c));
  EXPECT_EQ(run("8555Q", c).size(), 1u);
}

TEST(Rule8568, ZeroOneTrueAndFalseInAnyCasePass) {
  for (const char* flag : {"0", "1", "true", "false", "True", "FALSE"}) {
    CensusChild c = clean_child();
    episode(c).referral_nfa = flag;
    EXPECT_TRUE(run("8568", c).empty()) << flag;
  }
}

TEST(Rule8568, AMissingOrUnknownFlagIsAFailure) {
  CensusChild c = clean_child();
  episode(c).referral_nfa.reset();
  Failures f = run("8568", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "ReferralNFA missing"));
  episode(c).referral_nfa = "yes";
  f = run("8568", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "ReferralNFA yes"));
}

TEST(Rule8569Q, AnEarlyReferralWithFurtherActionPasses) {
  CensusChild c = clean_child();
  episode(c).referral_date = "2024-11-05";
  EXPECT_TRUE(run("8569Q", c).empty());
}

TEST(Rule8569Q, AnNfaReferralOnTheFirstDayOfTheYearPasses) {
  CensusChild c = clean_child();
  episode(c).referral_date = "2025-04-01";
  episode(c).referral_nfa = "true";
  EXPECT_TRUE(run("8569Q", c).empty());
}

TEST(Rule8569Q, AnNfaReferralOn31MarchIsQueriedAsTheValidatorReadsIt) {
  CensusChild c = clean_child();
  episode(c).referral_date = "2025-03-31";
  episode(c).referral_nfa = "1";
  const Failures f = run("8569Q", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "CINreferralDate 2025-03-31 (before 2025-04-01)"));
  EXPECT_TRUE(Mentions(f[0].values, "ReferralNFA 1"));
}

TEST(Rule8569Q, AnEarlyReferralWithNoFlagIsQueried) {
  CensusChild c = clean_child();
  episode(c).referral_date = "2024-11-05";
  episode(c).referral_nfa.reset();
  EXPECT_EQ(run("8569Q", c).size(), 1u);
}

TEST(Rule8569Q, TheLimitMovesToTheFirstWorkingDayWhenTheYearStartsAtAWeekend) {
  // The 2023-24 collection starts on Saturday 1 April 2023: the limit is
  // Monday 3 April.
  const CensusContext ctx{period_ending(*Date::from_ymd(2024, 3, 31)), testing::shipped_code_sets(),
                          testing::england()};
  CensusChild c = clean_child();
  episode(c).referral_nfa = "true";
  episode(c).referral_date = "2023-04-02";
  EXPECT_EQ(run("8569Q", c, ctx).size(), 1u);
  episode(c).referral_date = "2023-04-03";
  EXPECT_TRUE(run("8569Q", c, ctx).empty());
}

TEST(Rule8585Q, DiedAsTheReasonWithADateOfDeathPasses) {
  CensusChild c = closed_child("2025-09-01", "RC2");
  c.death_date = "2025-08-30";
  EXPECT_TRUE(run("8585Q", c).empty());
}

TEST(Rule8585Q, DiedAsTheReasonWithoutADateOfDeathIsQueriedOncePerChild) {
  CensusChild c = closed_child("2025-09-01", "RC2");
  Failures f = run("8585Q", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "ReasonForClosure RC2, PersonDeathDate missing"));
  c.episodes.push_back(episode(c));
  EXPECT_EQ(run("8585Q", c).size(), 1u);
}

TEST(Rule8600, AReferralOnTheReferenceDatePasses) {
  CensusChild c = clean_child();
  episode(c).referral_date = "2026-03-31";
  EXPECT_TRUE(run("8600", c).empty());
}

TEST(Rule8600, AReferralAfterTheReferenceDateIsAFailure) {
  CensusChild c = clean_child();
  episode(c).referral_date = "2026-04-01";
  const Failures f = run("8600", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "CINreferralDate 2026-04-01, after the reference date"));
}

TEST(Rule8600, AMissingOrImpossibleReferralDateIsAFailure) {
  CensusChild c = clean_child();
  episode(c).referral_date.reset();
  Failures f = run("8600", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].where, "CIN episode 1"));
  EXPECT_TRUE(Mentions(f[0].values, "CINreferralDate missing"));
  episode(c).referral_date = "2025-02-30";
  f = run("8600", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "2025-02-30 (not a date)"));
}

TEST(Rule8606, AReferral280DaysBeforeBirthPasses) {
  CensusChild c = clean_child();
  c.birth_date = "2025-12-01";
  episode(c).referral_date = "2025-02-24";
  EXPECT_TRUE(run("8606", c).empty());
}

TEST(Rule8606, AReferral281DaysBeforeBirthIsAFailure) {
  CensusChild c = clean_child();
  c.birth_date = "2025-12-01";
  episode(c).referral_date = "2025-02-23";
  const Failures f = run("8606", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "CINreferralDate 2025-02-23, PersonBirthDate 2025-12-01"));
}

TEST(Rule8606, AReferralLongBeforeTheExpectedBirthIsAFailure) {
  CensusChild c = clean_child();
  c.birth_date.reset();
  c.expected_birth_date = "2026-06-01";
  const Failures f = run("8606", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "ExpectedPersonBirthDate 2026-06-01"));
}

TEST(Rule8610, ANoFurtherActionReferralNeedsNoPrimaryNeed) {
  CensusChild c = clean_child();
  episode(c).primary_need.reset();
  episode(c).referral_nfa = "1";
  EXPECT_TRUE(run("8610", c).empty());
}

TEST(Rule8610, AReferralWithFurtherActionAndNoPrimaryNeedIsAFailure) {
  CensusChild c = clean_child();
  episode(c).primary_need.reset();
  const Failures f = run("8610", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "ReferralNFA 0, PrimaryNeedCode missing"));
}

TEST(Rule8620, ClosuresOnTheFirstAndLastDaysOfTheYearPass) {
  EXPECT_TRUE(run("8620", closed_child("2025-04-01")).empty());
  EXPECT_TRUE(run("8620", closed_child("2026-03-31")).empty());
}

TEST(Rule8620, AClosureBeforeTheYearIsAFailure) {
  const Failures f = run("8620", closed_child("2025-03-31"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "CINclosureDate 2025-03-31"));
  EXPECT_TRUE(Mentions(f[0].values, "census year 2025-04-01 to 2026-03-31"));
}

TEST(Rule8620, AClosureAfterTheReferenceDateIsAFailure) {
  EXPECT_EQ(run("8620", closed_child("2026-04-01")).size(), 1u);
}

TEST(Rule8630, AClosureOnTheReferralDayPasses) {
  EXPECT_TRUE(run("8630", closed_child("2025-06-02")).empty());
}

TEST(Rule8630, AClosureBeforeTheReferralIsAFailure) {
  CensusChild c = closed_child("2025-06-01");
  Failures f = run("8630", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "CINreferralDate 2025-06-02, CINclosureDate 2025-06-01"));
  c.episodes.push_back(episode(c));
  EXPECT_EQ(run("8630", c).size(), 1u);
}

TEST(Rule8640, EveryReasonOfTheCodeSetPasses) {
  for (const char* reason : {"RC1", "RC5", "RC9"})
    EXPECT_TRUE(run("8640", closed_child("2025-09-01", reason)).empty()) << reason;
}

TEST(Rule8640, AReasonOutsideTheCodeSetIsAFailure) {
  const Failures f = run("8640", closed_child("2025-09-01", "RC10"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "ReasonForClosure RC10"));
}

TEST(Rule8650, AnAbsentOrListedPrimaryNeedPasses) {
  CensusChild c = clean_child();
  episode(c).primary_need = "N0";
  EXPECT_TRUE(run("8650", c).empty());
  episode(c).primary_need.reset();
  EXPECT_TRUE(run("8650", c).empty());
}

TEST(Rule8650, APrimaryNeedOutsideTheCodeSetIsAFailure) {
  CensusChild c = clean_child();
  episode(c).primary_need = "N10";
  const Failures f = run("8650", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "PrimaryNeedCode N10"));
}

TEST(Rule8805, AClosureWithAReasonPasses) {
  EXPECT_TRUE(run("8805", closed_child("2025-09-01")).empty());
}

TEST(Rule8805, AClosureWithoutAReasonIsAFailureOncePerClosureDate) {
  CensusChild c = clean_child();
  episode(c).closure_date = "2025-09-01";
  Failures f = run("8805", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "CINclosureDate 2025-09-01, ReasonForClosure missing"));
  c.episodes.push_back(episode(c));
  EXPECT_EQ(run("8805", c).size(), 1u);
  c.episodes[1].closure_date = "2025-10-01";
  EXPECT_EQ(run("8805", c).size(), 2u);
}

TEST(Rule8810, AReasonWithAClosureDatePasses) {
  EXPECT_TRUE(run("8810", closed_child("2025-09-01")).empty());
}

TEST(Rule8810, AReasonWithoutAReadableClosureDateIsAFailure) {
  CensusChild c = clean_child();
  episode(c).reason_for_closure = "RC1";
  Failures f = run("8810", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "ReasonForClosure RC1, CINclosureDate missing"));
  episode(c).closure_date = "2025-13-01";
  f = run("8810", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "2025-13-01 (not a date)"));
}

TEST(Rule8866, EveryListedSourcePassesAsDoesAnUnsourcedReferralBeforeApril2013) {
  CensusChild c = clean_child();
  for (const char* source : {"1A", "5D", "10"}) {
    episode(c).referral_source = source;
    EXPECT_TRUE(run("8866", c).empty()) << source;
  }
  episode(c).referral_source.reset();
  episode(c).referral_date = "2013-03-31";
  EXPECT_TRUE(run("8866", c).empty());
}

TEST(Rule8866, AMissingOrUnlistedSourceIsAFailure) {
  CensusChild c = clean_child();
  episode(c).referral_source = "5E";
  Failures f = run("8866", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "ReferralSource 5E"));
  episode(c).referral_source.reset();
  episode(c).referral_date = "2013-04-01";
  f = run("8866", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "CINreferralDate 2013-04-01, ReferralSource missing"));
}

}  // namespace
}  // namespace cinplan::census
