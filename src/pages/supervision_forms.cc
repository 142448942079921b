#include "pages/supervision_forms.h"

#include <algorithm>

#include "pages/form_fields.h"
#include "pages/simple_form.h"
#include "pages/views.h"

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;
using Inputs = std::map<std::string, std::string>;
using Problems = std::vector<FieldProblem>;

constexpr std::string_view kDateHint = "For example, 27 3 2026";

json date_field(std::string_view id, std::string_view legend, const Form& t,
                std::string_view fallback, const Problems& p) {
  return field_item("date", date_input(id, legend, kDateHint, t, fallback, p));
}

// The day it was done (today unless changed), read into "date".
void read_day(const Form& form, std::string_view label, FormReading& r) {
  read_required_date(form, "date", label, r);
}

// --- the order made -------------------------------------------------------

FormReading read_made(const Form& form, const json&) {
  FormReading r;
  read_day(form, "the day the order was made", r);
  read_required_date(form, "end", "the order's last day", r);
  if (auto before = read_yes_no(form, "previously_looked_after",
                                "the child was looked after before", false, r.problems))
    r.body["previously_looked_after"] = *before;
  if (auto iro = read_text(form, "iro")) r.body["iro"] = *iro;
  return r;
}
const Inputs& made_inputs() {
  static const Inputs i = {{"date", "date-day"},
                           {"end", "end-day"},
                           {"previously_looked_after", "previously_looked_after"},
                           {"iro", "iro"}};
  return i;
}
json made_view(const json& cv, const Form& t, const Problems& p, std::string_view today,
               std::int64_t version) {
  json v = form_view_head(cv, p, version);
  json f = json::array();
  f.push_back(date_field("date", "When did the court make the order?", t, today, p));
  f.push_back(date_field("end", "What is its last day?", t, "", p));
  f.push_back(field_item(
      "radios", radios("previously_looked_after", "Was the child looked after before the order?",
                       "", yes_no_options(), typed(t, "previously_looked_after"), p, true)));
  f.push_back(field_item("text", text_input("iro", "The IRO allocated during the proceedings",
                                            "Leave blank if none was", typed(t, "iro"), p)));
  simple_form(v, "supervision-order", "", "Record a supervision order",
              {"A supervision order lasts at most a year at first and, with extensions, at most "
               "three years from the day it was made; none is made for a child of 17, or 16 if "
               "married (Children Act 1989, section 31 and Schedule 3)."},
              "Record the order", std::move(f));
  return v;
}

// --- the order extended ---------------------------------------------------

FormReading read_extended(const Form& form, const json&) {
  FormReading r;
  read_day(form, "the day the court extended it", r);
  read_required_date(form, "end", "the order's new last day", r);
  return r;
}
const Inputs& extended_inputs() {
  static const Inputs i = {{"date", "date-day"}, {"end", "end-day"}};
  return i;
}
json extended_view(const json& cv, const Form& t, const Problems& p, std::string_view today,
                   std::int64_t version) {
  json v = form_view_head(cv, p, version);
  json f = json::array();
  f.push_back(date_field("date", "When did the court extend it?", t, today, p));
  f.push_back(date_field("end", "What is its new last day?", t, "", p));
  simple_form(v, "supervision-order/extension", "", "Record the order extended",
              {"An extension may not run beyond three years from the day the order was made."},
              "Record the extension", std::move(f));
  return v;
}

// --- the review form sent -------------------------------------------------

// The roles of `wanted`, in order, in the authority's words (the case
// view's "chairs" choices), as {"value", "label"}.
json roles_offered(const json& cv, std::initializer_list<std::string_view> wanted) {
  json out = json::array();
  const json& roles = choice_list(cv, "chairs");
  for (std::string_view role : wanted)
    for (const json& r : roles)
      if (r.value("value", "") == role) out.push_back(r);
  return out;
}

json reviewers(const json& cv) {
  return roles_offered(cv, {"independent_reviewing_officer", "first_line_manager"});
}

// The escalation chain: team manager, group manager, head of service.
json chain(const json& cv) {
  return roles_offered(cv, {"first_line_manager", "group_manager", "head_of_service"});
}

