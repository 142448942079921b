// The pages' handlers (DESIGN.md section 12): each parses its request (the
// query or the posted form), calls one app:: function, shapes the answer
// with pages/views.h and renders it with the site's templates. No rule lives
// here; a page can never do what the API refuses.
#pragma once

#include "http/routes.h"

namespace cinplan::http::page {

Result<Reply> sign_in_form(Call&);
Result<Reply> sign_in(Call&);
Result<Reply> sign_out(Call&);
Result<Reply> home(Call&);
Result<Reply> caseload(Call&);
Result<Reply> team_caseload(Call&);
Result<Reply> case_page(Call&);
Result<Reply> plan_versions(Call&);
Result<Reply> procedure(Call&);
Result<Reply> search(Call&);
Result<Reply> asset(Call&);

// The page for an error (404, 403, 500 ...) in the same frame as the others,
// saying what to do next. `caller` may be null.
Reply error_page(const pages::Site& site, app::Service& service, const access::Caller* caller,
                 std::string_view csrf_token, const Error& error, int status);

// Where a sign-in may send the user afterwards: a path of this site
// ("/cases/C-1"), else "/".
std::string safe_next(std::string_view next);

}  // namespace cinplan::http::page
