// Arrange a meeting (issue 9): which meeting, when and where, who is invited
// from the child's network (and anyone else), the day the invitations went
// out with the distribution list, and, beside them, the authority's notice
// for invitations and its visit before the meeting. The arrange_meeting
// command records it; its check says when the notice is short of the
// profile's, before anything is recorded.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "pages/form_input.h"

namespace cinplan::pages {

// The command's body from the form; the invitees ticked ("invite-P1") are
// named from the case's network.
FormReading read_arrange(const Form& form, const nlohmann::ordered_json& case_view);
const std::map<std::string, std::string>& arrange_inputs();
// The page. The case view carries "choices" (app::form_choices).
nlohmann::ordered_json arrange_form_view(const nlohmann::ordered_json& case_view, const Form& typed,
                                         const std::vector<FieldProblem>& problems,
                                         std::string_view today, std::int64_t version);

}  // namespace cinplan::pages
