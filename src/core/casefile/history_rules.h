// Checks that hold across the events of one case whatever the authority:
// facts the law or the calendar make impossible. Profile-specific practice
// rules are constraints in the profile, not here.
#pragma once

#include "core/error.h"

namespace cinplan {

struct CaseHistory;
class CorrectedRecord;

// The checks read the record as corrected (corrections.h): what it now says.
// The single-argument form first checks and applies the corrections, and
// reports a malformed correction as a kBadInput error.
// - nothing happens to the child before their date of birth (a correction
//   itself is not part of what the record says: its date is the day the
//   record was put right);
// - a meeting's agreed next meeting is after the meeting;
// - a supervision order ends after it starts, is not made for a child who
//   has reached seventeen, and is never extended beyond three years from the
//   day it began (Children Act 1989, Schedule 3, paragraph 6 and s.31(3));
// - an extension names an order in force, and moves its end later.
Result<void> check_history_rules(const CaseHistory& history);
Result<void> check_history_rules(const CaseHistory& history, const CorrectedRecord& record);

}  // namespace cinplan
