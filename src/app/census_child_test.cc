#include "app/census_child.h"

#include <gtest/gtest.h>

#include "app/app_test_support.h"
#include "app/case_import.h"
#include "app/census_codes.h"
#include "app/census_problems.h"

namespace cinplan::app {
namespace {

using json = nlohmann::ordered_json;

CaseHistory history_of(json events) {
  json doc = {{"case_id", "CPR-801"},
              {"profile", "cin-plans-and-reviews"},
              {"child", {{"id", "P-801"}, {"name", "Census Example"}}},
              {"events", std::move(events)}};
  auto parsed = parse_case_file(test_profiles(), doc.dump(), "census.json", {"", "census-test"});
  if (!parsed) throw std::runtime_error(parsed.error().message);
  return parsed->history;
}

json registered() {
  return {{"type", "child_registered"},    {"date", "2025-05-01"}, {"name", "Census Example"},
          {"date_of_birth", "2016-04-02"}, {"sex", "female"},      {"ethnicity", "WBRI"},
          {"disabilities", json::array()}, {"upn_unknown", "UN2"}};
}

json referral(const char* date) {
  return {{"type", "referral_received"},
          {"date", date},
          {"referral_source", "2A"},
          {"primary_need", "N4"}};
}

TEST(CensusChild, TheRecordIsPutInTheCensusShape) {
  const CaseHistory h = history_of(json::array(
      {registered(),
       referral("2025-05-01"),
       {{"type", "assessment_completed"},
        {"date", "2025-05-20"},
        {"s17_need", true},
        {"started", "2025-05-02"},
        {"factors", {"3A"}}},
       {{"type", "plan_decided"}, {"date", "2025-05-21"}},
       {{"type", "section47_started"}, {"date", "2025-07-01"}},
       {{"type", "initial_conference_held"}, {"date", "2025-07-15"}, {"plan_needed", true}},
       {{"type", "child_protection_plan_started"}, {"date", "2025-07-15"}, {"category", "NEG"}},
       {{"type", "child_protection_plan_reviewed"}, {"date", "2025-10-10"}, {"category", "EMO"}},
       {{"type", "child_protection_plan_ended"}, {"date", "2026-01-05"}},
       {{"type", "closed"}, {"date", "2026-02-02"}, {"reason", "close"}}}));
  const census::CensusChild c = census_child("CPR-801", h);
  EXPECT_EQ(c.la_child_id, "CPR801");  // letters and digits only
  EXPECT_EQ(c.sex, "F");
  EXPECT_EQ(c.upn_unknown, "UN2");
  EXPECT_EQ(c.disabilities, std::vector<std::string>{"NONE"});
  ASSERT_EQ(c.episodes.size(), 1u);
  const census::CinEpisode& e = c.episodes[0];
  EXPECT_EQ(e.referral_source, "2A");
  EXPECT_EQ(e.referral_nfa, "0");
  ASSERT_EQ(e.assessments.size(), 1u);
  EXPECT_EQ(e.assessments[0].start, "2025-05-02");
  EXPECT_EQ(e.assessments[0].authorisation, "2025-05-20");
  // The CIN plan ends when the child protection plan starts.
  ASSERT_EQ(e.plans.size(), 1u);
  EXPECT_EQ(e.plans[0].end, "2025-07-15");
  ASSERT_EQ(e.section47s.size(), 1u);
  EXPECT_EQ(e.section47s[0].date_of_icpc, "2025-07-15");
  ASSERT_EQ(e.protection_plans.size(), 1u);
  const census::ChildProtectionPlan& p = e.protection_plans[0];
  EXPECT_EQ(p.initial_category, "NEG");
  EXPECT_EQ(p.latest_category, "EMO");
  EXPECT_EQ(p.reviews, std::vector<census::Text>{"2025-10-10"});
  EXPECT_EQ(p.end, "2026-01-05");
  EXPECT_EQ(e.closure_date, "2026-02-02");
  EXPECT_EQ(e.reason_for_closure, "RC7");
}

TEST(CensusChild, AClosureAfterOnlyAnAssessmentIsRc8OrRc9AndACensusReasonWins) {
  EXPECT_EQ(closure_census_reason("close", true), "RC8");
  EXPECT_EQ(closure_census_reason("step_down_early_help", true), "RC9");
  EXPECT_EQ(closure_census_reason("step_down_early_help", false), "RC7");
  EXPECT_EQ(closure_census_reason("transferred_out", false), "RC5");
  const CaseHistory h = history_of(json::array({registered(),
                                                referral("2025-05-01"),
                                                {{"type", "closed"},
                                                 {"date", "2025-06-02"},
                                                 {"reason", "other"},
                                                 {"census_reason", "RC6"}}}));
  EXPECT_EQ(census_child("CPR-801", h).episodes[0].reason_for_closure, "RC6");
}

TEST(CensusChild, AYearsReturnHoldsWhatFallsInTheYear) {
  const CaseHistory h =
      history_of(json::array({registered(),
                              referral("2024-05-01"),
                              {{"type", "assessment_completed"},
                               {"date", "2024-05-20"},
                               {"s17_need", true},
                               {"factors", {"3A"}}},
                              {{"type", "plan_decided"}, {"date", "2024-05-21"}}}));
  const auto year = census::period_ending(*Date::from_ymd(2026, 3, 31));
  const census::CensusChild c = census_year_of(census_child("CPR-801", h), year);
  ASSERT_EQ(c.episodes.size(), 1u);                // still open
  EXPECT_TRUE(c.episodes[0].assessments.empty());  // completed the year before
  EXPECT_EQ(c.episodes[0].plans.size(), 1u);       // open in the year
  const CaseHistory closed =
      history_of(json::array({registered(),
                              referral("2024-05-01"),
                              {{"type", "closed"}, {"date", "2024-09-02"}, {"reason", "close"}}}));
  EXPECT_TRUE(census_year_of(census_child("CPR-801", closed), year).episodes.empty());
  const auto problems =
      census_problems_json("CPR-801", closed, *Date::from_ymd(2026, 1, 5), *shipped_census_codes());
  EXPECT_FALSE(problems["in_return"]);
  EXPECT_TRUE(problems["findings"].empty());
}

TEST(CensusChild, ACorrectedReferralIsReadAsCorrected) {
  json no_codes = {{"type", "referral_received"}, {"date", "2025-05-01"}};
  json corrected = referral("2025-05-01");
  const CaseHistory h = history_of(json::array({registered(),
                                                no_codes,
                                                {{"type", "event_corrected"},
                                                 {"date", "2025-06-01"},
                                                 {"corrects", 2},
                                                 {"reason", "the census details recorded"},
                                                 {"replacement", corrected}}}));
  const census::CensusChild c = census_child("CPR-801", h);
  ASSERT_EQ(c.episodes.size(), 1u);
  EXPECT_EQ(c.episodes[0].referral_source, "2A");
}

}  // namespace
}  // namespace cinplan::app
