// The caseload index: every open case with its worker and team, what is
// overdue and what falls due next, most urgent first. A query over the case
// projection (case_projection.h) as at a day; pure apart from reading it.
#pragma once

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
  std::string worker;  // empty: any; else the allocated worker, ignoring case
  std::string team;    // empty: any; else the allocated team, ignoring case
};

struct CaseloadItem {
  const CaseEntry* entry = nullptr;
  const Profile* profile = nullptr;
  std::string_view worker;  // allocated as at the day; empty when none
  std::string_view team;
  std::vector<Obligation> overdue;     // longest overdue (earliest due) first
  std::optional<Obligation> next_due;  // upcoming or due soon, earliest due first
};

struct Caseload {
  Date today;
  // Cases with overdue items first, the longest overdue first; then by the
  // next due date; then cases with nothing due; ties by case id.
  std::vector<CaseloadItem> cases;
  std::size_t with_overdue = 0;
};

// Whether the case is closed as at `today` as the obligations engine reads
// it: a closure event dated on or before `today`.
bool closed_as_at(const CaseState& state, Date today);

// The open cases of `projection` as at `today` that pass `filter`. A case
// whose profile is not in `catalog` is an error naming the case.
Result<Caseload> caseload(const CaseProjection& projection, const ProfileCatalog& catalog,
                          Date today, const CaseloadFilter& filter = {});

}  // namespace cinplan::app
