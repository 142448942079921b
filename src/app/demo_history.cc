#include "app/demo_history.h"

#include <cstdio>

#include "app/demo_case.h"
#include "app/demo_draft.h"
#include "app/demo_duties.h"
#include "app/demo_opening.h"
#include "app/demo_random.h"

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
  return DemoHistory{plan.case_id, std::string(plan.worker->username), plan.story,
                     document.dump(2)};
}

std::string demo_recorded_at(unsigned seed, std::size_t case_index, std::size_t index, Date date,
                             const std::string& now) {
  DemoRandom random(seed ^ 0x5EC0u, (case_index << 20) ^ index);
  const int lag = random.chance(0.7) ? 0 : random.chance(0.7) ? 1 : random.range(2, 4);
  const Date day = add_days(date, lag);
  char at[32];
  std::snprintf(at, sizeof at, "%sT%02d:%02d:%02d.%03dZ", day.to_string().c_str(),
                random.range(8, 16), random.range(0, 59), random.range(0, 59),
                random.range(0, 999));
  const std::string out = at;
  return out < now ? out : now;
}

}  // namespace cinplan::app
