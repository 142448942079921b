// The caseload index: every open case with its worker and team, what is
// overdue, which agreed dates were missed, what falls due this week and next,
// most urgent first. A query over the case projection (case_projection.h) as
// at a day; pure apart from reading it.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/case_projection.h"
#include "app/profile_catalog.h"
#include "core/calendar/date.h"
#include "core/obligations/obligation.h"

namespace cinplan::app {

struct CaseloadFilter {
  std::string worker;   // empty: any; else the allocated worker, ignoring case
  std::string team;     // empty: any; else the allocated team, ignoring case
  std::string team_id;  // matched as well as `team` (allocations record either)
};

// A constraint finding of a case, as the commands show it.
struct CaseFinding {
  std::string line;             // finding_line
  nlohmann::ordered_json json;  // finding_json
};

struct CaseloadItem {
  const CaseEntry* entry = nullptr;
  const Profile* profile = nullptr;
  std::string_view worker;  // allocated as at the day; empty when none
  std::string_view team;
  PathwaySet pathways = 0;                // as at the day
  std::vector<Obligation> overdue;        // longest overdue (earliest due) first
  std::vector<Obligation> target_missed;  // agreed dates (or aims) missed, earliest first
  std::size_t due_soon = 0;               // due within the profile's due-soon window
  std::optional<Obligation> next_due;     // upcoming or due soon, earliest next date first
  std::vector<Obligation> missed;         // windows that closed unmet, on the record
  // Filled by add_findings (caseload_findings.h); empty until then.
  std::vector<CaseFinding> findings;

  // The one item a worker should look at first: the longest overdue, else
  // the earliest missed agreed date, else the next due; null when none.
  const Obligation* most_urgent() const;
};

// A case the caseload could not show, and why.
struct CaseloadProblem {
  std::string case_id;
  Error error;
};

struct Caseload {
  Date today;
  // Cases with overdue items first, the longest overdue first; then those
  // with a missed agreed date, the earliest first; then by the next date due
  // (the target until it passes); then cases with nothing due; ties by id.
  std::vector<CaseloadItem> cases;
  std::size_t with_overdue = 0;
  std::size_t with_target_missed = 0;
  // Cases left out because they could not be worked out (their profile is
  // not known, their record does not read back); the others are all listed.
  std::vector<CaseloadProblem> problems;
};

// Whether the case is closed as at `today` as the obligations engine reads
// it: a closure event dated on or before `today`.
bool closed_as_at(const CaseState& state, Date today);

// The cases caseload() lists, in projection order, before any is worked out:
// open as at `today` and passing `filter`.
std::vector<const CaseEntry*> caseload_entries(const CaseProjection& projection, Date today,
                                               const CaseloadFilter& filter);

// The open cases of `projection` as at `today` that pass `filter`.
Caseload caseload(const CaseProjection& projection, const ProfileCatalog& catalog, Date today,
                  const CaseloadFilter& filter = {});

}  // namespace cinplan::app
