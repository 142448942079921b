// The plan's versions (issue 9: "versions with what changed"): every version
// of the plan, newest first, each with its outcomes, actions and settings,
// and what changed from the one before in words, from the answer of
// Service::plan_versions.
#pragma once

#include <nlohmann/json.hpp>

namespace cinplan::pages {

nlohmann::ordered_json plan_versions_view(const nlohmann::ordered_json& versions);

}  // namespace cinplan::pages
