#include "pages/family_plan_view.h"

#include <gtest/gtest.h>

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

json london_case() {
  json cv;
  cv["case_id"] = "NB-7";
  cv["child"] = {{"name", "Sam Hale"}, {"address", "1 Secret Road"}};
  cv["people"] = json::array(
      {{{"name", "Dana Hale"}, {"relationship", "mother"}, {"address", "2 Refuge Lane"}}});
  cv["meetings"] = json::array({{{"date", "2026-09-01"}, {"worries", json::array({"Old worry"})}},
                                {{"date", "2026-11-20"},
                                 {"worries", json::array({"Sam misses school"})},
                                 {"complicating_factors", json::array({"Dad works nights"})}}});
  cv["plan"] = {
      {"version", 2},
      {"date", "2026-11-20"},
      {"settings",
       {{"contingency", "A review is called within a week"},
        {"lead_professional", "Alex Morgan"},
        {"visiting_frequency_days", 20}}},
      {"outcomes", json::array({{{"text", "Sam is at school every day"},
                                 {"measure", "attendance above 95%"}}})},
      {"actions", json::array({{{"text", "Walk Sam to school"},
                                {"owner", "Dana Hale"},
                                {"by_date", "2026-12-18"},
                                {"why", "He gets there on time"},
                                {"completed", false}}})},
      {"signatures", json::array({{{"by_words", "the family"}, {"date", "2026-11-21"}}})}};
  cv["choices"]["family_plan"] =
      json::array({{{"part", "worries"}, {"heading", "Why are we here"}},
                   {{"part", "outcomes"}, {"heading", "What needs to change"}},
                   {{"part", "actions"}, {"heading", "How can we do it"}},
                   {{"part", "contingency"}, {"heading", "What to do if it does not work"}},
                   {{"part", "review"}, {"heading", "How do we know it is working"}},
                   {{"part", "safety_goals"}, {"heading", "Safety goal"}}});
  return cv;
}

TEST(FamilyPlanView, ShowsThePlanUnderTheAuthoritysHeadingsInOrder) {
  const json v = family_plan_view(london_case(), "Northbridge", "Alex Morgan", "2026-12-03");
  ASSERT_EQ(v["sections"].size(), 6u);
  EXPECT_EQ(v["sections"][0]["heading"], "Why are we here");
  // The latest meeting's worries, not an earlier one's.
  EXPECT_EQ(v["sections"][0]["items"], json::array({"Sam misses school", "Dad works nights"}));
  EXPECT_EQ(v["sections"][1]["outcomes"][0]["text"], "Sam is at school every day");
  EXPECT_EQ(v["sections"][1]["outcomes"][0]["measure"], "attendance above 95%");
  const json& action = v["sections"][2]["actions"][0];
  EXPECT_EQ(action["who"], "Dana Hale");
  EXPECT_EQ(action["by"], "18 December 2026");
  EXPECT_EQ(v["sections"][3]["items"][0], "A review is called within a week");
  EXPECT_EQ(v["sections"][4]["items"][0], "The lead professional is Alex Morgan.");
  EXPECT_EQ(v["sections"][4]["items"][1],
            "The social worker will see Sam Hale at least every 20 days.");
  // Nothing recorded: said, not left blank.
  EXPECT_TRUE(v["sections"][5]["empty"].get<bool>());
  EXPECT_EQ(v["produced_by"], "Alex Morgan");
  EXPECT_EQ(v["produced_on"], "3 December 2026");
  EXPECT_EQ(v["signatures"][0], "Signed by the family on 21 November 2026");
}

TEST(FamilyPlanView, HoldsNoOnesAddress) {
  const std::string text =
      family_plan_view(london_case(), "Northbridge", "Alex Morgan", "2026-12-03").dump();
  EXPECT_EQ(text.find("Secret Road"), std::string::npos);
  EXPECT_EQ(text.find("Refuge Lane"), std::string::npos);
}

}  // namespace
}  // namespace cinplan::pages
