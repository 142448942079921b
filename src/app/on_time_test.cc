#include "app/on_time.h"

#include <gtest/gtest.h>

#include "app/app_test_support.h"
#include "core/casefile/case_history.h"

namespace cinplan::app {
namespace {

const Date kToday = parse_date("2026-12-03").value();

// A London CYPS case whose plan was decided on 5 January 2026, visited
// every `every` days from 8 January, but for the days of `gap` (none seen
// from gap.first to gap.second).
CaseState visited(int every, std::pair<int, int> gap = {0, 0}) {
  std::string events =
      R"({"type": "assessment_completed", "date": "2026-01-05", "s17_need": true},
         {"type": "plan_decided", "date": "2026-01-05"})";
  const Date first = parse_date("2026-01-08").value();
  for (int d = 0; add_days(first, d) <= kToday; d += every) {
    if (d >= gap.first && d < gap.second) continue;
    events += R"(, {"type": "visit", "date": ")" + add_days(first, d).to_string() +
              R"(", "child_seen": true, "seen_alone": true, "location": "home", "announced": false,
              "rooms_seen": ["bathroom", "kitchen", "bedroom"]})";
  }
  const std::string text =
      R"({"case_id": "T-1", "child": {"id": "P-1", "name": "Sam"}, "events": [)" + events + "]}";
  return fold(parse_case_history(text).value());
}

const Profile& london() {
  return *test_profiles().find("london-cyps").value();
}

TEST(OnTime, VisitsEveryFortnightAreAllOnTime) {
  const OnTimeCounts c = on_time_counts(london(), visited(14), kToday);
  EXPECT_GT(c.visits_due, 10);
  EXPECT_EQ(c.visits_on_time, c.visits_due);
}

TEST(OnTime, AGapLongerThanTheProcedureAllowsIsCountedLate) {
  // No visit from 1 June to mid August: 20 working days pass unmet.
  const OnTimeCounts c = on_time_counts(london(), visited(14, {144, 224}), kToday);
  EXPECT_GT(c.visits_due, 0);
  EXPECT_LT(c.visits_on_time, c.visits_due);
}

TEST(OnTime, NoVisitAtAllIsNoneOnTime) {
  const OnTimeCounts c = on_time_counts(london(), visited(1000, {0, 1000}), kToday);
  EXPECT_GT(c.visits_due, 0);
  EXPECT_EQ(c.visits_on_time, 0);
  // The initial meeting fell due and was never held.
  EXPECT_GT(c.meetings_due, 0);
  EXPECT_EQ(c.meetings_on_time, 0);
}

}  // namespace
}  // namespace cinplan::app
