#include "app/demo_duty_events.h"

#include "app/demo_conform.h"

namespace cinplan::app {
namespace {

using json = nlohmann::ordered_json;

json visit(DemoCase& c, Date day) {
  DemoRandom& r = c.random;
  json e = demo_event("visit", day);
  e["child_seen"] = true;
  const bool alone = age_on(c.plan.date_of_birth, day) >= 3 && r.chance(0.85);
  e["seen_alone"] = alone;
  e["location"] = "home";
  e["announced"] = r.chance(0.7);
  json rooms = json::array({"bathroom", "kitchen", "bedroom"});
  if (r.chance(0.5)) rooms.push_back("living_room");
  e["rooms_seen"] = rooms;
  if (!alone) {
    e["reason_not_seen"] = age_on(c.plan.date_of_birth, day) < 3
                               ? "too young to be seen apart from the parent"
                               : "the child asked for their mother to stay";
    e["others_present"] = json::array({"mother"});
  }
  e["purpose"] = "routine";
  return e;
}

json invitations(DemoCase& c, Date day) {
  json e = demo_event("invitations_sent", day);
  e["distribution_list"] = true;
  json invitees = json::array({"mother"});
  if (c.father_at_home) invitees.push_back("father");
  if (age_on(c.plan.date_of_birth, day) >= 10) invitees.push_back("child");
  if (!c.school.empty()) invitees.push_back("school");
  invitees.push_back(c.health_role);
  e["invitees"] = invitees;
  return e;
}

}  // namespace

json invitations_to(DemoCase& c, Date day, Date meeting) {
  json e = invitations(c, day);
  e["meeting_date"] = meeting.to_string();
  return e;
}

json routine_visit(DemoCase& c, Date day) {
  return visit(c, day);
}

json visit_not_seen(DemoCase& c, Date day) {
  json e = demo_event("visit", day);
  e["child_seen"] = false;
  e["location"] = "home";
  e["announced"] = false;
  e["reason_not_seen"] = "no answer at the door; a card was left";
  e["purpose"] = c.random.chance(0.5) ? "unannounced_check" : "routine";
  return e;
}

Result<json> duty_event(DemoCase& c, const Rule& rule, Date day, std::optional<Date> about) {
  const EventMatcher& m = rule.met_by.front();
  const std::string_view type = event_type(m.type).id;
  json e;
  if (type == "visit") {
    e = visit(c, day);
  } else if (type == "invitations_sent") {
    e = invitations(c, day);
  } else if (type == "minutes_distributed" || type == "meeting_recorded" ||
             type == "review_form_sent" || type == "supervision_order_assessment_shared") {
    e = demo_event(type, day);
    if (type == "review_form_sent")
      e["to_role"] = c.iro.empty() ? "first_line_manager" : "independent_reviewing_officer";
  } else if (type == "plan_updated") {
    e = demo_event(type, day);
    e["summary"] = "actions and outcomes agreed at the meeting added to the plan";
  } else if (type == "plan_circulated") {
    e = demo_event(type, day);
    e["to"] = json::array({"family", "school", c.health_role});
  } else if (type == "plan_signed") {
    e = demo_event(type, day);
    e["by"] = "family";
  } else if (type == "iro_recommendations_responded") {
    e = demo_event(type, day);
    e["agrees"] = true;
    e["by_role"] = "first_line_manager";
  } else if (type == "supervision_order_decided") {
    e = demo_event(type, day);
    e["decision"] = "expire";
    e["by_role"] = "group_manager";
  } else if (type == "manager_discussion_held") {
    e = demo_event(type, day);
    e["topic"] = "other";
    e["with_role"] = "first_line_manager";
    e["outcome"] = "next steps agreed and recorded";
  } else if (type == "service_manager_decided") {
    e = demo_event(type, day);
    e["decision"] = "continue";
    e["rationale"] = "the plan is on track to end within twelve months";
  } else if (type == "panel_decided") {
    e = demo_event(type, day);
    e["decision"] = "continue";
    e["recorded_by_role"] = "group_manager";
    e["rationale"] = "progress, but the plan's outcomes are not yet met";
  } else {
    return std::unexpected(Error{ErrorCode::kInternal,
                                 "the demo does not know how to record " + std::string(type) +
                                     ", which the rule " + rule.id + " asks for",
                                 {}});
  }
  if (about && find_field(event_type(m.type), "meeting_date") != nullptr)
    e["meeting_date"] = about->to_string();
  apply_matcher(m, e);
  return e;
}

}  // namespace cinplan::app
