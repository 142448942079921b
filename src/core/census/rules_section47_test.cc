#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "core/census/census_test_support.h"

namespace cinplan::census {
namespace {

using testing::clean_child;

bool has(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

Failures run(std::string_view code, const CensusChild& child) {
  return testing::run_rule(section47_rules(), code, child);
}

// An enquiry started two days after the referral whose conference was held
// on Friday 20 June 2025, its target the Wednesday after.
Section47 enquiry() {
  Section47 s;
  s.start = "2025-06-04";
  s.icpc_target = "2025-06-25";
  s.date_of_icpc = "2025-06-20";
  s.icpc_not_required = "0";
  return s;
}

// An enquiry still waiting for its conference.
Section47 open_enquiry(std::string start) {
  Section47 s;
  s.start = std::move(start);
  s.icpc_not_required = "0";
  return s;
}

CensusChild with(std::vector<Section47> enquiries) {
  CensusChild c = clean_child();
  c.episodes[0].section47s = std::move(enquiries);
  return c;
}

TEST(Section47Rules, AChildWithAValidEnquiryPassesEveryRule) {
  const CensusChild child = with({enquiry()});
  for (const CensusRule& rule : section47_rules())
    EXPECT_TRUE(run(rule.code, child).empty()) << rule.code;
}

TEST(Section47Rules, TheTableHasElevenRulesInTheirModules) {
  ASSERT_EQ(section47_rules().size(), 11u);
  for (const CensusRule& rule : section47_rules()) {
    EXPECT_NE(rule.check, nullptr) << rule.code;
    EXPECT_EQ(rule.module, rule.code == "8890" ? "CINdetails" : "Section47");
  }
}

TEST(Rule1104, AConferenceBeforeTheReferralIsAFailure) {
  Section47 s = enquiry();
  s.date_of_icpc = "2025-06-01";
  const Failures f = run("1104", with({s}));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(has(f[0].where, "section 47 enquiry started 2025-06-04"));
  EXPECT_TRUE(has(f[0].values, "DateOfInitialCPC 2025-06-01, CINreferralDate 2025-06-02"));
}

TEST(Rule1104, TwoEnquiriesWithTheSameEarlyConferenceAreOneFailure) {
  Section47 s = enquiry();
  s.date_of_icpc = "2025-06-01";
  EXPECT_EQ(run("1104", with({s, s})).size(), 1u);
}

TEST(Rule2884, TheSameConferenceOnTheEnquiryAndTheEpisodeIsAFailure) {
  CensusChild c = with({enquiry()});
  c.episodes[0].date_of_initial_cpc = "2025-06-20";
  const Failures f = run("2884", c);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(has(f[0].values, "DateOfInitialCPC 2025-06-20 also on CIN episode referred"));
}

TEST(Rule2884, ADifferentConferenceDateOnEachLevelIsNotAFailure) {
  // The validator flags only the same date on both levels.
  CensusChild c = with({enquiry()});
  c.episodes[0].date_of_initial_cpc = "2025-06-13";
  EXPECT_TRUE(run("2884", c).empty());
}

TEST(Rule2889, AnEnquiryStartedBeforeTheReferralIsAFailure) {
  Section47 s = enquiry();
  s.start = "2025-05-30";
  const Failures f = run("2889", with({s}));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(has(f[0].values, "S47ActualStartDate 2025-05-30, CINreferralDate 2025-06-02"));
}

TEST(Rule8615, AnEnquiryStartedAfterItsConferenceIsAFailure) {
  Section47 s = enquiry();
  s.start = "2025-06-23";
  const Failures f = run("8615", with({s}));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(has(f[0].values, "S47ActualStartDate 2025-06-23, DateOfInitialCPC 2025-06-20"));
}

TEST(Rule8615, AConferenceWithNoEnquiryStartIsAFailure) {
  Section47 s = enquiry();
  s.start.reset();
  const Failures f = run("8615", with({s}));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(has(f[0].where, "section 47 enquiry 1"));
  EXPECT_TRUE(has(f[0].values, "S47ActualStartDate missing"));
}

TEST(Rule8675Q, AnEnquiryStartedInDecemberWithNoConferenceIsQueried) {
  const Failures f = run("8675Q", with({open_enquiry("2025-12-01")}));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(has(f[0].values, "S47ActualStartDate 2025-12-01 (before 2026-03-11)"));
  EXPECT_TRUE(has(f[0].values, "ICPCnotRequired 0"));
}

TEST(Rule8675Q, TheLineIsFourteenWorkingDaysBeforeTheReferenceDate) {
  // 31 March 2026 less 14 working days is Wednesday 11 March.
  EXPECT_EQ(run("8675Q", with({open_enquiry("2026-03-10")})).size(), 1u);
  EXPECT_TRUE(run("8675Q", with({open_enquiry("2026-03-11")})).empty());
}

TEST(Rule8675Q, AnEnquiryWhoseConferenceIsNotRequiredIsNotQueried) {
  Section47 s = open_enquiry("2025-12-01");
  s.icpc_not_required = "1";
  EXPECT_TRUE(run("8675Q", with({s})).empty());
}

TEST(Rule8715, AConferenceAfterTheReferenceDateIsAFailure) {
  Section47 s = enquiry();
  s.date_of_icpc = "2026-04-01";
  const Failures f = run("8715", with({s}));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(has(f[0].values, "DateOfInitialCPC 2026-04-01"));
}

TEST(Rule8715, TheCensusYearStartsOnThePreviousThirtyFirstOfMarch) {
  Section47 s = enquiry();
  s.date_of_icpc = "2025-03-31";
  EXPECT_TRUE(run("8715", with({s})).empty());
  s.date_of_icpc = "2025-03-30";
  EXPECT_EQ(run("8715", with({s})).size(), 1u);
}

TEST(Rule8740, AnOpenEnquiryStartedBeforeTheCensusYearIsAFailure) {
  const Failures f = run("8740", with({open_enquiry("2025-03-30")}));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(has(f[0].values, "S47ActualStartDate 2025-03-30, DateOfInitialCPC missing"));
  EXPECT_TRUE(run("8740", with({open_enquiry("2025-03-31")})).empty());
}

TEST(Rule8740, OnlyAConferenceStillNeededWrittenZeroIsChecked) {
  Section47 s = open_enquiry("2025-03-30");
  s.icpc_not_required = "false";
  EXPECT_TRUE(run("8740", with({s})).empty());
}

TEST(Rule8839, TwoEnquiriesAwaitingTheirConferenceInOneEpisodeAreAFailure) {
  const Failures f = run("8839", with({open_enquiry("2025-06-04"), open_enquiry("2025-09-01")}));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].where, "CIN episode referred 2025-06-02");
  EXPECT_TRUE(
      has(f[0].values, "2 enquiries with no DateOfInitialCPC, started 2025-06-04, 2025-09-01"));
}

TEST(Rule8839, AnEnquiryWhoseConferenceIsNotRequiredIsNotOpen) {
  Section47 not_needed = open_enquiry("2025-09-01");
  not_needed.icpc_not_required = "1";
  EXPECT_TRUE(run("8839", with({open_enquiry("2025-06-04"), not_needed})).empty());
}

TEST(Rule8870Q, ATargetDateOnASundayIsQueried) {
  Section47 s = enquiry();
  s.icpc_target = "2025-06-22";
  const Failures f = run("8870Q", with({s}));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(has(f[0].values, "InitialCPCtarget 2025-06-22 (a Sunday)"));
}

TEST(Rule8875, AConferenceOnASaturdayIsAFailure) {
  Section47 s = enquiry();
  s.date_of_icpc = "2025-06-21";
  const Failures f = run("8875", with({s}));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(has(f[0].values, "DateOfInitialCPC 2025-06-21 (a Saturday)"));
}

TEST(Rule8890, AnEnquiryStartingBeforeAnotherHasItsConferenceIsAFailure) {
  Section47 later = enquiry();
  later.start = "2025-06-10";
  later.date_of_icpc = "2025-06-30";
  const Failures f = run("8890", with({enquiry(), later}));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(has(f[0].where, "section 47 enquiry started 2025-06-10"));
  EXPECT_TRUE(has(f[0].values, "open until its conference 2025-06-20"));
}

TEST(Rule8890, AnEnquiryStartingWhileAnotherAwaitsItsConferenceIsAFailure) {
  Section47 later = enquiry();
  later.start = "2025-09-01";
  later.date_of_icpc = "2025-09-12";
  const Failures f = run("8890", with({open_enquiry("2025-06-04"), later}));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(has(f[0].where, "section 47 enquiry started 2025-09-01"));
  EXPECT_TRUE(has(f[0].values, "the enquiry started 2025-06-04 was still open"));
}

TEST(Rule8890, AnOpenEnquiryWhoseConferenceIsNotRequiredHoldsNothingOpen) {
  Section47 not_needed = open_enquiry("2025-06-04");
  not_needed.icpc_not_required = "true";
  Section47 later = enquiry();
  later.start = "2025-09-01";
  later.date_of_icpc = "2025-09-12";
  EXPECT_TRUE(run("8890", with({not_needed, later})).empty());
}

TEST(Rule8890, EnquiriesOneAfterTheOtherAreNotAFailure) {
  Section47 later = enquiry();
  later.start = "2025-07-01";
  later.date_of_icpc = "2025-07-11";
  EXPECT_TRUE(run("8890", with({enquiry(), later})).empty());
}

}  // namespace
}  // namespace cinplan::census