FormReading read_review_form(const Form& form, const json& cv) {
  FormReading r;
  read_day(form, "the day it was sent", r);
  read_required_date(form, "meeting_date", "the day of the review", r);
  const json offered = reviewers(cv);
  read_one_of(form, "to_role", options_of(offered), "Choose who the form went to", r);
  return r;
}
const Inputs& review_form_inputs() {
  static const Inputs i = {
      {"date", "date-day"}, {"meeting_date", "meeting_date-day"}, {"to_role", "to_role"}};
  return i;
}
json review_form_view(const json& cv, const Form& t, const Problems& p, std::string_view today,
                      std::int64_t version) {
  json v = form_view_head(cv, p, version);
  json f = json::array();
  f.push_back(date_field("meeting_date", "When is the review?", t, "", p));
  const json offered = reviewers(cv);
  f.push_back(field_item("radios", radios("to_role", "Who was the review form sent to?", "",
                                          options_of(offered), typed(t, "to_role"), p)));
  f.push_back(date_field("date", "When was it sent?", t, today, p));
  simple_form(v, "review-form", "", "Record the review form sent",
              {"The reviewer chairs the supervision order review with the social worker's "
               "report in front of them."},
              "Record it", std::move(f));
  return v;
}

// --- the assessment shared ------------------------------------------------

FormReading read_shared(const Form& form, const json&) {
  FormReading r;
  read_day(form, "the day it was shared", r);
  read_required_date(form, "meeting_date", "the day of the final review", r);
  return r;
}
const Inputs& shared_inputs() {
  static const Inputs i = {{"date", "date-day"}, {"meeting_date", "meeting_date-day"}};
  return i;
}
json shared_view(const json& cv, const Form& t, const Problems& p, std::string_view today,
                 std::int64_t version) {
  json v = form_view_head(cv, p, version);
  json f = json::array();
  f.push_back(date_field("meeting_date", "When is the final review?", t, "", p));
  f.push_back(date_field("date", "When was the assessment shared with the family?", t, today, p));
  simple_form(v, "supervision-order/assessment-shared", "",
              "Record the assessment shared with the family",
              {"The updated assessment, with the progress made against the plan, is shared "
               "with the family before the final review."},
              "Record it", std::move(f));
  return v;
}

// --- the IRO's recommendations --------------------------------------------

const json& order_list(const json& cv, const char* name) {
  static const json none = json::array();
  if (!cv.contains("supervision_order") || !cv["supervision_order"].is_object()) return none;
  const json& order = cv["supervision_order"];
  return order.contains(name) && order[name].is_array() ? order[name] : none;
}

// The meetings held since the order was made, newest first: the reviews the
// recommendations may be from.
json reviews_offered(const json& cv) {
  json out = json::array();
  const json& held = order_list(cv, "reviews");
  for (auto it = held.rbegin(); it != held.rend(); ++it) {
    const std::string date = it->value("date", "");
    out.push_back(
        {{"value", date},
         {"label", sentence_start(it->value("label", "meeting")) + " of " + date_in_words(date)}});
  }
  return out;
}

// The reviews the IRO made recommendations on, newest first, each with what
// was recommended and whether it was answered.
json recommendations_offered(const json& cv) {
  json out = json::array();
  const json& made = order_list(cv, "recommendations");
  for (auto it = made.rbegin(); it != made.rend(); ++it) {
    const std::string review = it->value("meeting_date", "");
    std::string label =
        "The review of " + date_in_words(review) + ": " + it->value("recommendations", "");
    const json& answer = (*it)["response"];
    label += answer.is_object()
                 ? " (answered on " + date_in_words(answer.value("date", "")) +
                       (answer.value("agrees", false) ? ", agreeing)" : ", disagreeing)")
                 : " (not answered yet)";
    out.push_back({{"value", review}, {"label", label}, {"answered", answer.is_object()}});
  }
  return out;
}

// The recommendations, responses, discussions and escalations so far, oldest
// first, as the chronology words them: what the manager or the next level
// reads before answering or escalating.
json disagreement_so_far(const json& cv) {
  static constexpr std::string_view kTypes[] = {"iro_recommendations_made",
                                                "iro_recommendations_responded",
                                                "manager_discussion_held", "escalated"};
  json out = json::array();
  if (!cv.contains("chronology")) return out;
  for (const json& c : cv["chronology"]) {
    const std::string type = c.value("type", "");
    if (std::find(std::begin(kTypes), std::end(kTypes), type) == std::end(kTypes)) continue;
    std::string line = date_in_words(c.value("date", "")) + ": " + c.value("what", "");
    if (const std::string detail = c.value("detail", ""); !detail.empty()) line += ": " + detail;
    out.push_back(line);
  }
  return out;
}

