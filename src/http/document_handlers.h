// The documents that leave the building (issue 10), each a page of its own
// (HTML with a print stylesheet) and, with ?format=pdf, a PDF printed by
// headless Chromium (pages/pdf_printer.h). Each is made from the record as
// at today, names who produced it, and its production is on the access
// log (the route reads the case).
#pragma once

#include "http/routes.h"

namespace cinplan::http::page {

// GET /cases/:id/family-plan[?format=pdf]: the family's copy of the plan.
Result<Reply> family_plan(Call&);
// GET /cases/:id/closure-letter[?format=pdf]: the letter to the family once
// the case is closed (404 while it is open).
Result<Reply> closure_letter(Call&);

}  // namespace cinplan::http::page
