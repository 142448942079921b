// The obligations engine: profile + case state + today -> what is due.
// Pure and allocation-free in steady state (the caller owns the output
// buffer), so a whole country's caseload can be scanned in well under a second.
#pragma once

#include <vector>

#include "core/calendar/date.h"
#include "core/casefile/case_state.h"
#include "core/obligations/obligation.h"
#include "core/procedure/profile.h"

namespace cinplan {

// Appends to `out` (not cleared) the obligations of every rule of `profile`
// that applies to the case on `today`, in rule order. Events dated after
// `today` are treated as not yet happened, so the answer is "as at today".
//
// Per rule kind:
// - once: one obligation from the first anchor event;
// - each: one per anchor event (however many); those still open and the
//   latest are reported;
// - recurring: the current interval (open), the interval the latest meeting
//   event closed (met or met_late), and every interval a later restart or
//   `until` event closed unmet (missed: a new decision does not erase an
//   earlier failure);
// - before: one before every meeting held (missed when nothing met it; the
//   latest reported when met), and the one before the next meeting (its
//   agreed date, else the due date of the rule counting it).
// No due date or target is earlier than the day the duty arose (for before
// rules, the day the meeting fell due): a timescale that would put it earlier
// is moved to that day and marked Obligation::clash.
// A target that has passed unmet while the due date has not is kTargetMissed.
// After closure nothing new falls due: an open obligation whose due date is
// on or before the closure becomes missed, later ones are not reported, and
// only duties anchored on or after the closure (its own duties) stay open.
// Supervision-order rules end the same way when the order ends.
void evaluate_obligations(const Profile& profile, const CaseState& state, Date today,
                          std::vector<Obligation>& out);

std::vector<Obligation> obligations(const Profile& profile, const CaseState& state, Date today);

// The pathways in force on `today` (as a PathwaySet): the latest pathway
// event's (standard if none), plus supervision_order once an order is made.
PathwaySet active_pathways(const CaseState& state, Date today);

}  // namespace cinplan
