#include "core/obligations/findings.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/procedure/profile_loader.h"

namespace cinplan {
namespace {

Profile bolton() {
  std::ifstream in(std::string(CINPLAN_SOURCE_DIR) + "/profiles/bolton.toml");
  std::stringstream text;
  text << in.rdbuf();
  auto p = load_profile(text.str(), "profiles/bolton.toml");
  EXPECT_TRUE(p) << p.error().describe();
  return *p;
}

CaseHistory history(const std::string& extra_events) {
  auto h = parse_case_history(R"({"case_id": "C-1", "child": {"id": "P-1", "name": "Sam"},
    "events": [
      {"type": "meeting", "date": "2025-03-20", "kind": "initial",
       "chair_role": "social_worker", "outcome": "continue"})" +
                              extra_events + "]}");
  EXPECT_TRUE(h) << h.error().describe();
  return *h;
}

// Bolton: "The first Child Action Meeting will usually be chaired by the
// social worker's line manager."
TEST(FindingsTest, AFirstMeetingChairedByTheWorkerIsFound) {
  const auto found = check_constraints(bolton(), history(""));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].event, 0u);
  ASSERT_EQ(found[0].failed.size(), 1u);
  const Profile p = bolton();
  const Constraint& c = p.constraints[found[0].constraint];
  EXPECT_EQ(c.require[found[0].failed[0].requirement].field, "chair_role");
  EXPECT_TRUE(found[0].failed[0].recorded);
  EXPECT_EQ(found[0].failed[0].value, "social_worker");
}

TEST(FindingsTest, AFieldLeftOutIsFoundAsNotRecorded) {
  auto h = parse_case_history(R"({"case_id": "C-1", "events": [
      {"type": "meeting", "date": "2025-03-20", "kind": "initial", "outcome": "continue"}]})");
  ASSERT_TRUE(h) << h.error().describe();
  const auto found = check_constraints(bolton(), *h);
  ASSERT_EQ(found.size(), 1u);
  ASSERT_EQ(found[0].failed.size(), 1u);
  EXPECT_FALSE(found[0].failed[0].recorded);
}

// "This is not the case where there has been a step down from Child
// Protection."
TEST(FindingsTest, AStepDownFromChildProtectionExceptsTheFirstMeetingsChair) {
  auto h = parse_case_history(R"({"case_id": "C-1", "events": [
      {"type": "stepped_down", "date": "2025-03-10", "from": "child_protection"},
      {"type": "meeting", "date": "2025-03-20", "kind": "initial", "chair_role": "social_worker",
       "outcome": "continue"}]})");
  ASSERT_TRUE(h) << h.error().describe();
  EXPECT_TRUE(check_constraints(bolton(), *h).empty());
  auto after = parse_case_history(R"({"case_id": "C-1", "events": [
      {"type": "meeting", "date": "2025-03-20", "kind": "initial", "chair_role": "social_worker",
       "outcome": "continue"},
      {"type": "stepped_down", "date": "2025-03-21", "from": "child_protection"}]})");
  ASSERT_TRUE(after) << after.error().describe();
  EXPECT_EQ(check_constraints(bolton(), *after).size(), 1u);
}

TEST(FindingsTest, EventsAfterTheDayAreNotJudged) {
  EXPECT_EQ(check_constraints(bolton(), history(""), *parse_date("2025-03-19")).size(), 0u);
  EXPECT_EQ(check_constraints(bolton(), history(""), *parse_date("2025-03-20")).size(), 1u);
}

TEST(FindingsTest, TheRecordIsJudgedAsCorrected) {
  const Profile p = bolton();
  const auto replaced = check_constraints(p, history(R"(,
      {"type": "event_corrected", "date": "2025-03-21", "corrects": 1,
       "reason": "the chair was the team manager",
       "replacement": {"type": "meeting", "date": "2025-03-20", "kind": "initial",
                       "chair_role": "first_line_manager", "outcome": "continue"}})"));
  EXPECT_TRUE(replaced.empty());
  const auto struck = check_constraints(p, history(R"(,
      {"type": "event_corrected", "date": "2025-03-21", "corrects": 1,
       "reason": "recorded on the wrong child"})"));
  EXPECT_TRUE(struck.empty());
}

}  // namespace
}  // namespace cinplan
