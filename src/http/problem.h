// The one place an Error becomes an HTTP status and an RFC 9457 problem
// document (DESIGN.md section 12): bad input 400, a procedure rule 422,
// unauthenticated 401, forbidden 403, not found 404, conflict 409, too large
// 413, unavailable 503, a bug 500. A refusal by a procedure rule carries the
// rule and its sentence in "rule".
#pragma once

#include "core/error.h"
#include "http/http_server.h"

namespace cinplan::http {

int status_of(const Error& error);

// application/problem+json: type, title, status, detail, and rule when the
// error names one. `status` 0: status_of(error).
Response problem(const Error& error, int status = 0);

// The headers every answer carries (security headers, no caching of case
// data). A page's policy lets it load this site's own stylesheets, scripts
// (never inline), fonts and images; `no_store` false for the assets, which
// hold no one's data.
void add_common_headers(Response& response, bool page = false, bool no_store = true);

}  // namespace cinplan::http
