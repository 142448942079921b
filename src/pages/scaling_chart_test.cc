#include "pages/scaling_chart.h"

#include <gtest/gtest.h>

#include <regex>

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

json case_with_scores() {
  json cv;
  cv["child"] = {{"name", "Sam <Hale>"}};
  cv["meetings"] = json::array(
      {{{"date", "2026-09-01"},
        {"scaling",
         json::array({{{"by", "School"}, {"score", 3}}, {{"by", "Mum"}, {"score", 5}}})}},
       {{"date", "2026-10-01"}, {"scaling", json::array()}},
       {{"date", "2026-11-01"},
        {"scaling",
         json::array({{{"by", "School"}, {"score", 7}}, {{"by", "Health & GP"}, {"score", 2}}})}}});
  return cv;
}

TEST(ScalingChart, EachPointIsAScoreGivenAtAMeetingAndTheTableSaysTheSame) {
  const json v = scaling_chart(case_with_scores());
  ASSERT_TRUE(v["has_chart"].get<bool>());
  // A meeting with no scores is not a column.
  EXPECT_EQ(v["dates"], json::array({"1 September 2026", "1 November 2026"}));
  const std::string svg = v["svg"];
  std::regex point("data-by=\"([^\"]*)\" data-date=\"([^\"]*)\" data-score=\"([0-9]+)\"");
  std::vector<std::string> read;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), point); it != std::sregex_iterator();
       ++it)
    read.push_back((*it)[1].str() + "|" + (*it)[2].str() + "|" + (*it)[3].str());
  EXPECT_EQ(read, (std::vector<std::string>{"School|1 September 2026|3", "School|1 November 2026|7",
                                            "Mum|1 September 2026|5",
                                            "Health &amp; GP|1 November 2026|2"}));
  EXPECT_EQ(v["rows"][0]["trend"], "better (3 to 7)");
  EXPECT_EQ(v["rows"][1]["scores"], json::array({5, "-"}));
  EXPECT_EQ(v["spread_words"],
            "At the meeting of 1 November 2026 the scores are 5 points apart: Health & GP gave 2, "
            "School gave 7.");
  // Names are escaped in the markup.
  EXPECT_EQ(svg.find("<Hale>"), std::string::npos);
}

TEST(ScalingChart, NoScoresNoChart) {
  json cv;
  cv["meetings"] = json::array({{{"date", "2026-09-01"}}});
  EXPECT_FALSE(scaling_chart(cv)["has_chart"].get<bool>());
}

}  // namespace
}  // namespace cinplan::pages
