// A child's census problems now: the DfE's rules (core/census) run on the
// case as it stands (census_child.h), for the collection year in progress,
// so the worker sees what the return would report while still on the page.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "core/calendar/date.h"
#include "core/casefile/case_history.h"
#include "core/census/code_sets.h"

namespace cinplan::app {

// The collection year in progress on `today`: the year of the next 31 March
// on or after it (2027 from 1 April 2026 to 31 March 2027).
int collection_year_on(Date today);

// {"collection_year", "period": {start, end}, "in_return", "errors",
// "queries", "findings": [{rule, type, message, fields, where, values}]}.
// A case closed before the period began is not in the year's return: no
// findings, in_return false.
nlohmann::ordered_json census_problems_json(std::string_view case_id, const CaseHistory& history,
                                            Date today, const census::CodeSets& codes);

}  // namespace cinplan::app
