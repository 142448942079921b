#include "pages/action_done_form.h"

#include "pages/form_fields.h"
#include "pages/views.h"

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

// The plan's actions not yet done, as {"value": id, "label": words}.
json open_actions(const json& case_view) {
  json out = json::array();
  if (!case_view.contains("plan") || !case_view["plan"].is_object()) return out;
  for (const json& a : case_view["plan"].value("actions", json::array())) {
    if (a.value("completed", false)) continue;
    std::string label = text_at(a, "text");
    if (!text_at(a, "owner").empty()) label += " (" + text_at(a, "owner");
    if (!text_at(a, "by_date").empty())
      label +=
          (text_at(a, "owner").empty() ? " (by " : ", by ") + date_in_words(text_at(a, "by_date"));
    if (!text_at(a, "owner").empty() || !text_at(a, "by_date").empty()) label += ")";
    out.push_back({{"value", text_at(a, "action_id")}, {"label", label}});
  }
  return out;
}

}  // namespace

FormReading read_action_done(const Form& form, const json& case_view) {
  FormReading r;
  auto& p = r.problems;
  const json open = open_actions(case_view);
  const std::string id = typed(form, "action");
  if (id.empty()) {
    p.push_back({"action", "Choose the action that was done", {}});
  } else if (!offers(open, id)) {
    p.push_back({"action", "Choose one of the plan's actions not yet done", {}});
  } else {
    r.body["action_id"] = id;
  }
  if (auto d = read_date(form, "date", "the day it was done", true, p)) r.body["date"] = *d;
  return r;
}

const std::map<std::string, std::string>& action_done_inputs() {
  static const std::map<std::string, std::string> inputs = {{"action_id", "action"},
                                                            {"date", "date-day"}};
  return inputs;
}

json action_done_form_view(const json& case_view, const Form& t, const std::vector<FieldProblem>& p,
                           std::string_view today, std::int64_t version) {
  json v = form_view_head(case_view, p, version);
  const json open = open_actions(case_view);
  v["has_open"] = !open.empty();
  const auto options = options_of(open);
  v["action"] = radios("action", "Which action was done?", "", options, typed(t, "action"), p);
  v["date"] =
      date_input("date", "When was it done?", "For example, 27 3 2026", t, std::string(today), p);
  return v;
}

}  // namespace cinplan::pages
