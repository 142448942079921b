#include "cli/profile_diff.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>

#include "core/procedure/profile_loader.h"

namespace cinplan::cli {
namespace {

Profile load(const std::string& id, const std::string& body) {
  const std::string text = "id = \"" + id + R"("
name = "Test"
source = "t.txt"
bank_holidays = "england-and-wales"
[[outcomes]]
id = "continue"
label = "continues"
cite = [{ quote = "q" }]
)" + body;
  auto p = load_profile(text, "profiles/" + id + ".toml");
  EXPECT_TRUE(p) << p.error().message;
  return p.value_or(Profile{});
}

// Reviews every 3 months (6 for disabled children), a must; the meeting
// written up; the Practice Lead must chair the first meeting.
const char* const kA = R"(
[labels.roles]
first_line_manager = "Practice Lead"
[[pathways]]
id = "disability"
label = "disabled children"
cite = [{ quote = "q" }]
[[rules]]
id = "review"
title = "CIN review meeting"
kind = "recurring"
after = { event = "meeting", kind = ["initial"] }
due = "3 months"
met_by = { event = "meeting", kind = ["review"] }
strength = "must"
cite = [{ quote = "q" }]
[[rules.overrides]]
pathways = ["disability"]
due = "6 months"
cite = [{ quote = "q" }]
[[rules]]
id = "meeting_recorded"
title = "meeting recorded"
kind = "each"
after = { event = "meeting", kind = ["initial", "review"] }
due = "2 working_days"
met_by = "meeting_recorded"
cite = [{ quote = "q" }]
[[constraints]]
id = "initial_meeting_chair"
applies_to = { event = "meeting", kind = ["initial"] }
require = { chair_role = ["first_line_manager"] }
strength = "must"
message = "m"
cite = [{ quote = "q" }]
[[constraints]]
id = "review_meeting_chair"
applies_to = { event = "meeting", kind = ["review"] }
require = { chair_role = ["social_worker", "first_line_manager"] }
strength = "should"
message = "m"
cite = [{ quote = "q" }]
)";

// Reviews every 6 weeks, a should; minutes sent out; one constraint on the
// chair of every meeting, naming the same roles as A's review chair.
const char* const kB = R"(
[labels.roles]
first_line_manager = "Pod Manager"
[[rules]]
id = "review"
title = "Network Meeting"
kind = "recurring"
after = { event = "meeting", kind = ["initial"] }
due = "6 weeks"
met_by = { event = "meeting", kind = ["review"] }
strength = "should"
cite = [{ quote = "q" }]
[[rules]]
id = "minutes_distributed"
title = "minutes distributed"
kind = "each"
after = { event = "meeting", kind = ["initial", "review"] }
due = "10 working_days"
met_by = "minutes_distributed"
strength = "should"
cite = [{ quote = "q" }]
[[constraints]]
id = "network_meeting_chair"
applies_to = { event = "meeting", kind = ["initial", "review"] }
require = { chair_role = ["first_line_manager", "social_worker"] }
strength = "should"
message = "m"
cite = [{ quote = "q" }]
)";

const RuleRow& rule_row(const ProfileDiff& d, const std::string& id) {
  auto it = std::find_if(d.timescales.begin(), d.timescales.end(),
                         [&](const RuleRow& r) { return r.id == id; });
  EXPECT_NE(it, d.timescales.end()) << id;
  return *it;
}

const ConstraintRow& constraint_row(const ProfileDiff& d, const std::string& topic) {
  auto it = std::find_if(d.constraints.begin(), d.constraints.end(),
                         [&](const ConstraintRow& r) { return r.topic == topic; });
  EXPECT_NE(it, d.constraints.end()) << topic;
  return *it;
}

bool has(const std::vector<RuleAspect>& list, RuleAspect a) {
  return std::find(list.begin(), list.end(), a) != list.end();
}

TEST(ProfileDiff, NamesAStrengthDifferenceBesideATimescaleDifference) {
  const Profile a = load("a", kA), b = load("b", kB);
  const ProfileDiff d = diff_profiles(a, b);
  const RuleRow& review = rule_row(d, "review");
  EXPECT_TRUE(has(review.differs, RuleAspect::kStrength));
  EXPECT_TRUE(has(review.differs, RuleAspect::kTimescale));
  EXPECT_TRUE(has(review.differs, RuleAspect::kOverrides));
  EXPECT_FALSE(has(review.differs, RuleAspect::kCountedFrom));
  EXPECT_EQ(review.a.strength, "must");
  EXPECT_EQ(review.b.strength, "should");
  EXPECT_EQ(review.a.limit, "every 3 months");
  EXPECT_EQ(review.b.limit, "every 6 weeks");
  EXPECT_EQ(review.a.overrides, (std::vector<std::string>{"disability: every 6 months"}));
  EXPECT_TRUE(review.b.overrides.empty());
  EXPECT_EQ(d.timescales_differing(), d.timescales.size());
}

