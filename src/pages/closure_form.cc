#include "pages/closure_form.h"

#include "pages/form_fields.h"

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

// Why a case closes, as the closed event's reasons.
constexpr Option kReasons[] = {
    {"close", "The child is no longer in need of social care's help"},
    {"step_down_early_help", "Stepped down to early help"},
    {"step_up_child_protection", "Stepped up to child protection"},
    {"looked_after", "The child became looked after"},
    {"transferred_out", "Transferred to another authority"},
    {"supervision_order_expired", "The supervision order ended"},
    {"consent_withdrawn", "The family withdrew their consent"},
    {"moved_away", "The family moved away"},
    {"other", "Another reason"},
};

// The closing summary's parts: input, what a blank one is told.
constexpr std::pair<std::string_view, std::string_view> kSummary[] = {
    {"summary", "Enter the closing summary"},
    {"views_child", "Enter the child's views"},
    {"views_parents", "Enter the parents' views"},
    {"views_professionals", "Enter the professionals' views"},
};

constexpr std::string_view kSummaryRule =
    "closure: the closing summary, with the views of the child, parents and professionals";

}  // namespace

FormReading read_closure(const Form& form, const json& cv) {
  FormReading r;
  json& b = r.body;
  auto& p = r.problems;
  read_required_date(form, "date", "the day the case closes", r);
  read_one_of(form, "reason", kReasons, "Choose why the case closes", r);
  // Where it was endorsed: the command refuses a closure without one, with
  // the procedure's sentence; a place the form does not offer is refused
  // here.
  const std::string place = typed(form, "endorsed_at");
  if (offers(choice_list(cv, "closure_places"), place))
    b["endorsed_at"] = place;
  else if (!place.empty())
    p.push_back({"endorsed_at", "Choose one of the places listed", {}});
  for (const auto& [name, blank] : kSummary) {
    if (auto text = read_text(form, std::string(name)))
      b[std::string(name)] = *text;
    else
      p.push_back({std::string(name), std::string(blank), std::string(kSummaryRule)});
  }
  return r;
}

const std::map<std::string, std::string>& closure_inputs() {
  static const std::map<std::string, std::string> inputs = {
      {"date", "date-day"},
      {"reason", "reason"},
      {"endorsed_at", "endorsed_at"},
      {"summary", "summary"},
      {"views_child", "views_child"},
      {"views_parents", "views_parents"},
      {"views_professionals", "views_professionals"},
  };
  return inputs;
}

json closure_form_view(const json& cv, const Form& t, const std::vector<FieldProblem>& p,
                       std::string_view today, std::int64_t version) {
  json v = form_view_head(cv, p, version);
  const json& c = choices_of(cv);
  v["rules"] = c.value("closure_rules", json::array());
  v["has_rules"] = !v["rules"].empty();
  v["date"] = date_input("date", "When does the case close?", "For example, 27 3 2026", t,
                         std::string(today), p);
  v["reason"] = radios("reason", "Why does it close?", "", kReasons, typed(t, "reason"), p);
  v["endorsed_at"] =
      radios("endorsed_at", "Where was the closure endorsed?",
             "The record of that review, panel or decision should say so",
             options_of(choice_list(cv, "closure_places")), typed(t, "endorsed_at"), p);
  v["summary"] = textarea("summary", "Closing summary",
                          "What the plan achieved, what is still a worry and what support goes on",
                          typed(t, "summary"), 6, p);
  v["views_child"] =
      textarea("views_child", "The child's views", "In the child's own words where you can",
               typed(t, "views_child"), 3, p);
  v["views_parents"] =
      textarea("views_parents", "The parents' views", "", typed(t, "views_parents"), 3, p);
  v["views_professionals"] = textarea("views_professionals", "The professionals' views",
                                      "The school, health and the other agencies of the network",
                                      typed(t, "views_professionals"), 3, p);
  return v;
}

}  // namespace cinplan::pages
