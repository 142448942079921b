// The managers' pages (issue 10): the weekly Child in Need panel list
// (/panel?week=) with the panel's decision form, the plans open 9 or 12
// months (/oversight?months=) with the service manager's decision form, and
// a management oversight note on any case.
#pragma once

#include <string>
#include <string_view>

#include "http/routes.h"

namespace cinplan::http::page {

Result<Reply> panel(Call&);
Result<Reply> oversight(Call&);
// GET /caseload/team/on-time: the team's visits and meetings done on time
// over the last 12 months, per worker.
Result<Reply> on_time(Call&);
Result<Reply> panel_decision_form(Call&);
Result<Reply> record_panel_decision(Call&);
Result<Reply> service_manager_decision_form(Call&);
Result<Reply> record_service_manager_decision(Call&);
Result<Reply> oversight_note_form(Call&);
Result<Reply> add_oversight_note(Call&);

// The case page's banner after the oversight note; empty for any other kind.
std::string oversight_recorded_words(std::string_view kind);

}  // namespace cinplan::http::page
