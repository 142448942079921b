// Writes a demo case's history from its opening to today by doing, one at a
// time, what its procedure says is due next: the obligations engine is asked
// what is open, and the duty due first is done on a day chosen around its
// timescale (a few days early, on the day a meeting was agreed for, or, as
// the case's plan says now and then, late). So the visits, meetings and the
// duties around them follow whatever the profile's rules say, with no
// timescale of any authority written here. A duty whose day would fall after
// today (or after a closure already decided, or after the day a worker who
// has fallen behind stopped) is left undone: it is what the worker sees as
// upcoming, due soon or overdue. A closure decided is written when it falls
// on or before today, and then the closure's own duties are done.
#pragma once

#include "app/demo_case.h"
#include "app/demo_draft.h"

namespace cinplan::app {

// kInternal when a duty done does not meet the rule it was done for (the
// demo and the engine disagree), or the history will not end.
Result<void> write_duties(DemoDraft& draft, DemoCase& c);

}  // namespace cinplan::app
