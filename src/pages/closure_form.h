// Close the case (issue 10): the day, why, where the closure was endorsed
// (a review, the panel, a manager: the profile's constraints say which),
// and the closing summary with the views of the child, the parents and the
// professionals. A manager's decision (manager.decide); the close_case
// command checks the endorsement against the authority's procedure and
// quotes it when it refuses.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "pages/form_input.h"

namespace cinplan::pages {

FormReading read_closure(const Form& form, const nlohmann::ordered_json& case_view);
const std::map<std::string, std::string>& closure_inputs();
nlohmann::ordered_json closure_form_view(const nlohmann::ordered_json& case_view, const Form& typed,
                                         const std::vector<FieldProblem>& problems,
                                         std::string_view today, std::int64_t version);

}  // namespace cinplan::pages
