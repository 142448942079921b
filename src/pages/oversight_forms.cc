#include "pages/oversight_forms.h"

#include "pages/form_fields.h"
#include "pages/simple_form.h"

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;
using Inputs = std::map<std::string, std::string>;
using Problems = std::vector<FieldProblem>;

constexpr Option kPanel[] = {{"continue", "Continue the plan"},
                             {"close", "Close the case"},
                             {"step_down_early_help", "Step down to early help"},
                             {"update_assessment", "Update the assessment"},
                             {"step_up_child_protection", "Step up to child protection"},
                             {"looked_after", "The child to become looked after"}};

constexpr Option kServiceManager[] = {{"continue", "Continue the plan"},
                                      {"extend_beyond_12_months", "Continue it beyond 12 months"},
                                      {"close", "Close the case"},
                                      {"step_down_early_help", "Step down to early help"},
                                      {"other", "Something else"}};

// The decision, why, and the day: the two decision forms read alike.
FormReading read_decided(const Form& form, std::span<const Option> options) {
  FormReading r;
  read_required_date(form, "date", "the day of the decision", r);
  read_one_of(form, "decision", options, "Choose the decision", r);
  read_required_text(form, "rationale", "Say why", r);
  return r;
}

const Inputs& decided_inputs() {
  static const Inputs i = {{"date", "date-day"},
                           {"decision", "decision"},
                           {"rationale", "rationale"},
                           {"recorded_by_role", "decision"}};
  return i;
}

json decided_view(const json& cv, const Form& t, const Problems& p, std::string_view today,
                  std::int64_t version, std::span<const Option> options, std::string_view path,
                  std::string_view back, std::string_view heading, std::string_view intro) {
  json v = form_view_head(cv, p, version);
  json f = json::array();
  f.push_back(field_item(
      "radios", radios("decision", "What was decided?", "", options, typed(t, "decision"), p)));
  f.push_back(field_item("textarea", textarea("rationale", "Why?",
                                              "What the plan has achieved, and what is still "
                                              "needed",
                                              typed(t, "rationale"), 4, p)));
  f.push_back(field_item(
      "date", date_input("date", "When was it decided?", "For example, 27 3 2026", t, today, p)));
  simple_form(v, path, back, heading, {intro}, "Record the decision", std::move(f));
  return v;
}

FormReading read_panel(const Form& form, const json&) {
  return read_decided(form, kPanel);
}
json panel_view(const json& cv, const Form& t, const Problems& p, std::string_view today,
                std::int64_t version) {
  json v = decided_view(cv, t, p, today, version, kPanel, "panel-decision", "",
                        "Record the panel's decision",
                        "The decision is recorded as the group manager's, as the procedure asks.");
  v["back_href"] = "/panel";
  return v;
}

FormReading read_service_manager(const Form& form, const json&) {
  return read_decided(form, kServiceManager);
}
json service_manager_view(const json& cv, const Form& t, const Problems& p, std::string_view today,
                          std::int64_t version) {
  json v = decided_view(cv, t, p, today, version, kServiceManager, "service-manager-decision", "",
                        "Record the service manager's decision",
                        "The review of a plan open 9 months or more: whether it goes on, and "
                        "what happens next.");
  v["back_href"] = "/oversight";
  return v;
}

FormReading read_note(const Form& form, const json&) {
  FormReading r;
  read_required_date(form, "date", "the day of the note", r);
  read_required_text(form, "decision", "Enter what you decided or directed", r);
  return r;
}
const Inputs& note_inputs() {
  static const Inputs i = {{"date", "date-day"}, {"decision", "decision"}, {"by_role", "decision"}};
  return i;
}
json note_view(const json& cv, const Form& t, const Problems& p, std::string_view today,
               std::int64_t version) {
  json v = form_view_head(cv, p, version);
  json f = json::array();
  f.push_back(field_item("textarea",
                         textarea("decision", "What did you decide or direct?",
                                  "For example: visits to go to weekly until the review in January",
                                  typed(t, "decision"), 5, p)));
  f.push_back(
      field_item("date", date_input("date", "When?", "For example, 27 3 2026", t, today, p)));
  simple_form(v, "oversight", "", "Add a management oversight note",
              {"It goes on the record as yours, with your role."}, "Add the note", std::move(f));
  return v;
}

}  // namespace

const SupervisionForm kPanelDecision{read_panel, decided_inputs, panel_view};
const SupervisionForm kServiceManagerDecision{read_service_manager, decided_inputs,
                                              service_manager_view};
const SupervisionForm kOversightNote{read_note, note_inputs, note_view};

}  // namespace cinplan::pages
