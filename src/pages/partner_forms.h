// A partner professional's part in the plan (issue 10): a written update,
// for a meeting they cannot attend or at any time, and a 0-10 scaling score
// with why. Both are shown against the shared view of the case (the plan
// and meeting dates, nothing more); who wrote it and their agency come from
// their sign-in (the add_written_update and record_scaling commands).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "pages/form_input.h"

namespace cinplan::pages {

FormReading read_written_update(const Form& form, const nlohmann::ordered_json& shared_view);
const std::map<std::string, std::string>& written_update_inputs();
nlohmann::ordered_json written_update_form_view(const nlohmann::ordered_json& shared_view,
                                                const Form& typed,
                                                const std::vector<FieldProblem>& problems,
                                                std::string_view today, std::int64_t version);

FormReading read_partner_scaling(const Form& form, const nlohmann::ordered_json& shared_view);
const std::map<std::string, std::string>& partner_scaling_inputs();
nlohmann::ordered_json partner_scaling_form_view(const nlohmann::ordered_json& shared_view,
                                                 const Form& typed,
                                                 const std::vector<FieldProblem>& problems,
                                                 std::string_view today, std::int64_t version);

}  // namespace cinplan::pages
