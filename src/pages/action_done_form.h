// Mark an action of the plan done (issue 9): one of the plan's actions not
// yet done, and the day it was done (today unless changed). The
// complete_action command records it; this reads the form and shapes the
// page.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "pages/form_input.h"

namespace cinplan::pages {

FormReading read_action_done(const Form& form, const nlohmann::ordered_json& case_view);
const std::map<std::string, std::string>& action_done_inputs();
nlohmann::ordered_json action_done_form_view(const nlohmann::ordered_json& case_view,
                                             const Form& typed,
                                             const std::vector<FieldProblem>& problems,
                                             std::string_view today, std::int64_t version);

}  // namespace cinplan::pages
