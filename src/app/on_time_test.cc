#include "app/on_time.h"

#include <gtest/gtest.h>

#include <map>

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

TEST(OnTime, ADutyMetByOneEventIsCountedOnceThoughItsMeetingMoved) {
  // The initial meeting arranged for 26 January, moved to 9 February; the
  // visit to prepare for it on 19 January does for both days.
  const std::string text = R"({"case_id": "T-2", "child": {"id": "P-2", "name": "Sam"}, "events": [
      {"type": "assessment_completed", "date": "2026-01-05", "s17_need": true},
      {"type": "plan_decided", "date": "2026-01-05"},
      {"type": "meeting_scheduled", "date": "2026-01-06", "meeting_date": "2026-01-26", "kind": "initial"},
      {"type": "visit", "date": "2026-01-19", "child_seen": true, "purpose": "prepare_for_meeting"},
      {"type": "meeting_scheduled", "date": "2026-01-22", "meeting_date": "2026-02-09", "kind": "initial"},
      {"type": "meeting", "date": "2026-02-09", "kind": "initial", "chair_role": "first_line_manager", "outcome": "continue"}]})";
  const CaseState state = fold(parse_case_history(text).value());
  const Date today = parse_date("2026-03-01").value();
  std::map<std::string, int> per_rule;
  for (const DueOccurrence& d : due_occurrences(london(), state, today))
    if (d.done_by == 3) ++per_rule[london().rules[d.rule].id];  // met by the visit (event 4)
  ASSERT_FALSE(per_rule.empty());
  for (const auto& [rule, n] : per_rule) EXPECT_EQ(n, 1) << rule;
}

}  // namespace
}  // namespace cinplan::app
