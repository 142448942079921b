// Add a case note (issue 9): the date (today unless changed), a heading and
// the note. The add_case_note command records it; this reads the form and
// shapes the page.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "pages/form_input.h"

namespace cinplan::pages {

FormReading read_note(const Form& form);
const std::map<std::string, std::string>& note_inputs();
nlohmann::ordered_json note_form_view(const nlohmann::ordered_json& case_view, const Form& typed,
                                      const std::vector<FieldProblem>& problems,
                                      std::string_view today, std::int64_t version);

}  // namespace cinplan::pages
