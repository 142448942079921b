#include "pages/timeline_chart.h"

#include <gtest/gtest.h>

#include <regex>

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

json a_year() {
  json t;
  t["from"] = "2025-12-04";
  t["today"] = "2026-12-04";
  t["due"] = json::array({
      {{"rule", "visit"},
       {"title", "Visit to the child"},
       {"kind", "visit"},
       {"due", "2026-03-01"},
       {"done", "2026-02-20"},
       {"on_time", true}},
      {{"rule", "review"},
       {"title", "CIN review"},
       {"kind", "meeting"},
       {"due", "2026-06-01"},
       {"done", "2026-06-11"},
       {"on_time", false}},
      {{"rule", "visit"},
       {"title", "Visit to the child"},
       {"kind", "visit"},
       {"due", "2026-11-01"},
       {"done", nullptr},
       {"on_time", false}},
  });
  t["visits"] = json::array(
      {{{"date", "2026-02-20"}, {"seen", true}}, {{"date", "2026-10-20"}, {"seen", false}}});
  t["meetings"] = json::array({{{"date", "2026-06-11"}, {"label", "CIN review"}}});
  return t;
}

std::vector<std::string> all(const std::string& svg, const std::string& pattern) {
  std::regex re(pattern);
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), re); it != std::sregex_iterator();
       ++it) {
    std::string one;
    for (std::size_t i = 1; i < it->size(); ++i) one += (i > 1 ? "|" : "") + (*it)[i].str();
    out.push_back(one);
  }
  return out;
}

TEST(TimelineChart, EachDueDateAndEachVisitOrMeetingHeldIsMarkedAndTabled) {
  const json v = timeline_chart(a_year(), "Sam <Hale>");
  ASSERT_TRUE(v["has_chart"].get<bool>());
  const std::string svg = v["svg"];
  EXPECT_EQ(
      all(svg,
          "data-kind=\"(\\w+)\" data-due=\"([^\"]*)\" data-done=\"([^\"]*)\" "
          "data-on-time=\"(\\w+)\""),
      (std::vector<std::string>{"visit|2026-03-01|2026-02-20|true",
                                "meeting|2026-06-01|2026-06-11|false", "visit|2026-11-01||false"}));
  EXPECT_EQ(
      all(svg, "data-kind=\"(\\w+)\" data-date=\"([^\"]*)\""),
      (std::vector<std::string>{"visit|2026-02-20", "visit|2026-10-20", "meeting|2026-06-11"}));
  // The child's name is escaped in the title.
  EXPECT_NE(svg.find("Sam &lt;Hale&gt;"), std::string::npos);
  ASSERT_EQ(v["rows"].size(), 3u);
  EXPECT_EQ(v["rows"][0]["result_words"], "On time");
  EXPECT_EQ(v["rows"][1]["result_words"], "Late, by 10 days");
  EXPECT_EQ(v["rows"][1]["done_words"], "11 June 2026");
  EXPECT_EQ(v["rows"][2]["result_words"], "Not done");
  EXPECT_EQ(v["on_time_words"], "1 of 3 done by their due date in the last 12 months.");
  // A late one has its red line on to the day it was done; one not done,
  // a dashed one on to today.
  EXPECT_EQ(all(svg,
                "<line x1=\"[0-9.]+\" x2=\"[0-9.]+\" y1=\"[0-9]+\" y2=\"[0-9]+\" "
                "stroke=\"(#d4351c)\" stroke-width=\"3\"/>")
                .size(),
            1u);
  EXPECT_EQ(all(svg, "stroke=\"(#d4351c)\" stroke-width=\"3\" stroke-dasharray").size(), 1u);
}

TEST(TimelineChart, NothingDueAndNothingHeldIsNoChart) {
  json t = a_year();
  t["due"] = json::array();
  t["visits"] = json::array();
  t["meetings"] = json::array();
  EXPECT_FALSE(timeline_chart(t, "Sam")["has_chart"].get<bool>());
  t["visits"] = json::array({{{"date", "2026-02-20"}, {"seen", true}}});
  const json v = timeline_chart(t, "Sam");
  EXPECT_TRUE(v["has_chart"].get<bool>());
  EXPECT_FALSE(v["has_rows"].get<bool>());
  EXPECT_EQ(v["on_time_words"], "Nothing fell due in the last 12 months.");
}

}  // namespace
}  // namespace cinplan::pages
