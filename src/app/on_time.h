// How often a case's visits and meetings were done on time over the last
// 12 months (issue 10, the managers' picture): each time one of the
// procedure's visit or meeting duties fell due in that year, counted once,
// as done by its due date or not (done late, or not done by today). The
// engine is asked as at each week of the year, since it reports the latest
// occurrence of a duty as at a day; a duty the procedure only asks to be
// considered is not counted.
#pragma once

#include <vector>

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

// One time a visit or meeting duty fell due in the 12 months to `today`.
struct DueOccurrence {
  std::uint16_t rule = 0;  // index into Profile::rules
  bool visit = false;      // a visit; else a meeting or review
  Date due;
  bool done = false;
  Date done_on;               // when done (by the event that met it)
  std::int32_t done_by = -1;  // that event's index in the history
  bool on_time = false;       // done by its due date
};

// The occurrences counted by on_time_counts, by due date (then rule). A
// duty that fell due again when its meeting moved, and was met by the same
// event both times, is one occurrence: the later due date's.
std::vector<DueOccurrence> due_occurrences(const Profile& profile, const CaseState& state,
                                           Date today);

}  // namespace cinplan::app
