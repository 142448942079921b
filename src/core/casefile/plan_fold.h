// The plan as its events leave it: which outcomes and actions it holds,
// which actions are done, which were taken out, and the date of the version
// in force. The case page's plan and versions, the caseload's overdue
// actions and the checks on a new version all read the plan through this
// one fold, so that they agree on what "in the plan" means.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/casefile/case_history.h"

namespace cinplan {

enum class PlanItemState { kOpen, kDone, kRemoved };

// An outcome or an action of the plan, in the order first agreed.
struct PlanItem {
  std::string id;
  // The latest agreement of it (its text, owner, date); it points into the
  // history folded, which must outlive the fold.
  const Event* agreed = nullptr;
  // Done (actions only) or taken out: final. Agreeing it again does not
  // reopen it; check_plan refuses that.
  PlanItemState state = PlanItemState::kOpen;
  std::optional<Date> closed_on;  // the day it was done or taken out
  const Event* closed = nullptr;  // the event that did so
};

class PlanFold {
 public:
  // Folds in one event; events not of the plan are ignored.
  void apply(const Event& e);

  const std::vector<PlanItem>& outcomes() const { return outcomes_; }
  const std::vector<PlanItem>& actions() const { return actions_; }
  const PlanItem* outcome(std::string_view id) const;
  const PlanItem* action(std::string_view id) const;
  // The date of the version in force (the latest plan_updated), if any.
  std::optional<Date> in_force() const { return in_force_; }

 private:
  std::vector<PlanItem> outcomes_, actions_;
  std::optional<Date> in_force_;
};

// The plan after the first `upto` events of `h` (all of them by default).
PlanFold fold_plan(const CaseHistory& h, std::size_t upto = static_cast<std::size_t>(-1));

}  // namespace cinplan
