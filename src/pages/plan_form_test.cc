#include "pages/plan_form.h"

#include <gtest/gtest.h>

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

// A plan with one outcome, one action done (the form does not show it) and
// one action still open that serves the outcome.
json a_case() {
  return json::parse(R"j({
    "case_id": "C-1", "version": 9,
    "plan": {
      "date": "2026-10-01",
      "outcomes": [{"outcome_id": "O1", "text": "Kai is at school every day"}],
      "actions": [
        {"action_id": "A1", "text": "Developmental review", "owner": "health visitor",
         "by_date": "2026-10-20", "why": "to know his needs", "completed": true},
        {"action_id": "A2", "outcome_id": "O1", "text": "Walk Kai to school",
         "owner": "mother", "by_date": "2026-12-20", "why": "he arrives on time"}]}})j");
}

Form dated(Form f) {
  f.insert({{"version", "9"}, {"date-day", "2"}, {"date-month", "12"}, {"date-year", "2026"}});
  return f;
}

TEST(PlanForm, ANewActionNeverTakesTheIdOfOneAlreadyDone) {
  const Form f = dated({{"action-1-id", "A2"},
                        {"action-1-text", "Walk Kai to school"},
                        {"action-1-owner", "mother"},
                        {"action-1-by-day", "20"},
                        {"action-1-by-month", "12"},
                        {"action-1-by-year", "2026"},
                        {"action-1-why", "he arrives on time"},
                        {"action-2-text", "Mondays: the grandmother walks him"},
                        {"action-2-owner", "grandmother"},
                        {"action-2-by-day", "7"},
                        {"action-2-by-month", "1"},
                        {"action-2-by-year", "2027"},
                        {"action-2-why", "the mother works early on Mondays"}});
  const FormReading r = read_plan(f, a_case());
  ASSERT_TRUE(r.problems.empty()) << r.problems.front().message;
  // A2 came back without its "was", so it is sent again; the new row is A3,
  // not A1 (done, and not on the form).
  ASSERT_EQ(r.body["actions"].size(), 2u);
  EXPECT_EQ(r.body["actions"][0]["action_id"], "A2");
  EXPECT_EQ(r.body["actions"][1]["action_id"], "A3");
}

TEST(PlanForm, AChangedActionKeepsTheOutcomeItServes) {
  const Form f = dated({{"action-1-id", "A2"},
                        {"action-1-text", "Walk Kai to school, and wait until he is in"},
                        {"action-1-owner", "mother"},
                        {"action-1-by-day", "20"},
                        {"action-1-by-month", "12"},
                        {"action-1-by-year", "2026"},
                        {"action-1-why", "he arrives on time"}});
  const FormReading r = read_plan(f, a_case());
  ASSERT_EQ(r.body["actions"].size(), 1u);
  EXPECT_EQ(r.body["actions"][0]["outcome_id"], "O1");
  // A new outcome takes the next id after the plan's own.
  const FormReading o = read_plan(dated({{"outcome-1-text", "Kai sleeps in his own bed"},
                                         {"outcome-1-measure", "five nights a week"}}),
                                  a_case());
  EXPECT_EQ(o.body["outcomes"][0]["outcome_id"], "O2");
}

TEST(SignatureForm, OnlyAManagerIsOfferedTheManagersSignature) {
  const Form typed = dated({{"by", "first_line_manager"}});
  json c = a_case();
  auto offered = [](const json& view) {
    std::vector<std::string> values;
    for (const json& o : view["by"]["items"]) values.push_back(o["value"].get<std::string>());
    return values;
  };
  const json worker = signature_form_view(c, {}, {}, "2026-12-02", 9);
  EXPECT_EQ(offered(worker), (std::vector<std::string>{"family", "child"}));
  const FormReading refused = read_signature(typed, c);
  ASSERT_EQ(refused.problems.size(), 1u);
  EXPECT_EQ(refused.problems[0].field, "by");
  EXPECT_NE(refused.problems[0].message.find("Only a manager"), std::string::npos);

  c["caller_is_manager"] = true;
  const json manager = signature_form_view(c, {}, {}, "2026-12-02", 9);
  EXPECT_EQ(offered(manager), (std::vector<std::string>{"family", "child", "first_line_manager"}));
  const FormReading signed_by_manager = read_signature(typed, c);
  EXPECT_TRUE(signed_by_manager.problems.empty());
  EXPECT_EQ(signed_by_manager.body["by"], "first_line_manager");
}

}  // namespace
// A significant change tells the worker what the procedure asks again,
// in its rules' words, or that it asks nothing more.
TEST(PlanForm, TheSignificantQuestionSaysWhatAYesStarts) {
  json c = a_case();
  c["profile_name"] = "London CYPS";
  c["choices"] = {{"significant_change_duties",
                   json::array({"CIN plan shared with the family and signed by them"})}};
  EXPECT_EQ(plan_form_view(c, {}, {}, "2026-12-02", 9)["significant"]["hint"],
            "If it is, London CYPS asks again: CIN plan shared with the family and signed by "
            "them.");
  c["profile_name"] = "Bolton";
  c["choices"]["significant_change_duties"] = json::array();
  EXPECT_EQ(plan_form_view(c, {}, {}, "2026-12-02", 9)["significant"]["hint"],
            "Bolton asks nothing more after a significant change; the plan's versions show it.");
}

}  // namespace cinplan::pages
