#include "pages/step_form.h"

#include "pages/form_fields.h"

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

constexpr Option kUpTo[] = {
    {"child_protection", "Child protection: a child protection plan"},
    {"looked_after", "Care: the child becomes looked after"},
};
constexpr Option kDownFrom[] = {
    {"child_protection", "A child protection plan"},
    {"looked_after", "Care: the child was looked after"},
};

FormReading read_step(const Form& form, bool up) {
  FormReading r;
  read_required_date(form, "date", up ? "the day of the step up" : "the day of the step down", r);
  if (up)
    read_one_of(form, "to", kUpTo, "Choose what the case steps up to", r);
  else
    read_one_of(form, "from", kDownFrom, "Choose what the plan follows", r);
  read_required_text(form, "reason",
                     up ? "Say why the case steps up" : "Say why the case steps down", r);
  return r;
}

json step_form_view(const json& cv, const Form& t, const std::vector<FieldProblem>& p,
                    std::string_view today, std::int64_t version, bool up);

}  // namespace

FormReading read_step_up(const Form& form) {
  return read_step(form, true);
}
FormReading read_step_down(const Form& form) {
  return read_step(form, false);
}

const std::map<std::string, std::string>& step_up_inputs() {
  static const std::map<std::string, std::string> inputs = {
      {"date", "date-day"}, {"to", "to"}, {"reason", "reason"}};
  return inputs;
}

const std::map<std::string, std::string>& step_down_inputs() {
  static const std::map<std::string, std::string> inputs = {
      {"date", "date-day"}, {"from", "from"}, {"reason", "reason"}};
  return inputs;
}

namespace {

json step_form_view(const json& cv, const Form& t, const std::vector<FieldProblem>& p,
                    std::string_view today, std::int64_t version, bool up) {
  json v = form_view_head(cv, p, version);
  v["up"] = up;
  v["choice"] = up ? radios("to", "What does the case step up to?", "", kUpTo, typed(t, "to"), p)
                   : radios("from", "What does the Child in Need plan follow?", "", kDownFrom,
                            typed(t, "from"), p);
  v["reason"] = textarea("reason", up ? "Why does it step up?" : "Why does it step down?",
                         up ? "The concern, and the strategy discussion or conference it goes to"
                            : "What changed, and what the Child in Need plan carries on",
                         typed(t, "reason"), 4, p);
  v["date"] = date_input("date", up ? "When does it step up?" : "When does the plan start?",
                         "For example, 27 3 2026", t, std::string(today), p);
  return v;
}

}  // namespace

json step_up_form_view(const json& cv, const Form& t, const std::vector<FieldProblem>& p,
                       std::string_view today, std::int64_t version) {
  return step_form_view(cv, t, p, today, version, true);
}
json step_down_form_view(const json& cv, const Form& t, const std::vector<FieldProblem>& p,
                         std::string_view today, std::int64_t version) {
  return step_form_view(cv, t, p, today, version, false);
}

}  // namespace cinplan::pages
