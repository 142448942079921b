#include "pages/chronology_document.h"

#include <gtest/gtest.h>

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

TEST(ChronologyDocument, SignificantEventsInDateOrderWithoutTheStruckOutOrTheRoutine) {
  json cv;
  cv["case_id"] = "NB-3";
  cv["child"] = {{"name", "Sam Hale"}};
  cv["chronology"] = json::array(
      {{{"event", 1},
        {"date", "2026-03-01"},
        {"type", "referral_received"},
        {"what", "the referral"}},
       {{"event", 2},
        {"date", "2026-02-20"},
        {"type", "visit"},
        {"what", "a visit"},
        {"detail", "child seen alone"},
        {"recorded_by_name", "Alex Morgan"}},
       {{"event", 3},
        {"date", "2026-03-02"},
        {"type", "invitations_sent"},
        {"what", "invitations"}},
       {{"event", 4}, {"date", "2026-03-03"}, {"type", "case_note_added"}, {"what", "a case note"}},
       {{"event", 5},
        {"date", "2026-03-04"},
        {"type", "event_corrected"},
        {"what", "a correction"},
        {"corrects", 4},
        {"struck_out", true}}});
  const json v = chronology_document_view(cv, "Northbridge", "Alex Morgan", "2026-12-03");
  ASSERT_EQ(v["rows"].size(), 2u);
  EXPECT_EQ(v["rows"][0]["what"], "A visit");
  EXPECT_EQ(v["rows"][0]["detail"], "child seen alone");
  EXPECT_EQ(v["rows"][0]["by"], "Alex Morgan");
  EXPECT_EQ(v["rows"][1]["what"], "The referral");
}

}  // namespace
}  // namespace cinplan::pages
