// Record a meeting held (issue 9): which meeting and who chaired it; the
// attendance register (everyone in the network listed, with their contact
// details, each marked present, sent apologies, or sent apologies and a
// written report); each person's 0-10 scaling with why; what is working
// well, the worries, complicating factors, danger statements and safety
// goals; the outcome from the authority's list; the next date. Exclusions
// a manager endorsed for the meeting are shown, not typed. The
// record_meeting command checks the rest (the chair the profile requires,
// the outcome being one of the profile's).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "pages/form_input.h"

namespace cinplan::pages {

// Empty rows offered beyond the network and what was typed; "Add more
// rows" adds as many again.
inline constexpr int kNewRegisterRows = 3;
inline constexpr int kNewScalingRows = 3;

// The command's body from the form: a register row counts once it is
// marked; a scaling row once anything is typed in it.
FormReading read_meeting(const Form& form, const nlohmann::ordered_json& case_view);
const std::map<std::string, std::string>& meeting_inputs();
// The page; the case view carries "choices" (app::form_choices).
nlohmann::ordered_json meeting_form_view(const nlohmann::ordered_json& case_view, const Form& typed,
                                         const std::vector<FieldProblem>& problems,
                                         std::string_view today, std::int64_t version);

}  // namespace cinplan::pages
