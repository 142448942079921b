// A meeting of a demo case with what is recorded around it: who attended
// and who sent apologies (with written updates), scaling by the family and
// the professionals, the plan's outcomes and actions agreed and completed,
// an exclusion endorsed by a manager, an IRO's recommendations, a panel's
// or service manager's decision; and, where the profile asks nothing of
// them, the minutes and the plan updated and circulated, so every
// authority's demo reads like a real record.
#pragma once

#include <optional>
#include <string>

#include "app/demo_case.h"
#include "app/demo_draft.h"

namespace cinplan::app {

struct DemoMeeting {
  std::string kind;  // a meeting kind of the registry
  Date day;
  std::optional<Date> next_meeting;
  std::string outcome;  // empty: "continue" where a CIN meeting has an outcome
};

// Writes the meeting and its companions dated on or before the case's last
// day (today, or the day before a closure already decided).
Result<void> hold_meeting(DemoDraft& draft, DemoCase& c, const DemoMeeting& meeting);

// Whether `kind` is a meeting of the plan itself (planning, review, the
// receiving authority's), after which a plan is updated and circulated.
bool is_plan_meeting(std::string_view kind);

}  // namespace cinplan::app
