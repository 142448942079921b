#include "pages/family_plan_view.h"

#include "pages/case_network.h"
#include "pages/form_fields.h"
#include "pages/views.h"

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

// The texts of `key` at the latest meeting that recorded any.
json latest_said(const json& cv, const char* key) {
  const json meetings = cv.value("meetings", json::array());
  for (auto it = meetings.rbegin(); it != meetings.rend(); ++it)
    if (json said = strings_at(*it, key); !said.empty()) return said;
  return json::array();
}

json outcomes_of(const json& plan) {
  json out = json::array();
  for (const json& o : plan.value("outcomes", json::array())) {
    const std::string m = text_at(o, "measure");
    out.push_back({{"text", text_at(o, "text")}, {"measure", m.empty() ? json(false) : json(m)}});
  }
  return out;
}

json actions_of(const json& plan) {
  json out = json::array();
  for (const json& a : plan.value("actions", json::array()))
    out.push_back({{"what", text_at(a, "text")},
                   {"who", text_at(a, "owner")},
                   {"by", date_in_words(text_at(a, "by_date"))},
                   {"why", text_at(a, "why")},
                   {"done", a.value("completed", false)}});
  return out;
}

// How the plan is kept to: the lead professional, how often the child is
// seen, and the next meeting.
json review_of(const json& cv, const json& plan) {
  json out = json::array();
  const json settings = plan.value("settings", json::object());
  if (const std::string lead = text_at(settings, "lead_professional"); !lead.empty())
    out.push_back("The lead professional is " + lead + ".");
  if (settings.contains("visiting_frequency_days") &&
      settings["visiting_frequency_days"].is_number())
    out.push_back("The social worker will see " + text_at(cv["child"], "name") +
                  " at least every " +
                  std::to_string(settings["visiting_frequency_days"].get<int>()) + " days.");
  const json next = meetings_to_hold(cv);
  if (!next.empty())
    out.push_back("The next meeting to look at how the plan is working is on " +
                  date_in_words(text_at(next[0], "meeting_date")) + ".");
  return out;
}

}  // namespace

json family_plan_view(const json& cv, std::string_view authority, std::string_view produced_by,
                      std::string_view today) {
  json v = document_head(cv, authority, produced_by, today);
  const json plan = cv.contains("plan") && cv["plan"].is_object() ? cv["plan"] : json::object();
  v["has_plan"] = !plan.empty();
  v["plan_date"] = date_in_words(text_at(plan, "date"));
  v["plan_version"] = plan.value("version", 0);
  json sections = json::array();
  for (const json& s : choices_of(cv).value("family_plan", json::array())) {
    const std::string part = text_at(s, "part");
    json section = {{"heading", text_at(s, "heading")}, {"quote", s.value("quote", json(nullptr))}};
    json items = json::array();
    json actions = json::array();
    json outcomes = json::array();
    if (part == "worries") {
      items = latest_said(cv, "worries");
      for (const json& t : latest_said(cv, "complicating_factors")) items.push_back(t);
    } else if (part == "working_well" || part == "danger_statements" || part == "safety_goals") {
      items = latest_said(cv, part.c_str());
    } else if (part == "outcomes") {
      outcomes = outcomes_of(plan);
    } else if (part == "actions") {
      actions = actions_of(plan);
    } else if (part == "contingency") {
      const std::string c = text_at(plan.value("settings", json::object()), "contingency");
      if (!c.empty()) items.push_back(c);
    } else if (part == "review") {
      items = review_of(cv, plan);
    }
    section["items"] = items;
    section["actions"] = actions;
    section["has_actions"] = !actions.empty();
    section["has_items"] = !items.empty();
    section["has_outcomes"] = !outcomes.empty();
    section["outcomes"] = outcomes;
    section["empty"] = items.empty() && actions.empty() && outcomes.empty();
    sections.push_back(std::move(section));
  }
  v["sections"] = std::move(sections);
  json signatures = json::array();
  for (const json& s : plan.value("signatures", json::array())) {
    std::string who = text_at(s, "by_words");
    if (const std::string name = text_at(s, "name"); !name.empty()) who += " (" + name + ")";
    signatures.push_back("Signed by " + who + " on " + date_in_words(text_at(s, "date")));
  }
  v["has_signatures"] = !signatures.empty();
  v["worker"] = text_at(cv, "worker").empty() ? json(false) : json(text_at(cv, "worker"));
  v["signatures"] = std::move(signatures);
  return v;
}

}  // namespace cinplan::pages
