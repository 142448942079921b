#include "pages/closure_form.h"

#include <gtest/gtest.h>

#include "pages/step_form.h"
#include "pages/transfer_form.h"

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

json case_with_places() {
  json cv;
  cv["case_id"] = "NB-1";
  cv["child"] = {{"name", "Sam Hale"}};
  cv["choices"] = {
      {"closure_places",
       json::array({{{"value", "service_manager"}, {"label", "By the service manager"}},
                    {{"value", "review"}, {"label", "At a review of the plan"}}})},
      {"closure_rules", json::array()}};
  return cv;
}

Form closure(std::string place) {
  return {{"date-day", "3"},
          {"date-month", "12"},
          {"date-year", "2026"},
          {"reason", "step_down_early_help"},
          {"endorsed_at", std::move(place)},
          {"summary", "The plan has done its work."},
          {"views_child", "I like my new club."},
          {"views_parents", "Calmer at home."},
          {"views_professionals", "School agrees."}};
}

TEST(ClosureForm, ReadsTheClosingSummaryAndWhereItWasEndorsed) {
  const FormReading r = read_closure(closure("service_manager"), case_with_places());
  EXPECT_TRUE(r.problems.empty());
  EXPECT_EQ(r.body["date"], "2026-12-03");
  EXPECT_EQ(r.body["reason"], "step_down_early_help");
  EXPECT_EQ(r.body["endorsed_at"], "service_manager");
  EXPECT_EQ(r.body["views_child"], "I like my new club.");
}

TEST(ClosureForm, LeavesAMissingEndorsementToTheProceduresCheckButRefusesAPlaceNotOffered) {
  // Left out: the close_case command refuses it, quoting the procedure.
  FormReading r = read_closure(closure(""), case_with_places());
  EXPECT_TRUE(r.problems.empty());
  EXPECT_FALSE(r.body.contains("endorsed_at"));
  r = read_closure(closure("panel"), case_with_places());
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].field, "endorsed_at");
}

TEST(ClosureForm, EachViewLeftBlankIsNamedBesideItsBoxWithTheRule) {
  Form f = closure("review");
  f.erase("views_parents");
  f["summary"] = "  \n";
  const FormReading r = read_closure(f, case_with_places());
  ASSERT_EQ(r.problems.size(), 2u);
  EXPECT_EQ(r.problems[0].field, "summary");
  EXPECT_EQ(r.problems[1].field, "views_parents");
  EXPECT_NE(r.problems[1].rule.find("views of the child, parents and professionals"),
            std::string::npos);
}

TEST(StepForm, AStepUpNamesWhatItStepsUpToAndWhy) {
  FormReading r = read_step_up({{"date-day", "3"},
                                {"date-month", "12"},
                                {"date-year", "2026"},
                                {"to", "child_protection"},
                                {"reason", "Section 47 enquiries"}});
  EXPECT_TRUE(r.problems.empty());
  EXPECT_EQ(r.body["to"], "child_protection");
  r = read_step_down(
      {{"date-day", "3"}, {"date-month", "12"}, {"date-year", "2026"}, {"from", "somewhere"}});
  ASSERT_EQ(r.problems.size(), 2u);
  EXPECT_EQ(r.problems[0].field, "from");
  EXPECT_EQ(r.problems[1].field, "reason");
}

TEST(TransferForm, WithoutConsentTheReasonIsAskedAndThePackKeepsTheRecordsWords) {
  Form f = {{"date-day", "3"},         {"date-month", "12"},
            {"date-year", "2026"},     {"to_authority", "Leeds City Council"},
            {"pack-assessment", "on"}, {"pack-review_minutes", "on"},
            {"parental_consent", "no"}};
  FormReading r = read_transfer_out(f);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].field, "override_rationale");
  EXPECT_EQ(r.body["information_shared"], json::array({"assessment", "latest review minutes"}));
  f["override_rationale"] = "The risk of a gap in the service.";
  r = read_transfer_out(f);
  EXPECT_TRUE(r.problems.empty());
  EXPECT_EQ(r.body["parental_consent"], false);
}

}  // namespace
}  // namespace cinplan::pages