void show_so_far(json& v, const json& cv) {
  json so_far = disagreement_so_far(cv);
  if (so_far.empty()) return;
  v["so_far_heading"] = "So far";
  v["so_far"] = std::move(so_far);
}

FormReading read_recommendations(const Form& form, const json& cv) {
  FormReading r;
  read_day(form, "the day of the recommendations", r);
  const json offered = reviews_offered(cv);
  read_one_of(form, "meeting_date", options_of(offered),
              offered.empty() ? "Record the review first: no meeting is recorded since the order "
                                "was made"
                              : "Choose the review they are from",
              r);
  read_required_text(form, "recommendations", "Enter the recommendations", r);
  return r;
}
const Inputs& recommendations_inputs() {
  static const Inputs i = {{"date", "date-day"},
                           {"meeting_date", "meeting_date"},
                           {"recommendations", "recommendations"}};
  return i;
}
json recommendations_view(const json& cv, const Form& t, const Problems& p, std::string_view today,
                          std::int64_t version) {
  json v = form_view_head(cv, p, version);
  json f = json::array();
  const json offered = reviews_offered(cv);
  if (!offered.empty())
    f.push_back(field_item("radios", radios("meeting_date", "Which review are they from?",
                                            "The meetings held since the order was made",
                                            options_of(offered), typed(t, "meeting_date"), p)));
  f.push_back(field_item("textarea", textarea("recommendations", "Your recommendations",
                                              "One a line, each saying who should do what",
                                              typed(t, "recommendations"), 6, p)));
  f.push_back(date_field("date", "When were they made?", t, today, p));
  simple_form(v, "iro-recommendations", "", "Record the IRO's recommendations",
              {offered.empty() ? "No meeting is recorded since the order was made: record the "
                                 "review first, then its recommendations."
                               : "The team manager answers them, agreeing or not; a disagreement "
                                 "is escalated until it is resolved."},
              "Record the recommendations", std::move(f));
  return v;
}

// --- the manager's response -----------------------------------------------

FormReading read_response(const Form& form, const json& cv) {
  FormReading r;
  read_day(form, "the day of the response", r);
  const json offered = recommendations_offered(cv);
  read_one_of(form, "meeting_date", options_of(offered),
              offered.empty() ? "No recommendations of the IRO are recorded yet"
                              : "Choose the review whose recommendations you answer",
              r);
  auto agrees = read_yes_no(form, "agrees", "you agree with the recommendations", true, r.problems);
  if (agrees) r.body["agrees"] = *agrees;
  // Why, when the manager disagrees: the IRO and the manager discuss it next.
  if (agrees && !*agrees)
    read_required_text(form, "reason", "Say why you disagree with the recommendations", r);
  else if (auto why = read_text(form, "reason"))
    r.body["reason"] = *why;
  return r;
}
const Inputs& response_inputs() {
  static const Inputs i = {{"date", "date-day"},
                           {"meeting_date", "meeting_date"},
                           {"agrees", "agrees"},
                           {"reason", "reason"}};
  return i;
}
json response_view(const json& cv, const Form& t, const Problems& p, std::string_view today,
                   std::int64_t version) {
  json v = form_view_head(cv, p, version);
  json f = json::array();
  const json offered = recommendations_offered(cv);
  // The latest not answered yet is the one chosen, until another is.
  std::string chosen = typed(t, "meeting_date");
  for (const json& o : offered)
    if (chosen.empty() && !o.value("answered", false)) chosen = o.value("value", "");
  if (!offered.empty())
    f.push_back(field_item("radios", radios("meeting_date", "Which review's recommendations?", "",
                                            options_of(offered), chosen, p)));
  f.push_back(field_item("radios", radios("agrees", "Do you agree with the recommendations?",
                                          "If not, escalate the disagreement next",
                                          yes_no_options(), typed(t, "agrees"), p, true)));
  f.push_back(field_item("textarea", textarea("reason", "Why do you disagree?",
                                              "Needed if you disagree; the IRO reads it before "
                                              "you discuss it",
                                              typed(t, "reason"), 4, p)));
  f.push_back(date_field("date", "When did you respond?", t, today, p));
  simple_form(v, "iro-response", "", "Respond to the IRO's recommendations",
              {offered.empty() ? std::string_view("No recommendations of the IRO are recorded yet.")
                               : std::string_view("Say whether you agree with the recommendations "
                                                  "the IRO made after a review.")},
              "Record the response", std::move(f));
  show_so_far(v, cv);
  return v;
}

