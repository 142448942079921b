#include "core/casefile/plan_fold.h"

#include <algorithm>

namespace cinplan {
namespace {

PlanItem* find(std::vector<PlanItem>& items, std::string_view id) {
  auto it = std::find_if(items.begin(), items.end(), [&](const PlanItem& i) { return i.id == id; });
  return it == items.end() ? nullptr : &*it;
}

// Agrees `e` as the item `id` of `items`: a new item, or the latest
// agreement of one still open.
void agree(std::vector<PlanItem>& items, const std::string& id, const Event& e) {
  if (PlanItem* item = find(items, id)) {
    if (item->state == PlanItemState::kOpen) item->agreed = &e;
    return;
  }
  items.push_back(PlanItem{id, &e, PlanItemState::kOpen, std::nullopt, nullptr});
}

void close(std::vector<PlanItem>& items, const std::string& id, const Event& e,
           PlanItemState state) {
  PlanItem* item = find(items, id);
  if (item == nullptr) {
    items.push_back(PlanItem{id, nullptr, PlanItemState::kOpen, std::nullopt, nullptr});
    item = &items.back();
  }
  if (item->state != PlanItemState::kOpen) return;
  item->state = state;
  item->closed_on = e.date;
  item->closed = &e;
}

}  // namespace

void PlanFold::apply(const Event& e) {
  const std::string_view type = e.type_id();
  if (type == "plan_outcome_agreed") {
    agree(outcomes_, e.string_field("outcome_id"), e);
  } else if (type == "plan_action_agreed") {
    agree(actions_, e.string_field("action_id"), e);
  } else if (type == "plan_action_completed") {
    close(actions_, e.string_field("action_id"), e, PlanItemState::kDone);
  } else if (type == "plan_action_removed") {
    close(actions_, e.string_field("action_id"), e, PlanItemState::kRemoved);
  } else if (type == "plan_outcome_removed") {
    close(outcomes_, e.string_field("outcome_id"), e, PlanItemState::kRemoved);
  } else if (type == "plan_updated") {
    in_force_ = e.date;
  }
}

const PlanItem* PlanFold::outcome(std::string_view id) const {
  for (const PlanItem& i : outcomes_)
    if (i.id == id) return &i;
  return nullptr;
}

const PlanItem* PlanFold::action(std::string_view id) const {
  for (const PlanItem& i : actions_)
    if (i.id == id) return &i;
  return nullptr;
}

PlanFold fold_plan(const CaseHistory& h, std::size_t upto) {
  PlanFold plan;
  for (std::size_t i = 0; i < h.events.size() && i < upto; ++i) plan.apply(h.events[i]);
  return plan;
}

}  // namespace cinplan
