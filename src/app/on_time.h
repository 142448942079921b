// How often a case's visits and meetings were done on time over the last
// 12 months (issue 10, the managers' picture): each time one of the
// procedure's visit or meeting duties fell due in that year, counted once,
// as done by its due date or not (done late, or not done by today). The
// engine is asked as at each week of the year, since it reports the latest
// occurrence of a duty as at a day; a duty the procedure only asks to be
// considered is not counted.
#pragma once

#include "core/calendar/date.h"
#include "core/casefile/case_state.h"
#include "core/procedure/profile.h"

namespace cinplan::app {

struct OnTimeCounts {
  int visits_due = 0;
  int visits_on_time = 0;
  int meetings_due = 0;  // meetings and reviews
  int meetings_on_time = 0;

  OnTimeCounts& operator+=(const OnTimeCounts& o);
};

OnTimeCounts on_time_counts(const Profile& profile, const CaseState& state, Date today);

}  // namespace cinplan::app
