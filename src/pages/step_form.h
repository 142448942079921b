// Step up and step down (issue 10): a manager records that the case steps
// up to child protection or care, or that the plan follows a step down from
// them, with the day and why. The step_up and step_down commands
// (manager.decide) record it; the case stays open until it is closed (a
// step up ends the Child in Need plan through a closure that says so).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "pages/form_input.h"

namespace cinplan::pages {

FormReading read_step_up(const Form& form);
FormReading read_step_down(const Form& form);
const std::map<std::string, std::string>& step_up_inputs();
const std::map<std::string, std::string>& step_down_inputs();
nlohmann::ordered_json step_up_form_view(const nlohmann::ordered_json& case_view, const Form& typed,
                                         const std::vector<FieldProblem>& problems,
                                         std::string_view today, std::int64_t version);
nlohmann::ordered_json step_down_form_view(const nlohmann::ordered_json& case_view,
                                           const Form& typed,
                                           const std::vector<FieldProblem>& problems,
                                           std::string_view today, std::int64_t version);

}  // namespace cinplan::pages
