// Where a procedure's own timescales cannot both be met: a duty due so long
// before a meeting that, for a meeting held as late as the procedure allows,
// it would fall before the duty arose. London CYPS: invitations "3 to 4 weeks
// before the meeting" of an initial meeting held "within 15 working days" of
// the decision. The engine then moves the date to the day the duty arose
// (Obligation::clash); `profile check` and `profile show` list these.
#pragma once

#include <cstdint>
#include <vector>

#include "core/procedure/profile.h"

namespace cinplan {

struct TimescaleClash {
  std::uint16_t rule = 0;     // the before rule (index into Profile::rules)
  std::uint16_t meeting = 0;  // the rule whose meeting it precedes
  PathwaySet pathways = 0;    // the pathway whose timescales clash
  bool target = false;        // the target clashes (else the due limit)
  // Days between the day the duty arose and the date the timescale gives,
  // over anchors through a year: negative when it falls before.
  int fewest_days = 0;
  int most_days = 0;
};

// Every clash of `profile`, in rule order: a limit or target that can fall
// on or before the day the duty arose (a duty due the day it arises leaves
// no time to do it). Counted from every day of two years.
std::vector<TimescaleClash> find_clashes(const Profile& profile);

}  // namespace cinplan
