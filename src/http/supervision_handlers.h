// The supervision order's forms on a case (issue 10; pages/supervision_forms.h
// says what each records). Each is one address, GET for the form and POST
// to record it, on the case-form engine (case_form.h).
#pragma once

#include <string>
#include <string_view>

#include "http/routes.h"

namespace cinplan::http::page {

Result<Reply> order_made_form(Call&);
Result<Reply> record_order_made(Call&);
Result<Reply> order_extended_form(Call&);
Result<Reply> record_order_extended(Call&);
Result<Reply> review_form_sent_form(Call&);
Result<Reply> record_review_form_sent(Call&);
Result<Reply> assessment_shared_form(Call&);
Result<Reply> record_assessment_shared(Call&);
Result<Reply> iro_recommendations_form(Call&);
Result<Reply> record_iro_recommendations(Call&);
Result<Reply> iro_response_form(Call&);
Result<Reply> record_iro_response(Call&);
Result<Reply> escalation_form(Call&);
Result<Reply> record_escalation(Call&);
Result<Reply> order_decision_form(Call&);
Result<Reply> record_order_decision(Call&);

// The case page's banner after one of them recorded `kind`; empty for any
// other kind.
std::string supervision_recorded_words(std::string_view kind);

}  // namespace cinplan::http::page
