#include "pages/oversight_view.h"

#include <algorithm>
#include <vector>

#include "core/calendar/date.h"
#include "pages/views.h"

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

// The panel's decisions, as a group manager would say them.
std::string decision_words(std::string_view d) {
  if (d == "close") return "close the case";
  if (d == "step_down_early_help") return "step down to early help";
  if (d == "continue") return "continue the plan";
  if (d == "update_assessment") return "update the assessment";
  if (d == "step_up_child_protection") return "step up to child protection";
  if (d == "looked_after") return "the child to become looked after";
  return std::string(d);
}

std::string week_moved(std::string_view from, int days) {
  const auto d = parse_date(from);
  return d ? add_days(*d, days).to_string() : std::string(from);
}

}  // namespace

json panel_view(const json& panel) {
  json v;
  const std::string from = text_at(panel, "week_from");
  v["week_from"] = from;
  v["week_words"] = date_in_words(from) + " to " + date_in_words(text_at(panel, "week_to"));
  v["previous"] = week_moved(from, -7);
  v["next"] = week_moved(from, 7);
  json cases = json::array();
  for (const json& c : panel.value("cases", json::array())) {
    std::string due;
    for (const json& o : c.value("due", json::array()))
      if (due.empty()) due = date_in_words(text_at(o, "due"));
    std::string decided;
    for (const json& d : c.value("decided", json::array()))
      decided = "Decided on " + date_in_words(text_at(d, "date")) + ": " +
                decision_words(text_at(d, "decision"));
    cases.push_back({{"case_id", text_at(c, "case_id")},
                     {"child_name", text_at(c, "child")},
                     {"worker", text_at(c, "worker")},
                     {"due_words", due.empty() ? json(false) : json(due)},
                     {"decided_words", decided.empty() ? json(false) : json(decided)}});
  }
  v["has_cases"] = !cases.empty();
  v["cases"] = std::move(cases);
  return v;
}

json oversight_view(const json& list) {
  json v;
  const int months = list.value("months", 9);
  v["months"] = months;
  v["other_months"] = months == 9 ? 12 : 9;
  // The plan open longest first.
  std::vector<json> open;
  for (const json& c : list.value("cases", json::array())) open.push_back(c);
  std::stable_sort(open.begin(), open.end(), [](const json& a, const json& b) {
    return text_at(a, "plan_started") < text_at(b, "plan_started");
  });
  json cases = json::array();
  for (const json& c : open)
    cases.push_back({{"case_id", text_at(c, "case_id")},
                     {"child_name", text_at(c, "child")},
                     {"worker", text_at(c, "worker")},
                     {"started_words", date_in_words(text_at(c, "plan_started"))}});
  v["has_cases"] = !cases.empty();
  v["cases"] = std::move(cases);
  return v;
}

}  // namespace cinplan::pages
