#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "core/census/census_rules.h"
#include "core/census/census_test_support.h"
#include "core/census/rules_episodes_activity.h"

namespace cinplan::census {
namespace {

using testing::clean_child;

Failures run(std::string_view code, const CensusChild& child,
             const CensusContext& ctx = testing::context_2026()) {
  return testing::run_rule(episode_activity_rules(), code, child, ctx);
}

::testing::AssertionResult Mentions(const std::string& text, std::string_view part) {
  if (text.find(part) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << '"' << text << "\" does not mention \"" << part << '"';
}

CinEpisode& episode(CensusChild& c) {
  return c.episodes[0];
}

// A clean child whose episode closed after assessment (RC8) on 1 September
// 2025, with the assessment and nothing more: no CIN plan.
CensusChild closed_after_assessment(const char* reason = "RC8") {
  CensusChild c = clean_child();
  episode(c).closure_date = "2025-09-01";
  episode(c).reason_for_closure = reason;
  episode(c).plans.clear();
  return c;
}

// A clean child with a second episode referred on `referral`, and the first
// episode closed on `first_closed` (open when null).
CensusChild two_episodes(const char* first_closed, const char* referral) {
  CensusChild c = clean_child();
  CinEpisode second = episode(c);
  second.referral_date = referral;
  if (first_closed) {
    episode(c).closure_date = first_closed;
    episode(c).reason_for_closure = "RC1";
  }
  c.episodes.push_back(second);
  return c;
}

Section47 enquiry(const char* conference, const char* not_required) {
  Section47 s;
  s.start = "2025-06-05";
  s.icpc_target = "2025-06-26";
  if (conference) s.date_of_icpc = conference;
  if (not_required) s.icpc_not_required = not_required;
  return s;
}

TEST(Rule2990, AnEpisodeClosedAfterAssessmentWithOnlyTheAssessmentPasses) {
  EXPECT_TRUE(run("2990", closed_after_assessment()).empty());
  EXPECT_TRUE(run("2990", closed_after_assessment("RC9")).empty());
}

TEST(Rule2990, ACinPlanOnAnEpisodeClosedAfterAssessmentIsAFailure) {
  CensusChild c = closed_after_assessment();
  episode(c).plans.push_back({"2025-07-15", "2025-08-30"});
  const Failures f = run("2990", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].where, "CIN episode referred 2025-06-02"));
  EXPECT_TRUE(Mentions(f[0].values, "ReasonForClosure RC8, with a CIN plan"));
}

TEST(Rule2990, AConferenceDateAndAnEnquiryOnAnEarlyHelpClosureAreOneFailure) {
  CensusChild c = closed_after_assessment("RC9");
  episode(c).date_of_initial_cpc = "2025-07-01";
  episode(c).section47s.push_back(enquiry("2025-07-01", "0"));
  const Failures f = run("2990", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "DateOfInitialCPC 2025-07-01, a section 47 enquiry"));
}

TEST(Rule2991Q, AnEnquiryWithAnAssessmentPasses) {
  CensusChild c = clean_child();
  episode(c).section47s.push_back(enquiry("2025-06-20", "0"));
  EXPECT_TRUE(run("2991Q", c).empty());
}

TEST(Rule2991Q, AnEnquiryWithoutAnAssessmentIsQueriedOncePerEpisode) {
  CensusChild c = clean_child();
  episode(c).assessments.clear();
  episode(c).section47s.push_back(enquiry("2025-06-20", "0"));
  episode(c).section47s.push_back(enquiry("2025-07-20", "0"));
  const Failures f = run("2991Q", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "no assessment"));
}

TEST(Rule8815, OneOpenEpisodeWithActionBesideAnOpenNfaEpisodePasses) {
  CensusChild c = two_episodes(nullptr, "2025-08-01");
  c.episodes[1].referral_nfa = "1";
  EXPECT_TRUE(run("8815", c).empty());
}

TEST(Rule8815, TwoOpenEpisodesWithActionFailAlongWithEveryOtherOpenEpisode) {
  CensusChild c = two_episodes(nullptr, "2025-08-01");
  Failures f = run("8815", c);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_TRUE(Mentions(f[1].where, "CIN episode referred 2025-08-01"));
  EXPECT_TRUE(Mentions(f[1].values, "CINclosureDate missing, ReferralNFA 0"));
  // An open no-further-action episode is named too, as the validator does.
  CinEpisode nfa = episode(c);
  nfa.referral_date = "2025-09-01";
  nfa.referral_nfa = "true";
  c.episodes.push_back(nfa);
  EXPECT_EQ(run("8815", c).size(), 3u);
}

TEST(Rule8816, AnOpenEpisodeThatIsTheLatestPasses) {
  EXPECT_TRUE(run("8816", two_episodes("2025-07-30", "2025-08-01")).empty());
}

TEST(Rule8816, AnOpenEpisodeBeforeALaterReferralIsAFailure) {
  CensusChild c = two_episodes(nullptr, "2025-08-01");
  c.episodes[1].closure_date = "2025-09-01";
  c.episodes[1].reason_for_closure = "RC1";
  const Failures f = run("8816", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].where, "CIN episode referred 2025-06-02"));
  EXPECT_TRUE(Mentions(f[0].values, "latest referral 2025-08-01"));
}

