#include "app/demo_history.h"

#include "app/demo_case.h"
#include "app/demo_draft.h"
#include "app/demo_duties.h"
#include "app/demo_opening.h"

namespace cinplan::app {
Result<DemoHistory> demo_history(const Profile& profile, unsigned seed, Date today,
                                 std::size_t index) {
  const DemoCasePlan plan = plan_demo_case(seed, today, index);
  DemoCase c(plan, seed, today);
  DemoDraft draft(profile);
  if (auto ok = write_opening(draft, c); !ok) return std::unexpected(ok.error());
  if (auto ok = write_duties(draft, c); !ok) return std::unexpected(ok.error());

  nlohmann::ordered_json document;
  document["case_id"] = plan.case_id;
  document["child"] = {{"id", plan.child_id},
                       {"name", c.child_name},
                       {"date_of_birth", plan.date_of_birth.to_string()}};
  document["demo"] = true;
  document["profile"] = profile.id;
  document["events"] = draft.events_json();
  return DemoHistory{plan.case_id, std::string(plan.worker->display_name), plan.story,
                     document.dump(2)};
}

}  // namespace cinplan::app
