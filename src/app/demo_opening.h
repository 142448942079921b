// The events that open a demo case, before any duty of the procedure falls
// due: the child and the family registered, the professionals of the
// network, the referral, the assessment, the decision that a plan is needed,
// the allocations, consent; and the facts of the case's story (a pathway, a
// supervision order and its IRO, a move into the area, a restriction, an
// address withheld, consent withdrawn).
#pragma once

#include "app/demo_case.h"
#include "app/demo_draft.h"

namespace cinplan::app {

Result<void> write_opening(DemoDraft& draft, DemoCase& c);

}  // namespace cinplan::app
