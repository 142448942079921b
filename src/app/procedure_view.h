// The authority's procedure as the public /procedure page shows it (issue
// 9): every rule with its timescale in words and the sentences of the
// document it rests on, every constraint, and the words the authority uses;
// and two authorities' procedures side by side, rule by rule. From the
// profile alone: the documents are public, so nothing here is about a child.
#pragma once

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/procedure/profile.h"

namespace cinplan::app {

// {"id", "name", "source", "rules": [{"id", "title", "timescale",
// "strength", "who", "cites": [...], "reading"}], "constraints": [{"id",
// "message", "strength", "cites"}], "meetings": [{"kind", "label"}],
// "roles": [{"role", "label"}]}.
nlohmann::ordered_json procedure_json(const Profile& profile);

// Rule by rule, `a`'s order then the rules only `b` has: {"a": {id, name},
// "b": {...}, "rows": [{"id", "a": rule or null, "b": rule or null,
// "same": the timescales read the same}]}.
nlohmann::ordered_json comparison_json(const Profile& a, const Profile& b);

}  // namespace cinplan::app

namespace cinplan::app {

class ProfileCatalog;

// What the /procedure page shows: `id`'s procedure (empty: `fallback`'s),
// and, when `compare` names another, the two side by side; "profiles" lists
// every profile to choose from. Not found names the ids there are.
Result<nlohmann::ordered_json> procedure_page_json(const ProfileCatalog& catalog,
                                                   std::string_view id, std::string_view compare,
                                                   std::string_view fallback);

}  // namespace cinplan::app
