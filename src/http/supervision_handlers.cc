#include "http/supervision_handlers.h"

#include "http/case_form.h"
#include "pages/supervision_forms.h"

namespace cinplan::http::page {
namespace {

CaseForm so_form(std::string_view path, std::string_view title, std::string_view command,
                 std::string_view recorded, const pages::SupervisionForm& f,
                 std::string_view first) {
  return CaseForm{path, "simple_form", title, command, recorded, f.read, f.inputs, f.view, first};
}

const CaseForm kMade =
    so_form("supervision-order", "Record a supervision order", "record_supervision_order",
            "supervision_order", pages::kOrderMade, "date-day");
const CaseForm kExtended =
    so_form("supervision-order/extension", "Record the order extended", "extend_supervision_order",
            "order_extended", pages::kOrderExtended, "date-day");
const CaseForm kReviewForm =
    so_form("review-form", "Record the review form sent", "send_review_form", "review_form",
            pages::kReviewFormSent, "meeting_date-day");
const CaseForm kShared = so_form(
    "supervision-order/assessment-shared", "Record the assessment shared with the family",
    "share_so_assessment", "assessment_shared", pages::kAssessmentShared, "meeting_date-day");
const CaseForm kRecommendations =
    so_form("iro-recommendations", "Record the IRO's recommendations", "make_iro_recommendations",
            "iro_recommendations", pages::kIroRecommendations, "meeting_date-day");
const CaseForm kResponse =
    so_form("iro-response", "Respond to the IRO's recommendations", "respond_to_iro",
            "iro_response", pages::kIroResponse, "meeting_date-day");
const CaseForm kEscalation = so_form("escalations", "Escalate a disagreement", "escalate",
                                     "escalation", pages::kEscalation, "to_role");
const CaseForm kDecision =
    so_form("supervision-order/decision", "Record the final review's decision",
            "decide_supervision_order", "order_decision", pages::kOrderDecision, "decision");

}  // namespace

std::string supervision_recorded_words(std::string_view kind) {
  if (kind == kMade.recorded) return "The supervision order is recorded.";
  if (kind == kExtended.recorded) return "The extension of the order is recorded.";
  if (kind == kReviewForm.recorded) return "The review form sent is recorded.";
  if (kind == kShared.recorded) return "The assessment shared with the family is recorded.";
  if (kind == kRecommendations.recorded) return "The IRO's recommendations are recorded.";
  if (kind == kResponse.recorded) return "Your response to the IRO is recorded.";
  if (kind == kEscalation.recorded) return "The escalation is recorded.";
  if (kind == kDecision.recorded) return "The final review's decision is recorded.";
  return {};
}

Result<Reply> order_made_form(Call& c) {
  return form_get(c, kMade);
}
Result<Reply> record_order_made(Call& c) {
  return form_post(c, kMade);
}
Result<Reply> order_extended_form(Call& c) {
  return form_get(c, kExtended);
}
Result<Reply> record_order_extended(Call& c) {
  return form_post(c, kExtended);
}
Result<Reply> review_form_sent_form(Call& c) {
  return form_get(c, kReviewForm);
}
Result<Reply> record_review_form_sent(Call& c) {
  return form_post(c, kReviewForm);
}
Result<Reply> assessment_shared_form(Call& c) {
  return form_get(c, kShared);
}
Result<Reply> record_assessment_shared(Call& c) {
  return form_post(c, kShared);
}
Result<Reply> iro_recommendations_form(Call& c) {
  return form_get(c, kRecommendations);
}
Result<Reply> record_iro_recommendations(Call& c) {
  return form_post(c, kRecommendations);
}
Result<Reply> iro_response_form(Call& c) {
  return form_get(c, kResponse);
}
Result<Reply> record_iro_response(Call& c) {
  return form_post(c, kResponse);
}
Result<Reply> escalation_form(Call& c) {
  return form_get(c, kEscalation);
}
Result<Reply> record_escalation(Call& c) {
  return form_post(c, kEscalation);
}
Result<Reply> order_decision_form(Call& c) {
  return form_get(c, kDecision);
}
Result<Reply> record_order_decision(Call& c) {
  return form_post(c, kDecision);
}

}  // namespace cinplan::http::page