TEST(ProfileDiff, PutsDifferentDutiesOfOneGroupSideBySideWithTheirMeanings) {
  const Profile a = load("a", kA), b = load("b", kB);
  const ProfileDiff d = diff_profiles(a, b);
  // Both have reviews and nothing else of the meetings group: only the
  // after-meeting duties are related duties.
  ASSERT_EQ(d.related.size(), 1u);
  EXPECT_EQ(d.related[0].group->id, "after_meeting");
  ASSERT_EQ(d.related[0].rows.size(), 2u);
  const RuleRow& recorded = d.timescales[d.related[0].rows[0]];
  const RuleRow& minutes = d.timescales[d.related[0].rows[1]];
  EXPECT_EQ(recorded.id, "meeting_recorded");
  EXPECT_EQ(minutes.id, "minutes_distributed");
  ASSERT_NE(recorded.meaning, nullptr);
  ASSERT_NE(minutes.meaning, nullptr);
  EXPECT_NE(recorded.a.rule, nullptr);
  EXPECT_EQ(recorded.b.rule, nullptr);
  EXPECT_EQ(minutes.a.rule, nullptr);
  EXPECT_EQ(minutes.b.limit, "within 10 working days");
}

TEST(ProfileDiff, ComparesConstraintsByWhatTheyApplyToNotByTheirWords) {
  const Profile a = load("a", kA), b = load("b", kB);
  const ProfileDiff d = diff_profiles(a, b);
  const ConstraintRow& initial = constraint_row(d, "initial meeting: chair");
  EXPECT_TRUE(initial.differs);
  ASSERT_EQ(initial.a.size(), 1u);
  ASSERT_EQ(initial.b.size(), 1u);
  EXPECT_EQ(initial.a[0].asks, "must be chaired by the practice lead");
  EXPECT_EQ(initial.b[0].constraint->id, "network_meeting_chair");
  // The same roles, in another order and the authority's own words.
  const ConstraintRow& review = constraint_row(d, "review meeting: chair");
  EXPECT_FALSE(review.differs);
  ASSERT_EQ(review.b.size(), 1u);
  EXPECT_NE(review.b[0].asks.find("the pod manager"), std::string::npos);
  EXPECT_EQ(d.constraints_differing(), 1u);
}

TEST(ProfileDiff, FindsNothingBetweenAProfileAndItself) {
  const Profile a = load("a", kA);
  const ProfileDiff d = diff_profiles(a, a);
  EXPECT_EQ(d.timescales_differing(), 0u);
  EXPECT_EQ(d.constraints_differing(), 0u);
  EXPECT_TRUE(d.related.empty());
  for (const auto* rows : {&d.pathways, &d.outcomes, &d.roles, &d.meetings}) {
    for (const LabelRow& r : *rows) EXPECT_FALSE(r.differs) << r.id;
  }
}

TEST(ProfileDiff, JsonHasEverySectionWithBothSidesOfEachRow) {
  const Profile a = load("a", kA), b = load("b", kB);
  const auto j = nlohmann::json::parse(diff_json_text(diff_profiles(a, b)));
  for (const char* section :
       {"timescales", "related", "constraints", "pathways", "outcomes", "words"}) {
    ASSERT_TRUE(j.contains(section)) << section;
    EXPECT_TRUE(j[section].is_array()) << section;
  }
  const auto& review = j["timescales"][0];
  EXPECT_EQ(review["rule"], "review");
  EXPECT_EQ(review["differs"], true);
  EXPECT_EQ(review["a"]["strength"], "must");
  EXPECT_EQ(review["b"]["due"], "6 weeks");
  EXPECT_EQ(review["a"]["overrides"][0]["pathways"][0], "disability");
  EXPECT_TRUE(j["timescales"][2]["a"].is_null());  // minutes_distributed
  EXPECT_EQ(j["summary"]["constraints_differing"], 1);
}

}  // namespace
}  // namespace cinplan::cli
