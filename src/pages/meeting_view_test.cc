#include "pages/meeting_view.h"

#include <gtest/gtest.h>

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

TEST(MeetingView, SaysWhoCameWhoScaledWhatAndWhatTheMeetingFound) {
  const json v = held_meeting_view(json::parse(R"j({
    "date": "2026-12-02", "kind": "review", "next_meeting": "2027-01-20",
    "worries": ["no food in the fridge"], "working_well": [],
    "present": [{"name": "Jo Example", "role": "mother", "contact": "07700 900123"}],
    "apologies": [{"name": "Dr Okafor", "agency": "GP", "written_update": true}],
    "absent": [{"name": "Sam Example", "role": "father"}],
    "scaling": [{"by": "Jo Example", "score": 6, "rationale": "things are better"},
                {"by": "R. Patel", "score": 4}]})j"));
  EXPECT_EQ(v["present_words"][0], "Jo Example (mother, 07700 900123)");
  EXPECT_EQ(v["apologies_words"][0], "Dr Okafor (GP), with a written report");
  EXPECT_EQ(v["absent_words"][0], "Sam Example (father)");
  EXPECT_EQ(v["scaling_rows"][0]["score"], 6);
  EXPECT_EQ(v["scaling_rows"][1]["rationale"], false);
  ASSERT_EQ(v["findings"].size(), 1u);  // an empty list is no heading
  EXPECT_EQ(v["findings"][0]["heading"], "What we are worried about");
  EXPECT_EQ(v["next_words"], "20 January 2027");
  EXPECT_EQ(v["has_record"], true);
}

TEST(MeetingView, AMeetingWithNothingRecordedHasNoDetails) {
  const json v = held_meeting_view(json::parse(R"j({"date": "2026-12-02", "kind": "initial"})j"));
  EXPECT_EQ(v["has_record"], false);
  EXPECT_EQ(v["has_present"], false);
  EXPECT_EQ(v["findings"], false);
}

}  // namespace
}  // namespace cinplan::pages
