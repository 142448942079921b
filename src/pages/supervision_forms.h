// The supervision order's steps from the pages (issue 10): the order made
// and extended (the law's 3-year limit and the age bars are the commands'
// to refuse, with the section they come from), the review form sent to its
// reviewer, the updated assessment shared with the family before the final
// review, the IRO's recommendations and the manager's agreement or not,
// the escalation of a disagreement (team manager, then group manager, then
// head of service, until it is resolved), and the decision at the final
// review: let the order expire, extend it, or go back to court.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "pages/form_input.h"

namespace cinplan::pages {

// One form: how it reads, the inputs a refusal may name, and its view.
struct SupervisionForm {
  FormReading (*read)(const Form&, const nlohmann::ordered_json& case_view);
  const std::map<std::string, std::string>& (*inputs)();
  nlohmann::ordered_json (*view)(const nlohmann::ordered_json& case_view, const Form& typed,
                                 const std::vector<FieldProblem>& problems, std::string_view today,
                                 std::int64_t version);
};

extern const SupervisionForm kOrderMade;           // record_supervision_order
extern const SupervisionForm kOrderExtended;       // extend_supervision_order
extern const SupervisionForm kReviewFormSent;      // send_review_form
extern const SupervisionForm kAssessmentShared;    // share_so_assessment
extern const SupervisionForm kIroRecommendations;  // make_iro_recommendations
extern const SupervisionForm kIroResponse;         // respond_to_iro
extern const SupervisionForm kEscalation;          // escalate
extern const SupervisionForm kOrderDecision;       // decide_supervision_order

}  // namespace cinplan::pages
