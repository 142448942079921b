// Transfers between authorities (issue 10). Out: the receiving authority,
// what the pack sent holds, and the parents' consent or the reason the
// transfer goes ahead without it (the transfer_out command refuses neither
// and flags a family that has moved more than once). In: the day the family
// became resident here and where from, which starts the receiving side's
// meeting (within 20 working days under most procedures).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "pages/form_input.h"

namespace cinplan::pages {

FormReading read_transfer_out(const Form& form);
const std::map<std::string, std::string>& transfer_out_inputs();
nlohmann::ordered_json transfer_out_form_view(const nlohmann::ordered_json& case_view,
                                              const Form& typed,
                                              const std::vector<FieldProblem>& problems,
                                              std::string_view today, std::int64_t version);

FormReading read_move_in(const Form& form);
const std::map<std::string, std::string>& move_in_inputs();
nlohmann::ordered_json move_in_form_view(const nlohmann::ordered_json& case_view, const Form& typed,
                                         const std::vector<FieldProblem>& problems,
                                         std::string_view today, std::int64_t version);

}  // namespace cinplan::pages