TEST(Rule8816, OfTwoOpenEpisodesReferredTheSameDayTheSecondIsAFailure) {
  const Failures f = run("8816", two_episodes(nullptr, "2025-06-02"));
  ASSERT_EQ(f.size(), 1u);
}

TEST(Rule8820, AReferralOnTheDayTheLastEpisodeClosedPasses) {
  EXPECT_TRUE(run("8820", two_episodes("2025-08-01", "2025-08-01")).empty());
}

TEST(Rule8820, AReferralBeforeTheLastEpisodeClosedIsAFailure) {
  const Failures f = run("8820", two_episodes("2025-08-01", "2025-07-31"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].where, "CIN episode referred 2025-07-31"));
  EXPECT_TRUE(Mentions(f[0].values, "within CIN episode referred 2025-06-02, closed 2025-08-01"));
}

TEST(Rule8820, AReferralDuringAnOpenEpisodeWithActionIsAFailure) {
  CensusChild c = two_episodes(nullptr, "2025-08-01");
  Failures f = run("8820", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "open to the reference date 2026-03-31"));
  // An open referral with no further action does not hold the time.
  episode(c).referral_nfa = "true";
  EXPECT_TRUE(run("8820", c).empty());
}

TEST(Rule8820, TwoEpisodesReferredTheSameDayAreTwoFailures) {
  EXPECT_EQ(run("8820", two_episodes("2025-08-01", "2025-06-02")).size(), 2u);
}

TEST(Rule8825Q, AnEpisodeClosedAfterAssessmentWithAnAssessmentPasses) {
  EXPECT_TRUE(run("8825Q", closed_after_assessment("RC9")).empty());
}

TEST(Rule8825Q, AnEpisodeClosedAfterAssessmentWithoutOneIsQueried) {
  CensusChild c = closed_after_assessment("RC9");
  episode(c).assessments.clear();
  const Failures f = run("8825Q", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "ReasonForClosure RC9, no assessment"));
}

TEST(Rule8831, AnNfaReferralWithNoActivityPasses) {
  CensusChild c = clean_child();
  episode(c).referral_nfa = "true";
  episode(c).assessments.clear();
  EXPECT_TRUE(run("8831", c).empty());
  // A conference date on an enquiry, with no start date, is not looked at.
  episode(c).section47s.push_back(enquiry("2025-06-20", "0"));
  episode(c).section47s[0].start.reset();
  EXPECT_TRUE(run("8831", c).empty());
}

TEST(Rule8831, AnAssessmentOnAnNfaReferralIsAFailure) {
  CensusChild c = clean_child();
  episode(c).referral_nfa = "1";
  const Failures f = run("8831", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "ReferralNFA 1, with AssessmentActualStartDate 2025-06-03"));
}

TEST(Rule8831, AConferenceAndAnEnquiryOnAnNfaReferralAreOneFailure) {
  CensusChild c = clean_child();
  episode(c).referral_nfa = "true";
  episode(c).assessments.clear();
  episode(c).date_of_initial_cpc = "2025-06-20";
  episode(c).section47s.push_back(enquiry("2025-06-20", "0"));
  const Failures f = run("8831", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].values, "DateOfInitialCPC 2025-06-20, S47ActualStartDate 2025-06-05"));
}

TEST(Rule8867, AClosedEpisodeWithItsAssessmentAuthorisedPasses) {
  EXPECT_TRUE(run("8867", closed_after_assessment("RC1")).empty());
}

TEST(Rule8867, AClosedEpisodeWithAnAssessmentNotAuthorisedIsAFailureOncePerEpisode) {
  CensusChild c = closed_after_assessment("RC1");
  episode(c).assessments[0].authorisation.reset();
  episode(c).assessments[0].factors.clear();
  episode(c).assessments.push_back(episode(c).assessments[0]);
  const Failures f = run("8867", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].where, "assessment started 2025-06-03"));
  EXPECT_TRUE(Mentions(f[0].values, "CINclosureDate 2025-09-01"));
}

TEST(Rule8868, AClosedEpisodeWithAnEnquiryCompletedEitherWayPasses) {
  CensusChild c = closed_after_assessment("RC1");
  episode(c).section47s.push_back(enquiry("2025-06-20", "0"));
  episode(c).section47s.push_back(enquiry(nullptr, "1"));
  EXPECT_TRUE(run("8868", c).empty());
}

TEST(Rule8868, AClosedEpisodeWithAnEnquiryNeitherConferencedNorExcusedIsAFailure) {
  CensusChild c = closed_after_assessment("RC1");
  episode(c).section47s.push_back(enquiry(nullptr, "false"));
  const Failures f = run("8868", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(Mentions(f[0].where, "section 47 enquiry started 2025-06-05"));
  EXPECT_TRUE(Mentions(f[0].values, "DateOfInitialCPC missing, ICPCnotRequired false"));
}

TEST(Rule8868, AnEnquiryWithBothAConferenceAndTheNotRequiredFlagIsAFailure) {
  CensusChild c = closed_after_assessment("RC1");
  episode(c).section47s.push_back(enquiry("2025-06-20", "true"));
  EXPECT_EQ(run("8868", c).size(), 1u);
}

}  // namespace
}  // namespace cinplan::census
