// A child's record as the CIN census reads it: the events of the case, as
// corrected, put in the census's shape (census_return.h), so that the DfE's
// rules run on the record as it stands (the case page's census problems) and
// the census return is written from the same thing (cinplan census export).
//
// How the record maps to the census:
// - LAchildID is the case id without its hyphen (NB-10001 -> NB10001: the
//   census allows letters and digits only);
// - each referral received starts a CIN episode; its assessment, CIN plan,
//   section 47 enquiries and child protection plans are what follows it
//   until the next referral;
// - the CIN plan starts with the decision that a plan is needed and ends
//   when the case closes, steps up, or a child protection plan starts;
// - the reason for closure is the one recorded for the census, else the
//   closure's reason as the census codes it (closure_census_reason).
#pragma once

#include <string>
#include <string_view>

#include "core/casefile/case_history.h"
#include "core/census/census_return.h"

namespace cinplan::app {

// The census's LAchildID for a case id: its letters and digits.
std::string census_child_id(std::string_view case_id);

// RC1-RC9 for a closure's reason (the closed event's `reason`): RC7
// ("services ceased for any other reason") unless the reason says more.
std::string_view closure_census_reason(std::string_view reason, bool assessed_only);

// The case as the census sees it, as at the end of its history. A history
// whose corrections do not apply is read as written.
census::CensusChild census_child(std::string_view case_id, const CaseHistory& history);

// The child as one year's return holds them: the episodes open at some time
// in `period`, and of each the assessments, plans, enquiries, conferences,
// child protection plans and reviews that fall in it or are open in it;
// what happened after its end is not yet known to it.
census::CensusChild census_year_of(census::CensusChild child, const census::CensusPeriod& period);

}  // namespace cinplan::app
