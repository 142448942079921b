#include "app/census_child.h"

#include <algorithm>
#include <cctype>

#include "core/casefile/corrections.h"

namespace cinplan::app {
namespace {

using census::Text;

Text text_of(const Event& e, std::string_view field) {
  std::string v = e.string_field(field);
  if (v.empty()) return std::nullopt;
  return v;
}

Text date_text(Date d) {
  return d.to_string();
}

std::string_view sex_code(std::string_view sex) {
  if (sex == "male") return "M";
  if (sex == "female") return "F";
  return "U";
}

// The child's details from a registration or a change of them.
void take_details(census::CensusChild& c, const nlohmann::ordered_json& d) {
  auto text = [&](const char* key) -> Text {
    if (!d.contains(key) || !d[key].is_string() || d[key].get<std::string>().empty())
      return std::nullopt;
    return d[key].get<std::string>();
  };
  if (auto v = text("date_of_birth")) c.birth_date = v;
  if (auto v = text("expected_date")) c.expected_birth_date = v;
  if (auto v = text("sex")) c.sex = std::string(sex_code(*v));
  if (auto v = text("ethnicity")) c.ethnicity = v;
  if (auto v = text("upn")) {
    c.upn = v;
    c.upn_unknown.reset();
  }
  if (auto v = text("upn_unknown")) c.upn_unknown = v;
  if (auto v = text("date_of_death")) c.death_date = v;
  if (d.contains("disabilities") && d["disabilities"].is_array()) {
    c.disabilities.clear();
    for (const auto& x : d["disabilities"])
      if (x.is_string()) c.disabilities.push_back(x.get<std::string>());
    if (c.disabilities.empty()) c.disabilities.push_back("NONE");
  }
}

void end_open_plan(census::CinEpisode& e, Date d) {
  if (!e.plans.empty() && !e.plans.back().end) e.plans.back().end = date_text(d);
}

}  // namespace

std::string census_child_id(std::string_view case_id) {
  std::string out;
  for (char ch : case_id)
    if (std::isalnum(static_cast<unsigned char>(ch))) out += ch;
  return out;
}

std::string_view closure_census_reason(std::string_view reason, bool assessed_only) {
  if (reason == "transferred_out" || reason == "moved_away") return "RC5";
  if (reason == "step_down_early_help") return assessed_only ? "RC9" : "RC7";
  return assessed_only ? "RC8" : "RC7";
}

namespace {

// What one event adds to the census's picture of the child.
void take(census::CensusChild& c, const Event& e) {
  const std::string_view type = e.type_id();
  census::CinEpisode* now = c.episodes.empty() ? nullptr : &c.episodes.back();
  if (type == "child_registered") {
    take_details(c, e.body);
  } else if (type == "person_details_changed" && e.string_field("person_id") == "child" &&
             e.body.contains("changes") && e.body["changes"].is_object()) {
    take_details(c, e.body["changes"]);
  } else if (type == "referral_received") {
    census::CinEpisode n;
    n.referral_date = date_text(e.date);
    n.referral_source = text_of(e, "referral_source");
    n.primary_need = text_of(e, "primary_need");
    n.referral_nfa = e.bool_field("no_further_action") ? "1" : "0";
    c.episodes.push_back(std::move(n));
  } else if (!now) {
    return;
  } else if (type == "assessment_completed") {
    census::Assessment a;
    a.start = e.body.contains("started") ? text_of(e, "started") : date_text(e.date);
    a.authorisation = date_text(e.date);
    if (e.body.contains("factors") && e.body["factors"].is_array())
      for (const auto& f : e.body["factors"])
        if (f.is_string()) a.factors.push_back(f.get<std::string>());
    now->assessments.push_back(std::move(a));
  } else if (type == "plan_decided") {
    if (now->plans.empty() || now->plans.back().end)
      now->plans.push_back({date_text(e.date), std::nullopt});
  } else if (type == "section47_started") {
    census::Section47 s;
    s.start = date_text(e.date);
    s.icpc_target = text_of(e, "conference_target");
    now->section47s.push_back(std::move(s));
  } else if (type == "section47_concluded") {
    if (!now->section47s.empty() && !e.bool_field("conference_needed", true))
      now->section47s.back().icpc_not_required = "1";
  } else if (type == "initial_conference_held") {
    if (!now->section47s.empty())
      now->section47s.back().date_of_icpc = date_text(e.date);
    else
      now->date_of_initial_cpc = date_text(e.date);
  } else if (type == "child_protection_plan_started") {
    end_open_plan(*now, e.date);
    census::ChildProtectionPlan p;
    p.start = date_text(e.date);
    p.initial_category = text_of(e, "category");
    p.latest_category = p.initial_category;
    p.number_of_previous = std::to_string(e.body.value("previous_plans", 0));
    now->protection_plans.push_back(std::move(p));
  } else if (type == "child_protection_plan_reviewed") {
    if (now->protection_plans.empty()) return;
    auto& p = now->protection_plans.back();
    p.reviews.push_back(date_text(e.date));
    if (auto category = text_of(e, "category")) p.latest_category = category;
  } else if (type == "child_protection_plan_ended") {
    if (!now->protection_plans.empty() && !now->protection_plans.back().end)
      now->protection_plans.back().end = date_text(e.date);
  } else if (type == "stepped_up") {
    end_open_plan(*now, e.date);
  } else if (type == "closed" || type == "transferred_out") {
    end_open_plan(*now, e.date);
    if (now->closure_date) return;
    now->closure_date = date_text(e.date);
    if (auto rc = text_of(e, "census_reason")) {
      now->reason_for_closure = rc;
    } else {
      const bool assessed_only = now->plans.empty() && now->protection_plans.empty();
      now->reason_for_closure = std::string(closure_census_reason(
          type == "closed" ? e.string_field("reason") : "transferred_out", assessed_only));
    }
  }
}

}  // namespace

census::CensusChild census_child(std::string_view case_id, const CaseHistory& history) {
  census::CensusChild c;
  c.la_child_id = census_child_id(case_id);
  if (auto corrected = CorrectedRecord::of(history)) {
    for (const auto& entry : corrected->entries()) take(c, *entry.event);
  } else {
    for (const Event& e : history.events)
      if (e.type_id() != "event_corrected") take(c, e);
  }
  return c;
}

census::CensusChild census_year_of(census::CensusChild child, const census::CensusPeriod& p) {
  const auto on_or_after_start = [&](const census::Text& t) {
    const auto d = census::date_of(t);
    return !d || *d >= p.start;
  };
  const auto by_end = [&](const census::Text& t) {
    const auto d = census::date_of(t);
    return !d || *d <= p.end;
  };
  std::vector<census::CinEpisode> kept;
  for (census::CinEpisode& e : child.episodes) {
    if (!on_or_after_start(e.closure_date) || !by_end(e.referral_date)) continue;
    std::erase_if(e.assessments, [&](const census::Assessment& a) {
      return !on_or_after_start(a.authorisation) || !by_end(a.start);
    });
    std::erase_if(e.plans, [&](const census::CinPlanDates& x) {
      return !on_or_after_start(x.end) || !by_end(x.start);
    });
    std::erase_if(e.section47s, [&](const census::Section47& x) {
      const bool done = x.date_of_icpc || x.icpc_not_required;
      return (done && !on_or_after_start(x.date_of_icpc) && !on_or_after_start(x.start)) ||
             !by_end(x.start);
    });
    if (!on_or_after_start(e.date_of_initial_cpc) || !by_end(e.date_of_initial_cpc))
      e.date_of_initial_cpc.reset();
    std::erase_if(e.protection_plans, [&](const census::ChildProtectionPlan& x) {
      return !on_or_after_start(x.end) || !by_end(x.start);
    });
    for (census::ChildProtectionPlan& x : e.protection_plans)
      std::erase_if(x.reviews,
                    [&](const census::Text& r) { return !on_or_after_start(r) || !by_end(r); });
    // What happened after the reference date is not in this year's return.
    if (!by_end(e.closure_date)) {
      e.closure_date.reset();
      e.reason_for_closure.reset();
    }
    for (census::CinPlanDates& x : e.plans)
      if (!by_end(x.end)) x.end.reset();
    for (census::ChildProtectionPlan& x : e.protection_plans)
      if (!by_end(x.end)) x.end.reset();
    for (census::Assessment& x : e.assessments)
      if (!by_end(x.authorisation)) {
        x.authorisation.reset();
        x.factors.clear();
      }
    kept.push_back(std::move(e));
  }
  child.episodes = std::move(kept);
  return child;
}

}  // namespace cinplan::app
