// The case's visits and meetings against their due dates over the last 12
// months, on one timeline (issue 10): server-made SVG, so it works without
// JavaScript and in print, and the table that is its text alternative.
// Each time a visit or meeting fell due is a triangle at its due date,
// green when it was done by then and red when it was done late or not at
// all (a red line runs on to the day it was done); each visit and meeting
// held is a dot on its lane.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace cinplan::pages {

// From app::Service::timeline: {"has_chart", "svg" (each due date's
// triangle carries data-kind, data-due, data-done and data-on-time; each
// dot data-kind and data-date), "rows": [{"title", "kind_words",
// "due_words", "done_words", "result_words", "late"}], "on_time_words"}.
// No chart (has_chart false) when nothing fell due and nothing was held.
nlohmann::ordered_json timeline_chart(const nlohmann::ordered_json& timeline,
                                      std::string_view child_name);

}  // namespace cinplan::pages
