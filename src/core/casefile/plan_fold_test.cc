#include "core/casefile/plan_fold.h"

#include <gtest/gtest.h>

namespace cinplan {
namespace {

CaseHistory history(const std::string& events) {
  auto h = parse_case_history(R"({"case_id": "C", "events": [)" + events + "]}");
  EXPECT_TRUE(h) << h.error().describe();
  return h ? std::move(*h) : CaseHistory{};
}

const std::string kPlan = R"(
  {"type": "plan_outcome_agreed", "date": "2026-10-01", "outcome_id": "O1", "text": "At school"},
  {"type": "plan_action_agreed", "date": "2026-10-01", "action_id": "A1", "outcome_id": "O1",
   "text": "Walk to school", "owner": "mother", "by_date": "2026-11-01", "why": "on time"},
  {"type": "plan_action_agreed", "date": "2026-10-01", "action_id": "A2", "text": "GP visit",
   "owner": "health visitor", "by_date": "2026-11-15", "why": "health"},
  {"type": "plan_updated", "date": "2026-10-01"})";

TEST(PlanFold, KeepsTheOrderAgreedAndTheLatestAgreement) {
  const CaseHistory h = history(kPlan + R"(,
    {"type": "plan_action_agreed", "date": "2026-10-20", "action_id": "A1", "outcome_id": "O1",
     "text": "Walk to school", "owner": "grandmother", "by_date": "2026-11-01", "why": "on time"},
    {"type": "plan_updated", "date": "2026-10-20"})");
  const PlanFold plan = fold_plan(h);
  ASSERT_EQ(plan.actions().size(), 2u);
  EXPECT_EQ(plan.actions()[0].id, "A1");
  EXPECT_EQ(plan.actions()[0].agreed->string_field("owner"), "grandmother");
  EXPECT_EQ(plan.in_force()->to_string(), "2026-10-20");
  // Folded only so far, the first agreement is the latest.
  EXPECT_EQ(fold_plan(h, 4).action("A1")->agreed->string_field("owner"), "mother");
  EXPECT_EQ(fold_plan(h, 4).in_force()->to_string(), "2026-10-01");
}

TEST(PlanFold, DoneAndTakenOutAreFinal) {
  const CaseHistory h = history(kPlan + R"(,
    {"type": "plan_action_completed", "date": "2026-10-25", "action_id": "A1"},
    {"type": "plan_action_removed", "date": "2026-10-26", "action_id": "A2", "reason": "moved"},
    {"type": "plan_outcome_removed", "date": "2026-10-26", "outcome_id": "O1", "reason": "met"},
    {"type": "plan_action_agreed", "date": "2026-10-27", "action_id": "A1", "outcome_id": "O1",
     "text": "Again", "owner": "mother", "by_date": "2026-12-01", "why": "again"})");
  const PlanFold plan = fold_plan(h);
  const PlanItem* a1 = plan.action("A1");
  ASSERT_NE(a1, nullptr);
  EXPECT_EQ(a1->state, PlanItemState::kDone);
  EXPECT_EQ(a1->closed_on->to_string(), "2026-10-25");
  EXPECT_EQ(a1->agreed->string_field("text"), "Walk to school");  // not reopened
  EXPECT_EQ(plan.action("A2")->state, PlanItemState::kRemoved);
  EXPECT_EQ(plan.outcome("O1")->state, PlanItemState::kRemoved);
  EXPECT_EQ(plan.action("A9"), nullptr);
}

}  // namespace
}  // namespace cinplan
