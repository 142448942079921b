// The managers' decisions on a case (issue 10): the Child in Need panel's
// decision (recorded by the group manager), the service manager's decision
// at the 9- or 12-month review, and a management oversight note. Each reads
// its form into its command's body; who decided comes from the sign-in.
#pragma once

#include "pages/supervision_forms.h"

namespace cinplan::pages {

extern const SupervisionForm kPanelDecision;           // record_panel_decision
extern const SupervisionForm kServiceManagerDecision;  // record_service_manager_decision
extern const SupervisionForm kOversightNote;           // record_oversight

}  // namespace cinplan::pages
