// Record a visit (issue 9): one page with everything DESIGN.md section 7 asks
// of a visit (seen, seen alone, who was present and why not, where and why
// outside the home, announced or not, rooms seen, why it was made, notes),
// the date defaulting to today. The record_visit command checks it; this
// only reads the form and shapes the page.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pages/form_fields.h"
#include "pages/form_input.h"

namespace cinplan::pages {

// The form's choices, by the visit event's field: the registry's values
// with the words the form shows.
std::span<const Option> visit_locations();
std::span<const Option> visit_rooms();
std::span<const Option> visit_purposes();

// The record_visit command's body from the posted form, or the problems
// (an impossible date, a choice not offered, whether the child was seen
// left out).
FormReading read_visit(const Form& form);

// The form's inputs by the command's field names, for problem_for().
const std::map<std::string, std::string>& visit_inputs();

// The page: the child (from the case view), what was typed (or nothing:
// the date is `today`), the problems beside their inputs, and the case
// version the form was opened at (`version`).
nlohmann::ordered_json visit_form_view(const nlohmann::ordered_json& case_view, const Form& typed,
                                       const std::vector<FieldProblem>& problems,
                                       std::string_view today, std::int64_t version);

}  // namespace cinplan::pages
