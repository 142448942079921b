// The API's handlers: each parses its request, calls one app:: function and
// maps the result. No rule lives here (DESIGN.md section 12).
#pragma once

#include "http/routes.h"

namespace cinplan::http::api {

Result<Reply> sign_in(Call&);
Result<Reply> sign_out(Call&);
Result<Reply> session(Call&);
Result<Reply> ping(Call&);
Result<Reply> describe_api(Call&);
Result<Reply> profile(Call&);
Result<Reply> my_caseload(Call&);
Result<Reply> team_caseload(Call&);
Result<Reply> search(Call&);
Result<Reply> shared_cases(Call&);
Result<Reply> panel_list(Call&);
Result<Reply> oversight_list(Call&);
Result<Reply> case_view(Call&);
Result<Reply> case_obligations(Call&);
// GET /api/cases/:id/timeline (?today=): the visits and meetings of the
// last 12 months against their due dates.
Result<Reply> case_timeline(Call&);
Result<Reply> case_shared(Call&);
Result<Reply> case_audit(Call&);
Result<Reply> plan_versions(Call&);
Result<Reply> commands(Call&);
// Runs the route's command (Route::command) on the case.
Result<Reply> command(Call&, std::string_view name);

}  // namespace cinplan::http::api
