// The managers' lists (issue 10): the group manager's weekly Child in Need
// panel (app::Service::panel_list: the cases whose panel falls due by the
// week's end, and the decisions recorded that week) and the service
// manager's plans open 9 or 12 months (app::Service::oversight_list).
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace cinplan::pages {

// {"week_words", "week_from", "previous", "next" (the weeks either side,
// YYYY-MM-DD), "has_cases", "cases": [{"case_id", "child_name", "worker",
// "due_words", "decided_words" (or false)}]}.
nlohmann::ordered_json panel_view(const nlohmann::ordered_json& panel);

// {"months", "other_months", "has_cases", "cases": [{"case_id",
// "child_name", "worker", "started_words"}]}.
nlohmann::ordered_json oversight_view(const nlohmann::ordered_json& list);

}  // namespace cinplan::pages
