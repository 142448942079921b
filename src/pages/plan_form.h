// The plan (issue 9): a new version of the child's plan from one form, and
// the plan's signatures. The form shows the current plan's outcomes and
// actions to change, and empty rows to add more (no script needed); a row
// left empty is no outcome or action. The SMART check runs on what was
// typed before anything is recorded: an action without an owner, a date or
// a reason is refused beside its inputs (the update_plan command refuses it
// too); an outcome with nothing to measure it by is flagged, and the plan is
// recorded with it only when the worker says so ("Record it as it is").
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "pages/form_input.h"

namespace cinplan::pages {

// How many empty rows the form offers beyond the plan's own.
inline constexpr int kNewOutcomeRows = 2;
inline constexpr int kNewActionRows = 3;

// `case_view` (Service::case_view): the plan as it stands, so that a new row
// takes an id no outcome or action has had (done ones included) and a
// changed action keeps the outcome it serves.
FormReading read_plan(const Form& form, const nlohmann::ordered_json& case_view);
// What the SMART check flags without refusing: outcomes without a measure.
std::vector<std::string> plan_flags(const Form& form);
const std::map<std::string, std::string>& plan_inputs();
nlohmann::ordered_json plan_form_view(const nlohmann::ordered_json& case_view, const Form& typed,
                                      const std::vector<FieldProblem>& problems,
                                      std::string_view today, std::int64_t version);

// A signature of the plan: who signed (family, child, manager) and when.
// The manager is offered only when `case_view` says "caller_is_manager".
FormReading read_signature(const Form& form, const nlohmann::ordered_json& case_view);
const std::map<std::string, std::string>& signature_inputs();
nlohmann::ordered_json signature_form_view(const nlohmann::ordered_json& case_view,
                                           const Form& typed,
                                           const std::vector<FieldProblem>& problems,
                                           std::string_view today, std::int64_t version);

}  // namespace cinplan::pages
