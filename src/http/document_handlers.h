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
// GET /cases/:id/minutes[?date=][&format=pdf]: the minutes of the meeting
// held that day (the latest held when no date is given).
Result<Reply> minutes(Call&);
// GET /cases/:id/invitation[?date=][&format=pdf]: the invitation to the
// meeting arranged for that day (the first still to hold when none).
Result<Reply> invitation(Call&);
// GET /cases/:id/chronology-document[?format=pdf]: the chronology.
Result<Reply> chronology_document(Call&);
// GET /cases/:id/transfer-pack[?format=pdf]: the pack for the receiving
// authority.
Result<Reply> transfer_pack(Call&);

}  // namespace cinplan::http::page
