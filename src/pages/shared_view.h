// The partner professional's pages (issue 10): the families who share
// their plan with the partner's agency, and one family's plan and meeting
// dates as shared with them (app::Service::shared_cases and shared_view:
// nothing else of the record is in either).
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace cinplan::pages {

// {"agency", "has_cases", "cases": [{"case_id", "child_name", "next_meeting"
// (words, or false)}]}.
nlohmann::ordered_json shared_list_view(const nlohmann::ordered_json& shared_cases,
                                        std::string_view today);

// {"case_id", "child_name", "has_plan", "outcomes": [{"text", "measure"}],
// "actions": [{"text", "owner", "by_words", "done"}], "upcoming": [words],
// "held": [words], "has_upcoming", "has_held"}.
nlohmann::ordered_json shared_case_view(const nlohmann::ordered_json& shared,
                                        std::string_view today);

}  // namespace cinplan::pages
