// The family's copy of the plan (issue 10): the plan in force, in plain
// words, under the headings of the authority's own plan document
// (app::form_choices "family_plan"), with who does what by when. Made from
// the case view as at a day; it names who produced it and when, and holds
// no one's address or contact details, so that it can be given to anyone
// in the family, a parent protected from another included.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace cinplan::pages {

// {"child_name", "case_id", "authority", "produced_by", "produced_on"
// (words), "as_at" (words), "has_plan", "plan_date" (words), "sections":
// [{"heading", "quote", "items": [text], "outcomes": [{"text", "measure"}],
// "actions": [{"what", "who", "by", "why", "done"}], "empty"}],
// "signatures": [words], "worker" (the social worker, or false)}.
nlohmann::ordered_json family_plan_view(const nlohmann::ordered_json& case_view,
                                        std::string_view authority, std::string_view produced_by,
                                        std::string_view today);

}  // namespace cinplan::pages
