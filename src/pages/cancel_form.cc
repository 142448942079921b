#include "pages/cancel_form.h"

#include "pages/case_network.h"
#include "pages/form_fields.h"
#include "pages/views.h"

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

// The meetings still to hold, as {"value": "DATE KIND", "label": words}.
json to_hold(const json& case_view) {
  json out = json::array();
  for (const json& m : meetings_to_hold(case_view)) {
    std::string label = text_at(m, "kind_words");
    if (label.empty()) label = text_at(m, "kind");
    label += " on " + date_in_words(text_at(m, "meeting_date"));
    if (!text_at(m, "venue").empty()) label += ", " + text_at(m, "venue");
    out.push_back(
        {{"value", text_at(m, "meeting_date") + " " + text_at(m, "kind")}, {"label", label}});
  }
  return out;
}

}  // namespace

FormReading read_cancel(const Form& form, const json& case_view) {
  FormReading r;
  auto& p = r.problems;
  const std::string chosen = typed(form, "meeting");
  if (chosen.empty()) {
    p.push_back({"meeting", "Choose the meeting that is not going ahead", {}});
  } else if (!offers(to_hold(case_view), chosen) || chosen.find(' ') == std::string::npos) {
    p.push_back({"meeting", "Choose one of the meetings still to hold", {}});
  } else {
    r.body["meeting_date"] = chosen.substr(0, chosen.find(' '));
    r.body["kind"] = chosen.substr(chosen.find(' ') + 1);
  }
  if (auto why = read_text(form, "reason"))
    r.body["reason"] = *why;
  else
    p.push_back({"reason", "Say why it is not going ahead", {}});
  if (auto d = read_date(form, "date", "the day it was cancelled", true, p)) r.body["date"] = *d;
  return r;
}

const std::map<std::string, std::string>& cancel_inputs() {
  static const std::map<std::string, std::string> inputs = {
      {"meeting_date", "meeting"}, {"kind", "meeting"}, {"reason", "reason"}, {"date", "date-day"}};
  return inputs;
}

json cancel_form_view(const json& case_view, const Form& t, const std::vector<FieldProblem>& p,
                      std::string_view today, std::int64_t version) {
  json v = form_view_head(case_view, p, version);
  const json held = to_hold(case_view);
  v["has_meetings"] = !held.empty();
  std::string chosen = typed(t, "meeting");
  if (chosen.empty() && held.size() == 1) chosen = held[0].value("value", "");
  v["meeting"] = radios("meeting", "Which meeting is not going ahead?",
                        "To move a meeting to another day, arrange it again for that day instead",
                        options_of(held), chosen, p);
  v["reason"] =
      textarea("reason", "Why is it not going ahead?",
               "The invitees are told: say it as you would to them", typed(t, "reason"), 3, p);
  v["date"] = date_input("date", "When was it cancelled?", "For example, 27 3 2026", t,
                         std::string(today), p);
  return v;
}

}  // namespace cinplan::pages
