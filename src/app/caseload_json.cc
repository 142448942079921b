#include "app/caseload_json.h"

#include <algorithm>

#include "app/obligation_report.h"

namespace cinplan::app {

using json = nlohmann::ordered_json;

CaseHistory identity_history(const CaseEntry& entry) {
  CaseHistory h;
  h.case_id = entry.id;
  h.child.name = entry.child_name;
  return h;
}

json caseload_item_json(const CaseloadItem& item, std::string_view profile,
                        const CaseHistory& history) {
  const CaseEntry& e = *item.entry;
  auto list = [&](const std::vector<Obligation>& os) {
    json a = json::array();
    for (const Obligation& o : os)
      a.push_back(obligation_json(*item.profile, &history, o, item.pathways));
    return a;
  };
  json j;
  j["case_id"] = e.id;
  j["child"] = e.child_name.empty() ? json(nullptr) : json(e.child_name);
  j["worker"] = item.worker.empty() ? json(nullptr) : json(std::string(item.worker));
  j["team"] = item.team.empty() ? json(nullptr) : json(std::string(item.team));
  j["profile"] = std::string(profile);
  j["version"] = e.version;
  j["overdue"] = list(item.overdue);
  j["target_missed"] = list(item.target_missed);
  j["missed"] = list(item.missed);
  j["due_soon"] = item.due_soon;
  j["next_due"] = item.next_due
                      ? obligation_json(*item.profile, &history, *item.next_due, item.pathways)
                      : json(nullptr);
  json findings = json::array();
  for (const CaseFinding& f : item.findings) findings.push_back(f.json);
  j["findings"] = std::move(findings);
  return j;
}

json overdue_actions_json(const std::vector<OpenAction>& open, Date today) {
  const std::string day = today.to_string();
  std::vector<const OpenAction*> late;
  for (const OpenAction& a : open)
    if (!a.by_date.empty() && a.by_date < day) late.push_back(&a);
  std::stable_sort(late.begin(), late.end(), [](const OpenAction* a, const OpenAction* b) {
    return a->by_date < b->by_date;
  });
  json out = json::array();
  for (const OpenAction* a : late)
    out.push_back({{"action_id", a->action_id},
                   {"text", a->text},
                   {"owner", a->owner},
                   {"by_date", a->by_date}});
  return out;
}

}  // namespace cinplan::app
