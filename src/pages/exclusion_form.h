// A manager's endorsement of excluding a family member from a meeting
// (issue 9; Brighton and Hove: "A decision to exclude a family member must
// be endorsed by a Pod Manager or Team Manager ... An alternative forum to
// gain the views of an excluded parent should be found."). The manager
// chooses the meeting (one arranged, or the next), the family member, why,
// and how their views will be heard instead; the endorse_exclusion command
// records it as the manager's decision, and the meeting's record shows it.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "pages/form_input.h"

namespace cinplan::pages {

FormReading read_exclusion(const Form& form, const nlohmann::ordered_json& case_view);
const std::map<std::string, std::string>& exclusion_inputs();
nlohmann::ordered_json exclusion_form_view(const nlohmann::ordered_json& case_view,
                                           const Form& typed,
                                           const std::vector<FieldProblem>& problems,
                                           std::string_view today, std::int64_t version);

}  // namespace cinplan::pages
