// Correct an entry of the record (issue 9): the entry, chosen from the case
// page's chronology (?entry=N), is struck out as recorded in error or given
// its right date, with the reason the record keeps. The correct_event
// command records it; the entry as written stays readable, marked as
// corrected. This reads the form and shapes the page.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "pages/form_input.h"

namespace cinplan::pages {

FormReading read_correction(const Form& form, const nlohmann::ordered_json& case_view);
const std::map<std::string, std::string>& correction_inputs();
nlohmann::ordered_json correction_form_view(const nlohmann::ordered_json& case_view,
                                            const Form& typed,
                                            const std::vector<FieldProblem>& problems,
                                            std::string_view today, std::int64_t version);

// The chronology entry numbered `entry` (from 1) of a case view that may be
// corrected (it is not itself a correction), or null.
const nlohmann::ordered_json* correctable_entry(const nlohmann::ordered_json& case_view,
                                                std::string_view entry);

}  // namespace cinplan::pages