// --- an escalation --------------------------------------------------------

FormReading read_escalation(const Form& form, const json& cv) {
  FormReading r;
  read_day(form, "the day it was escalated", r);
  const json offered = chain(cv);
  read_one_of(form, "to_role", options_of(offered), "Choose who it is escalated to", r);
  read_required_text(form, "reason", "Say what the disagreement is", r);
  if (auto resolved =
          read_yes_no(form, "resolved", "it was resolved at this level", false, r.problems))
    r.body["resolved"] = *resolved;
  return r;
}
const Inputs& escalation_inputs() {
  static const Inputs i = {
      {"date", "date-day"}, {"to_role", "to_role"}, {"reason", "reason"}, {"resolved", "resolved"}};
  return i;
}
json escalation_view(const json& cv, const Form& t, const Problems& p, std::string_view today,
                     std::int64_t version) {
  json v = form_view_head(cv, p, version);
  json f = json::array();
  const json offered = chain(cv);
  f.push_back(field_item("radios",
                         radios("to_role", "Who is it escalated to?",
                                "Each step follows the one before it when that did not resolve it",
                                options_of(offered), typed(t, "to_role"), p)));
  f.push_back(field_item(
      "textarea", textarea("reason", "What is the disagreement?", "", typed(t, "reason"), 4, p)));
  f.push_back(field_item("radios", radios("resolved", "Was it resolved at this level?",
                                          "Leave unanswered while it is still open",
                                          yes_no_options(), typed(t, "resolved"), p, true)));
  f.push_back(date_field("date", "When was it escalated?", t, today, p));
  simple_form(v, "escalations", "", "Escalate a disagreement",
              {"A disagreement between the IRO and the team goes to the team's manager, then the "
               "group manager, then the head of service, until it is resolved."},
              "Record the escalation", std::move(f));
  show_so_far(v, cv);
  return v;
}

// --- the final review's decision ------------------------------------------

constexpr Option kDecisions[] = {{"expire", "Let the order expire"},
                                 {"extend", "Ask the court to extend it"},
                                 {"return_to_court", "Return to court for another order"},
                                 {"other", "Something else"}};

FormReading read_decision(const Form& form, const json&) {
  FormReading r;
  read_day(form, "the day of the decision", r);
  read_one_of(form, "decision", kDecisions, "Choose the decision", r);
  return r;
}
const Inputs& decision_inputs() {
  static const Inputs i = {{"date", "date-day"}, {"decision", "decision"}};
  return i;
}
json decision_view(const json& cv, const Form& t, const Problems& p, std::string_view today,
                   std::int64_t version) {
  json v = form_view_head(cv, p, version);
  json f = json::array();
  f.push_back(field_item("radios", radios("decision", "What was decided at the final review?", "",
                                          kDecisions, typed(t, "decision"), p)));
  f.push_back(date_field("date", "When was it decided?", t, today, p));
  simple_form(v, "supervision-order/decision", "", "Record the final review's decision",
              {"Your decision is recorded as yours. After an order expires, the Child in Need "
               "plan steps down or closes as the procedure says."},
              "Record the decision", std::move(f));
  return v;
}

}  // namespace

const SupervisionForm kOrderMade{read_made, made_inputs, made_view};
const SupervisionForm kOrderExtended{read_extended, extended_inputs, extended_view};
const SupervisionForm kReviewFormSent{read_review_form, review_form_inputs, review_form_view};
const SupervisionForm kAssessmentShared{read_shared, shared_inputs, shared_view};
const SupervisionForm kIroRecommendations{read_recommendations, recommendations_inputs,
                                          recommendations_view};
const SupervisionForm kIroResponse{read_response, response_inputs, response_view};
const SupervisionForm kEscalation{read_escalation, escalation_inputs, escalation_view};
const SupervisionForm kOrderDecision{read_decision, decision_inputs, decision_view};

}  // namespace cinplan::pages
