#include "pages/closure_letter_view.h"

#include <gtest/gtest.h>

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

TEST(ClosureLetterView, SaysWhyInPlainWordsHowToComeBackAndWhoElseHelps) {
  json cv;
  cv["case_id"] = "NB-9";
  cv["worker"] = "Emily Clarke";
  cv["child"] = {{"name", "Sam Hale"}, {"address", "1 Secret Road"}};
  cv["people"] = json::array({{{"name", "Dana Hale"}, {"address", "2 Refuge Lane"}}});
  cv["professionals"] = json::array(
      {{{"name", "T. Douglas"}, {"agency", "school"}, {"contact", "t.douglas@school.example"}},
       {{"name", "Dr Okafor"}, {"agency", "health"}}});
  cv["closure"] = {{"date", "2026-12-03"},
                   {"reason", "step_down_early_help"},
                   {"summary", "Attendance is back to 95%."}};
  const json v = closure_letter_view(cv, "Northbridge", "Sarah O'Brien", "2026-12-03");
  EXPECT_TRUE(v["closed"].get<bool>());
  EXPECT_EQ(v["closed_on"], "3 December 2026");
  EXPECT_EQ(v["reason"], "the support goes on through early help");
  EXPECT_EQ(v["agencies"][0]["contact"], "t.douglas@school.example");
  EXPECT_FALSE(v.contains("summary"));
  EXPECT_EQ(v["agencies"][1]["contact"], false);
  const std::string text = v.dump();
  EXPECT_EQ(text.find("Secret Road"), std::string::npos);
  EXPECT_EQ(text.find("Refuge Lane"), std::string::npos);
}

TEST(ClosureLetterView, AnOpenCaseHasNoClosureToTellOf) {
  json cv;
  cv["case_id"] = "NB-9";
  EXPECT_FALSE(closure_letter_view(cv, "Northbridge", "S", "2026-12-03")["closed"].get<bool>());
}

}  // namespace
}  // namespace cinplan::pages
