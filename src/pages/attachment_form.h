// The form to attach a document to a case (issue 10): what it is (a
// partner's written report, a court order, a plan signed by the family and
// scanned in, an assessment, something else), what the chronology calls it,
// the day, and the file. The file itself is the command's to check (its
// type from its first bytes, its size against the authority's limit).
#pragma once

#include "pages/supervision_forms.h"

namespace cinplan::pages {

extern const SupervisionForm kAttachmentForm;  // add_attachment

// "A partner's written report" ... for an attachment's kind.
std::string attachment_kind_words(std::string_view kind);

}  // namespace cinplan::pages
