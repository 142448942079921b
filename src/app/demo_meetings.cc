#include "app/demo_meetings.h"

#include <algorithm>
#include <array>

#include "app/demo_duty_events.h"
#include "app/demo_names.h"
#include "app/demo_timing.h"

namespace cinplan::app {
namespace {

using json = nlohmann::ordered_json;

struct PlanItem {
  std::string_view outcome;
  std::string_view action;
  std::string_view owner;  // "mother", "school", "health", "social worker"
  std::string_view why;
};
constexpr std::array<PlanItem, 8> kPlanItems = {{
    {"{child} attends school every day and on time", "Walk {child} to school each morning",
     "mother", "so that the mornings have a routine and {child} arrives on time"},
    {"{child} attends school every day and on time", "Share attendance each fortnight", "school",
     "so that everyone sees early if attendance slips"},
    {"The home is safe and warm for {child}", "Arrange repairs to the heating with the landlord",
     "social worker", "the house is cold and damp in the bedrooms"},
    {"{child}'s health needs are met", "Book and attend the overdue dental check", "mother",
     "{child} has had toothache and has not seen a dentist for two years"},
    {"{child}'s health needs are met", "Complete the developmental review", "health",
     "to know what help {child} needs"},
    {"{child} has a settled bedtime routine", "Agree a bedtime routine with the family",
     "social worker", "{child} is tired at school and late to sleep"},
    {"{child}'s mother gets support with her own wellbeing",
     "Refer to the adult mental health service", "social worker",
     "her low mood makes the mornings hard"},
    {"{child} spends time safely with their father", "Agree a written contact arrangement",
     "mother", "so that everyone knows when contact happens and who supervises it"},
}};
constexpr std::array<std::string_view, 5> kRationales = {
    "attendance has improved since the last meeting",
    "the family are engaging but the home conditions are not yet consistent",
    "things are better at home and the worries are smaller",
    "mum is getting support and is more confident",
    "some progress; the same worries about routines remain"};

// How everyone will know an outcome is achieved (the plan's SMART check).
std::string_view measure_of(std::string_view outcome) {
  if (outcome.find("school") != std::string_view::npos)
    return "Attendance of 95% or more each half term, with no late marks in the last month";
  if (outcome.find("safe and warm") != std::string_view::npos)
    return "The heating works and the social worker sees every room warm at a visit";
  if (outcome.find("health") != std::string_view::npos)
    return "Every health appointment due is kept, as the health visitor or GP confirms";
  if (outcome.find("bedtime") != std::string_view::npos)
    return "Asleep by 8pm on five nights of seven, from the family's own diary";
  if (outcome.find("wellbeing") != std::string_view::npos)
    return "She has seen the adult mental health service and says she feels supported";
  return "Contact happens as written down, and the child says it feels safe";
}

std::string fill(std::string_view text, const DemoCase& c) {
  std::string out(text);
  const std::string first = c.plan.family.child_first;
  for (auto at = out.find("{child}"); at != std::string::npos; at = out.find("{child}"))
    out.replace(at, 7, first);
  return out;
}

std::string chair_for(const DemoCase& c, std::string_view kind) {
  if (kind == "initial" || kind == "transfer_in" || kind == "twelve_month_review")
    return "first_line_manager";
  if (kind == "service_manager_review") return "service_manager";
  if (kind == "panel") return "group_manager";
  if (kind == "supervision_order_review" || kind == "supervision_order_final_review")
    return c.iro.empty() ? "first_line_manager" : "independent_reviewing_officer";
  return std::string(c.plan.worker->role);
}

// The day a companion `days` working days after the meeting falls on, or
// none when that is after the case's last day.
std::optional<Date> after_meeting(const DemoDraft& d, const DemoCase& c, Date meeting, int days) {
  const Date day = d.profile().calendar->add_working_days(meeting, days);
  const Date last = c.closing_on ? add_days(*c.closing_on, -1) : c.today;
  if (day > last || day > c.today) return std::nullopt;
  return day;
}

// Whether a rule of the profile that applies to the case asks for `type`
// after a meeting of `kind` (the duties then write it, on time).
bool asked_after(const DemoDraft& d, std::string_view type, std::string_view kind, Date day) {
  const EventTypeId t = *find_event_type(type);
  const PathwaySet active = d.pathways(day);
  for (const Rule& r : d.profile().rules) {
    if (!applies(r, active)) continue;
    const bool anchored = std::any_of(r.after.begin(), r.after.end(),
                                      [&](const EventMatcher& m) { return allows_kind(m, kind); });
    const bool meets = std::any_of(r.met_by.begin(), r.met_by.end(),
                                   [&](const EventMatcher& m) { return m.type == t; });
    if (anchored && meets) return true;
  }
  return false;
}

// Whether a before rule that applies asks for invitations to a meeting of
// `kind` (the duties then send them, with the notice it asks).
bool invitations_asked(const DemoDraft& d, std::string_view kind, Date day) {
  const EventTypeId t = *find_event_type("invitations_sent");
  const PathwaySet active = d.pathways(day);
  const auto& rules = d.profile().rules;
  for (const Rule& r : rules) {
    if (r.kind != RuleKind::kBefore || !applies(r, active) || r.met_by.front().type != t) continue;
    for (std::uint16_t ix : r.before_meeting) {
      const auto& ms = rules[ix].met_by;
      if (std::any_of(ms.begin(), ms.end(),
                      [&](const EventMatcher& m) { return allows_kind(m, kind); }))
        return true;
    }
  }
  return false;
}

// Invitations two or three weeks before, where no rule asks for them: after
// the meeting before (or the decision that a plan is needed).
Result<void> usual_invitations(DemoDraft& d, DemoCase& c, const DemoMeeting& m) {
  if (invitations_asked(d, m.kind, m.day)) return {};
  const Event* before = d.latest("meeting", add_days(m.day, -1));
  if (before == nullptr) before = d.latest("plan_decided", m.day);
  const Date earliest = before != nullptr ? add_days(before->date, 1) : m.day;
  Date day = working_day_before(add_days(m.day, -c.random.range(10, 20)));
  if (day < earliest) day = earliest;
  return d.add(invitations_to(c, day, m.day));
}

Result<void> attendance(DemoDraft& d, DemoCase& c, const DemoMeeting& m) {
  DemoRandom& r = c.random;
  json present = json::array();
  present.push_back({{"name", c.mother}, {"role", "mother"}});
  if (c.father_at_home) present.push_back({{"name", c.father}, {"role", "father"}});
  present.push_back(
      {{"name", std::string(c.plan.worker->display_name)}, {"role", "social worker"}});
  json apologies = json::array();
  std::vector<std::pair<std::string, std::string>> updates;  // name, agency
  for (const auto& [name, agency] :
       {std::pair{c.school_contact, c.school},
        std::pair{c.health_contact, std::string(kDemoHealthService)}}) {
    if (name.empty()) continue;
    if (r.chance(0.75)) {
      present.push_back({{"name", name}, {"agency", agency}});
    } else {
      apologies.push_back({{"name", name}, {"agency", agency}, {"written_update", true}});
      updates.emplace_back(name, agency);
    }
  }
  for (const auto& [name, agency] : updates) {
    json e =
        demo_event("written_update_added", working_day_before(add_days(m.day, -r.range(1, 3))));
    e["meeting_date"] = m.day.to_string();
    e["by"] = name;
    e["agency"] = agency;
    e["text"] = agency != kDemoHealthService
                    ? "Attendance this half term is " + std::to_string(r.range(82, 98)) +
                          "%; settled in class, no new concerns."
                    : "Growth and development on track; the family kept the last "
                      "two appointments.";
    if (auto ok = d.add(e); !ok) return ok;
  }
  json e = demo_event("attendance_recorded", m.day);
  e["meeting_date"] = m.day.to_string();
  e["present"] = present;
  if (!apologies.empty()) e["apologies"] = apologies;
  return d.add(e);
}

Result<void> scaling(DemoDraft& d, DemoCase& c, const DemoMeeting& m) {
  DemoRandom& r = c.random;
  for (std::string_view by : {"mother", "social worker", "school"}) {
    if (by == "school" && c.school.empty()) continue;
    json e = demo_event("scaling_recorded", m.day);
    e["meeting_date"] = m.day.to_string();
    e["by"] = std::string(by);
    e["score"] = r.range(by == "mother" ? 5 : 3, 8);
    e["rationale"] = std::string(r.pick(kRationales));
    if (auto ok = d.add(e); !ok) return ok;
  }
  return {};
}

Result<void> plan_items(DemoDraft& d, DemoCase& c, const DemoMeeting& m) {
  DemoRandom& r = c.random;
  const bool first = c.outcomes == 0;
  if (!first) {
    // Some of the actions agreed are done by the review.
    for (auto it = c.open_actions.begin(); it != c.open_actions.end();) {
      // Most of those past their date are done by then; fewer of the rest.
      const auto due = c.action_due.find(*it);
      const bool past = due != c.action_due.end() && due->second < m.day;
      if (!r.chance(past ? 0.85 : 0.4)) {
        ++it;
        continue;
      }
      json e = demo_event("plan_action_completed", m.day);
      e["action_id"] = *it;
      if (auto ok = d.add(e); !ok) return ok;
      it = c.open_actions.erase(it);
    }
  }
  const int items = first ? r.range(2, 4) : r.range(0, 1);
  for (int i = 0; i < items; ++i) {
    const PlanItem& item = kPlanItems[static_cast<std::size_t>(r.range(0, 7))];
    // A child under school age has no school to attend; an action is
    // agreed once; an outcome agreed before is served again, not repeated.
    const bool about_school = item.outcome.find("school") != std::string_view::npos;
    if ((item.owner == "school" || about_school) && c.school.empty()) continue;
    const std::string action = fill(item.action, c), outcome = fill(item.outcome, c);
    if (std::find(c.action_texts.begin(), c.action_texts.end(), action) != c.action_texts.end())
      continue;
    auto served = std::find(c.outcome_texts.begin(), c.outcome_texts.end(), outcome);
    if (served == c.outcome_texts.end()) {
      json o = demo_event("plan_outcome_agreed", m.day);
      o["outcome_id"] = "O" + std::to_string(++c.outcomes);
      o["text"] = outcome;
      o["measure"] = std::string(measure_of(item.outcome));
      if (auto ok = d.add(o); !ok) return ok;
      c.outcome_texts.push_back(outcome);
      served = c.outcome_texts.end() - 1;
    }
    json a = demo_event("plan_action_agreed", m.day);
    const std::string id = "A" + std::to_string(++c.actions);
    a["action_id"] = id;
    a["outcome_id"] = "O" + std::to_string(served - c.outcome_texts.begin() + 1);
    a["text"] = action;
    a["why"] = fill(item.why, c);
    c.action_texts.push_back(action);
    a["owner"] = item.owner == "social worker" ? std::string(c.plan.worker->display_name)
                 : item.owner == "school"      ? c.school_contact
                 : item.owner == "health"      ? c.health_contact
                                               : c.mother;
    const Date by = working_day_before(add_days(m.day, 7 * r.range(4, 12)));
    a["by_date"] = by.to_string();
    c.action_due[id] = by;
    if (auto ok = d.add(a); !ok) return ok;
    c.open_actions.push_back(id);
  }
  return {};
}

// Minutes and the plan updated and circulated, where no rule asks for them.
Result<void> usual_papers(DemoDraft& d, DemoCase& c, const DemoMeeting& m) {
  DemoRandom& r = c.random;
  for (std::string_view type : {"plan_updated", "minutes_distributed", "plan_circulated"}) {
    if (asked_after(d, type, m.kind, m.day)) continue;
    const auto day =
        after_meeting(d, c, m.day, type == "plan_updated" ? r.range(1, 3) : r.range(3, 8));
    if (!day) continue;
    json e = demo_event(type, *day);
    e["meeting_date"] = m.day.to_string();
    if (type == "plan_updated") e["summary"] = "actions agreed at the meeting added to the plan";
    if (type == "plan_circulated") e["to"] = json::array({"family", "school", c.health_role});
    if (auto ok = d.add(e); !ok) return ok;
  }
  return {};
}

}  // namespace

bool is_plan_meeting(std::string_view kind) {
  return kind == "initial" || kind == "review" || kind == "transfer_in";
}

Result<void> hold_meeting(DemoDraft& d, DemoCase& c, const DemoMeeting& m) {
  DemoRandom& r = c.random;
  const bool plan_meeting = is_plan_meeting(m.kind);
  const bool order_meeting =
      m.kind == "supervision_order_review" || m.kind == "supervision_order_final_review";
  if (plan_meeting) {
    if (auto ok = usual_invitations(d, c, m); !ok) return ok;
  }
  if (plan_meeting || order_meeting || m.kind == "family_network") {
    if (auto ok = attendance(d, c, m); !ok) return ok;
  }
  json e = demo_event("meeting", m.day);
  e["kind"] = m.kind;
  e["chair_role"] = chair_for(c, m.kind);
  if (plan_meeting || order_meeting || m.kind == "twelve_month_review")
    e["outcome"] = m.outcome.empty() ? std::string("continue") : m.outcome;
  if (m.next_meeting) e["next_meeting"] = m.next_meeting->to_string();
  if (m.kind == "initial" && r.chance(0.2)) e["complex"] = true;
  if (auto ok = d.add(e); !ok) return ok;

  if (c.plan.story == DemoStory::kAddressWithheld && m.kind == "initial") {
    json x = demo_event("family_member_excluded", m.day);
    x["person"] = "father";
    x["endorsed_by_role"] = "first_line_manager";
    x["reason"] = "non-molestation order protecting the mother";
    x["alternative"] = "the social worker meets him separately before each meeting";
    if (auto ok = d.add(x); !ok) return ok;
  }
  if (plan_meeting || order_meeting) {
    if (auto ok = scaling(d, c, m); !ok) return ok;
  }
  if (plan_meeting) {
    if (auto ok = plan_items(d, c, m); !ok) return ok;
    if (auto ok = usual_papers(d, c, m); !ok) return ok;
  }
  if (order_meeting && !c.iro.empty()) {
    if (auto day = after_meeting(d, c, m.day, r.range(2, 5))) {
      json x = demo_event("iro_recommendations_made", *day);
      x["meeting_date"] = m.day.to_string();
      x["recommendations"] = "keep the support plan in place; refer to family therapy";
      if (auto ok = d.add(x); !ok) return ok;
    }
  }
  if (m.kind == "panel") {
    json x = demo_event("panel_decided", m.day);
    x["decision"] = "continue";
    x["recorded_by_role"] = "group_manager";
    x["rationale"] = "progress, but school attendance not yet sustained";
    if (auto ok = d.add(x); !ok) return ok;
  }
  if (m.kind == "service_manager_review") {
    json x = demo_event("service_manager_decided", m.day);
    x["decision"] = "continue";
    x["rationale"] = "the plan is on track to end within twelve months";
    if (auto ok = d.add(x); !ok) return ok;
  }
  return {};
}

}  // namespace cinplan::app
