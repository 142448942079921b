// The team's on-time rate over the last 12 months (issue 10), per worker:
// the share of the visits and of the meetings that fell due and were done
// by their due date, as a bar chart (server-made SVG) and the table that is
// its text alternative (app::Service::on_time).
#pragma once

#include <nlohmann/json.hpp>

namespace cinplan::pages {

// {"team", "has_workers", "svg", "rows": [{"worker", "cases", "visits_words",
// "meetings_words"}]}; rows by family name. Each bar of the SVG carries
// data-worker, data-kind ("visits" or "meetings"), data-on-time and
// data-due.
nlohmann::ordered_json on_time_view(const nlohmann::ordered_json& on_time);

}  // namespace cinplan::pages
