#include "app/caseload_findings.h"

#include "app/case_export.h"
#include "app/obligation_report.h"
#include "core/obligations/findings.h"

namespace cinplan::app {

void add_findings(store::EventStore& store, Caseload& load) {
  std::vector<CaseloadItem> kept;
  kept.reserve(load.cases.size());
  for (CaseloadItem& item : load.cases) {
    auto stored = load_case(store, item.entry->id);
    if (!stored) {
      load.problems.push_back({item.entry->id, stored.error()});
      continue;
    }
    for (const Finding& f : check_constraints(*item.profile, stored->history, load.today)) {
      item.findings.push_back({finding_line(*item.profile, stored->history, f),
                               finding_json(*item.profile, stored->history, f)});
    }
    kept.push_back(std::move(item));
  }
  load.cases = std::move(kept);
  load.with_overdue = load.with_target_missed = 0;
  for (const CaseloadItem& item : load.cases) {
    load.with_overdue += !item.overdue.empty();
    load.with_target_missed += !item.target_missed.empty();
  }
}

}  // namespace cinplan::app
