// Service::on_time (service.h): the managers' on-time picture.
#include <algorithm>
#include <map>

#include "app/caseload.h"
#include "app/on_time.h"
#include "app/service.h"

namespace cinplan::app {

using json = nlohmann::ordered_json;

Result<json> Service::on_time(const access::Caller& caller, Date today) {
  auto filter = caseload_filter(caller, "team", "");
  if (!filter) return std::unexpected(filter.error());
  return records_.read([&](const Records::View& v) -> Result<json> {
    std::map<std::string, std::pair<int, OnTimeCounts>> by_worker;
    for (const CaseEntry* e : caseload_entries(v.projection, today, *filter)) {
      const CaseRecord* r = v.find(e->id);
      if (r == nullptr || (r->parts.restricted && !granted(caller, r->id))) continue;
      auto profile = catalog_.find(r->profile);
      if (!profile) continue;
      auto& [cases, counts] = by_worker[r->parts.worker];
      ++cases;
      counts += on_time_counts(**profile, r->state, today);
    }
    json out = json::array();
    for (const auto& [w, entry] : by_worker) {
      const auto& [cases, c] = entry;
      out.push_back({{"worker", w.empty() ? std::string("Not allocated") : w},
                     {"cases", cases},
                     {"visits_due", c.visits_due},
                     {"visits_on_time", c.visits_on_time},
                     {"meetings_due", c.meetings_due},
                     {"meetings_on_time", c.meetings_on_time}});
    }
    return json{{"team", filter->team}, {"today", today.to_string()}, {"workers", std::move(out)}};
  });
}

}  // namespace cinplan::app
