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
  const app::AuthorityContact contact{"0300 123 4567", "cin@northbridge.example", "",
                                      "0300 765 4321"};
  const json v = closure_letter_view(cv, "Northbridge", contact, "Sarah O'Brien", "2026-12-03");
  EXPECT_TRUE(v["closed"].get<bool>());
  EXPECT_EQ(v["phone"], "0300 123 4567");
  EXPECT_EQ(v["email"], "cin@northbridge.example");
  EXPECT_EQ(v["address"], false);  // not set: left out
  EXPECT_EQ(v["out_of_hours"], "0300 765 4321");
  EXPECT_TRUE(v["has_contact"].get<bool>());
  EXPECT_EQ(v["closed_on"], "3 December 2026");
  EXPECT_EQ(v["reason"], "the support goes on through early help");
  EXPECT_EQ(v["agencies"][0]["contact"], "t.douglas@school.example");
  EXPECT_FALSE(v.contains("summary"));
  EXPECT_EQ(v["agencies"][1]["contact"], false);
  const std::string text = v.dump();
  EXPECT_EQ(text.find("Secret Road"), std::string::npos);
  EXPECT_EQ(text.find("Refuge Lane"), std::string::npos);
}

TEST(ClosureLetterView, WhereAnAddressIsKeptFromSomeoneNoAgencyIsNamed) {
  json cv;
  cv["case_id"] = "NB-9";
  cv["people"] = json::array({{{"name", "Dana Hale"}, {"address_withheld_from", {"P2"}}}});
  cv["professionals"] = json::array({{{"name", "T. Lewis"},
                                      {"agency", "St Thomas More High School"},
                                      {"contact", "t@s.example"}}});
  cv["closure"] = {{"date", "2026-12-03"}, {"reason", "close"}};
  const json v = closure_letter_view(cv, "Northbridge", {}, "S", "2026-12-03");
  EXPECT_FALSE(v["has_agencies"].get<bool>());
  EXPECT_TRUE(v["agencies_withheld"].get<bool>());
  EXPECT_EQ(v.dump().find("St Thomas More"), std::string::npos);
}

TEST(ClosureLetterView, AnOpenCaseHasNoClosureToTellOf) {
  json cv;
  cv["case_id"] = "NB-9";
  const json v = closure_letter_view(cv, "Northbridge", {}, "S", "2026-12-03");
  EXPECT_FALSE(v["closed"].get<bool>());
  EXPECT_FALSE(v["has_contact"].get<bool>());
}

}  // namespace
}  // namespace cinplan::pages
