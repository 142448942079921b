#include "pages/shared_view.h"

#include "pages/views.h"

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

// The first meeting still to come, in words; false when none is arranged.
json next_meeting(const json& shared, std::string_view today) {
  for (const json& m : shared.value("meetings", json::array()))
    if (!m.value("held", true) && text_at(m, "date") >= today)
      return date_in_words(text_at(m, "date"));
  return false;
}

}  // namespace

json shared_list_view(const json& shared_cases, std::string_view today) {
  json v;
  v["agency"] = shared_cases.value("agency", "");
  json cases = json::array();
  for (const json& c : shared_cases.value("cases", json::array()))
    cases.push_back({{"case_id", text_at(c, "case_id")},
                     {"child_name", text_at(c, "child")},
                     {"next_meeting", next_meeting(c, today)}});
  v["has_cases"] = !cases.empty();
  v["cases"] = std::move(cases);
  return v;
}

json shared_case_view(const json& shared, std::string_view today) {
  json v;
  v["case_id"] = text_at(shared, "case_id");
  v["child_name"] = text_at(shared, "child");
  const json plan = shared.contains("plan") && shared["plan"].is_object() ? shared["plan"] : json();
  v["has_plan"] = plan.is_object();
  json outcomes = json::array(), actions = json::array();
  if (plan.is_object()) {
    for (const json& o : plan.value("outcomes", json::array()))
      outcomes.push_back(
          {{"text", text_at(o, "text")},
           {"measure", text_at(o, "measure").empty() ? json(false) : json(text_at(o, "measure"))}});
    for (const json& a : plan.value("actions", json::array()))
      actions.push_back({{"text", text_at(a, "text")},
                         {"owner", text_at(a, "owner")},
                         {"by_words", date_in_words(text_at(a, "by_date"))},
                         {"done", a.value("completed", false)}});
  }
  v["outcomes"] = std::move(outcomes);
  v["actions"] = std::move(actions);
  json upcoming = json::array(), held = json::array();
  for (const json& m : shared.value("meetings", json::array())) {
    const std::string date = text_at(m, "date");
    if (m.value("held", true))
      held.push_back(date_in_words(date));
    else if (date >= today)
      upcoming.push_back(date_in_words(date));
  }
  v["has_upcoming"] = !upcoming.empty();
  v["has_held"] = !held.empty();
  v["upcoming"] = std::move(upcoming);
  v["held"] = std::move(held);
  return v;
}

}  // namespace cinplan::pages
