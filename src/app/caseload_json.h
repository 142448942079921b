// A caseload item as JSON, the same for `cinplan caseload --json` and the
// API: case_id, child, worker, team, profile, version, overdue,
// target_missed, missed (each a list of obligation_json), due_soon (a
// count), next_due and findings; the server adds actions_overdue.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "app/caseload.h"
#include "app/records.h"
#include "core/casefile/case_history.h"

namespace cinplan::app {

// `history` names the events that met obligations; the case's own when the
// caller has it, else one with just the case's id and child.
nlohmann::ordered_json caseload_item_json(const CaseloadItem& item, std::string_view profile,
                                          const CaseHistory& history);

// The plan's actions past their date and not marked done, oldest first:
// action_id, text, owner, by_date. An action is due on its date and
// overdue the day after, as an obligation is.
nlohmann::ordered_json overdue_actions_json(const std::vector<OpenAction>& open, Date today);

// The history caseload_item_json needs when the record is not at hand.
CaseHistory identity_history(const CaseEntry& entry);

}  // namespace cinplan::app
