// The Signs of Safety timeline (issue 10): each person's 0-10 scaling
// across the meetings held, as a chart (server-made SVG, so it works
// without JavaScript and in print) and as the table that is its text
// alternative; whether each is getting better or worse, and where the
// latest meeting's scores are far apart (who disagrees).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace cinplan::pages {

// From the case view's meetings held and the scores given at them:
// {"has_chart", "svg" (markup this layer made; each point carries
// data-by, data-date and data-score), "dates": [words], "rows": [{"by",
// "scores": [number or "-"], "trend"}], "spread_words" (or false)}. No
// chart (has_chart false) when no meeting has a score.
nlohmann::ordered_json scaling_chart(const nlohmann::ordered_json& case_view);

// `text` with & < > " and ' escaped for XML.
std::string xml_escaped(std::string_view text);

}  // namespace cinplan::pages
