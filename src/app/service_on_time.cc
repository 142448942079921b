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

Result<json> Service::timeline(const access::Caller&, std::string_view case_id, Date today) {
  return records_.read([&](const Records::View& v) -> Result<json> {
    const CaseRecord* r = v.find(case_id);
    if (r == nullptr)
      return std::unexpected(Error::not_found("There is no case " + std::string(case_id) + "."));
    auto profile = catalog_.find(r->profile);
    if (!profile) return std::unexpected(profile.error());
    const Profile& p = **profile;
    json due = json::array();
    for (const DueOccurrence& d : due_occurrences(p, r->state, today)) {
      due.push_back({{"rule", p.rules[d.rule].id},
                     {"title", p.rules[d.rule].title},
                     {"kind", d.visit ? "visit" : "meeting"},
                     {"due", d.due.to_string()},
                     {"done", d.done ? json(d.done_on.to_string()) : json(nullptr)},
                     {"on_time", d.on_time}});
    }
    const Date from = add_days(today, -365);
    json visits = json::array(), meetings = json::array();
    for (const Event& e : r->history.events) {
      if (e.date < from || e.date > today) continue;
      if (e.type_id() == "visit")
        visits.push_back({{"date", e.date.to_string()}, {"seen", e.bool_field("child_seen")}});
      else if (e.type_id() == "meeting")
        meetings.push_back(
            {{"date", e.date.to_string()}, {"label", p.meeting_label(e.string_field("kind"))}});
    }
    return json{
        {"case_id", r->id},      {"from", from.to_string()},    {"today", today.to_string()},
        {"due", std::move(due)}, {"visits", std::move(visits)}, {"meetings", std::move(meetings)}};
  });
}

}  // namespace cinplan::app
