#include "app/demo_conform.h"

#include <gtest/gtest.h>

#include "app/app_test_support.h"

namespace cinplan::app {
namespace {

using json = nlohmann::ordered_json;

const Profile& profile(std::string_view id) {
  return **test_profiles().find(id);
}
const Rule& rule(std::string_view profile_id, std::string_view rule_id) {
  return *profile(profile_id).find_rule(rule_id);
}

json routine_visit() {
  return json::parse(R"({"type": "visit", "date": "2025-04-02", "child_seen": true,
    "seen_alone": true, "location": "home", "announced": true, "purpose": "routine"})");
}

TEST(DemoConform, AMatcherSetsTheFlagsItTests) {
  json visit = routine_visit();
  apply_matcher(rule("bolton", "pre_meeting_visit").met_by[0], visit);
  EXPECT_EQ(visit["purpose"], "prepare_for_meeting");
  EXPECT_EQ(visit["child_seen"], true);
  // "purpose = not_recorded": the field is left out.
  apply_matcher(rule("bolton", "pre_meeting_visit").met_by[1], visit);
  EXPECT_FALSE(visit.contains("purpose"));
  // rooms_seen = [bathroom, kitchen, bedroom]: each one added.
  json rooms = routine_visit();
  rooms["rooms_seen"] = json::array({"kitchen"});
  apply_matcher(rule("cin-plans-and-reviews", "home_rooms_seen").met_by[0], rooms);
  EXPECT_EQ(rooms["rooms_seen"], json::array({"kitchen", "bathroom", "bedroom"}));
}

TEST(DemoConform, AMatcherSetsTheSubtypeOnlyWhenTheEventHasNoneItAllows) {
  json meeting = json::parse(R"({"type": "meeting", "date": "2025-04-02", "kind": "initial"})");
  apply_matcher(rule("london-cyps", "review").met_by[0], meeting);
  EXPECT_EQ(meeting["kind"], "review");
  json transfer = json::parse(R"({"type": "meeting", "date": "2025-04-02", "kind": "review"})");
  apply_matcher(rule("cin-plans-and-reviews", "transfer_in_meeting").met_by[0], transfer);
  EXPECT_EQ(transfer["kind"], "review");  // one of those the rule allows: kept
}

TEST(DemoConform, TheChairIsOneTheProfileAllows) {
  json initial = json::parse(R"({"type": "meeting", "date": "2025-04-02", "kind": "initial",
    "chair_role": "social_worker"})");
  ASSERT_TRUE(conform_to_constraints(profile("london-cyps"), initial));
  EXPECT_EQ(initial["chair_role"], "first_line_manager");
  json review = json::parse(R"({"type": "meeting", "date": "2025-04-02", "kind": "review",
    "chair_role": "advanced_social_worker", "outcome": "continue"})");
  ASSERT_TRUE(conform_to_constraints(profile("cin-plans-and-reviews"), review));
  EXPECT_EQ(review["chair_role"], "advanced_social_worker");  // allowed there: kept
  ASSERT_TRUE(conform_to_constraints(profile("london-cyps"), review));
  EXPECT_EQ(review["chair_role"], "social_worker");
}

TEST(DemoConform, FieldsThatMustBePresentAreFilledPlausibly) {
  json review = json::parse(R"({"type": "meeting", "date": "2025-04-02", "kind": "review",
    "chair_role": "social_worker", "outcome": "step_down_early_help"})");
  ASSERT_TRUE(conform_to_constraints(profile("brighton-and-hove"), review));
  ASSERT_TRUE(review.contains("next_meeting"));
  EXPECT_GT(review["next_meeting"].get<std::string>(), "2025-04-02");
  EXPECT_EQ(review["outcome"], "step_down_early_help");  // one Brighton and Hove allows
  json closed = json::parse(R"({"type": "closed", "date": "2025-04-02", "reason": "close"})");
  ASSERT_TRUE(conform_to_constraints(profile("bolton"), closed));
  EXPECT_EQ(closed["endorsed_at"], "first_line_manager");
}

TEST(DemoConform, MustsOnlyLeavesTheShouldConstraintsAlone) {
  json visit = json::parse(R"({"type": "visit", "date": "2025-04-02", "child_seen": true})");
  ASSERT_TRUE(conform_to_constraints(profile("cin-plans-and-reviews"), visit, true));
  EXPECT_FALSE(visit.contains("seen_alone"));
  EXPECT_FALSE(visit.contains("announced"));
  ASSERT_TRUE(conform_to_constraints(profile("cin-plans-and-reviews"), visit));
  EXPECT_EQ(visit["seen_alone"], true);
  EXPECT_EQ(visit["announced"], true);
}

TEST(DemoConform, AnEventTheRegistryRefusesIsAnInternalError) {
  json bad = json::parse(R"({"type": "visit", "date": "2025-02-30", "child_seen": true})");
  auto ok = conform_to_constraints(profile("bolton"), bad);
  ASSERT_FALSE(ok);
  EXPECT_EQ(ok.error().code, ErrorCode::kInternal);
}

}  // namespace
}  // namespace cinplan::app
