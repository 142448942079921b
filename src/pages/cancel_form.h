// Cancel a meeting arranged (issue 9): which of the meetings still to hold
// is not going ahead, and why. The cancel_meeting command records it; a
// meeting moved to another day is arranged again instead (the later
// arrangement stands). This reads the form and shapes the page.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "pages/form_input.h"

namespace cinplan::pages {

FormReading read_cancel(const Form& form, const nlohmann::ordered_json& case_view);
const std::map<std::string, std::string>& cancel_inputs();
nlohmann::ordered_json cancel_form_view(const nlohmann::ordered_json& case_view, const Form& typed,
                                        const std::vector<FieldProblem>& problems,
                                        std::string_view today, std::int64_t version);

}  // namespace cinplan::pages
