// The DfE rules of the ChildProtectionPlans module that look at a plan's own
// fields and at its episode. Each reads the plans as the public CIN census
// validator (data-to-insight/csc-validator-be-cin) does, so that a return
// gets the same count of findings from both; where that reading differs from
// the DfE's specification sentence, the rule's comment says so.
//
// As in the validator, a date that cannot be read counts as absent, and the
// census year runs from the previous reference date (31 March a year
// before) to the reference date, both days counted.
#include "core/census/rules_protection_plans.h"

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/census/census_words.h"

namespace cinplan::census {
namespace {

using Day = std::optional<Date>;

bool in_census_year(const CensusContext& ctx, Date d) {
  return add_months(ctx.period.end, -12) <= d && d <= ctx.period.end;
}

std::string both(std::string a, const std::string& b) {
  return std::move(a) + ", " + b;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

// 1105: a plan cannot start before the referral of its episode. One finding
// per start and referral date, whichever episodes they are in.
void check_1105(const CensusContext&, const CensusChild& child, Failures& out) {
  std::set<std::pair<Date, Date>> seen;
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    const Day referral = date_of(e.referral_date);
    for (std::size_t k = 0; k < e.protection_plans.size(); ++k) {
      const Day start = date_of(e.protection_plans[k].start);
      if (referral && start && *start < *referral && seen.insert({*start, *referral}).second)
        out.push_back({protection_plan_words(e, i, k),
                       both(value_words("CPPstartDate", e.protection_plans[k].start),
                            value_words("CINreferralDate", e.referral_date))});
    }
  }
}

// 2885: a plan starting in the census year should start on the day of an
// initial conference: one of its episode's section 47 enquiries' conferences
// or, when the episode has no enquiry at all, the episode's own conference.
// As the validator counts it, each such plan that does not (one per start
// date) is a finding, and an episode where no plan starts on a conference is
// a second finding, on the conferences that no plan follows.
void check_2885(const CensusContext& ctx, const CensusChild& child, Failures& out) {
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    std::set<Date> conferences;
    std::vector<std::string> listed;
    const bool on_enquiries = !e.section47s.empty();
    if (on_enquiries) {
      for (const Section47& s : e.section47s)
        if (const Day d = date_of(s.date_of_icpc)) {
          conferences.insert(*d);
          listed.push_back(*s.date_of_icpc);
        }
    } else if (const Day d = date_of(e.date_of_initial_cpc)) {
      conferences.insert(*d);
      listed.push_back(*e.date_of_initial_cpc);
    }
    const std::string held = std::string(on_enquiries ? "section 47 " : "") + "DateOfInitialCPC " +
                             (listed.empty() ? "missing" : joined(listed));
    bool in_year = false, any_on_conference = false;
    std::set<Date> seen;
    for (std::size_t k = 0; k < e.protection_plans.size(); ++k) {
      const Day start = date_of(e.protection_plans[k].start);
      if (!start || !in_census_year(ctx, *start)) continue;
      in_year = true;
      if (conferences.contains(*start)) {
        any_on_conference = true;
      } else if (seen.insert(*start).second) {
        out.push_back({protection_plan_words(e, i, k),
                       both(value_words("CPPstartDate", e.protection_plans[k].start), held)});
      }
    }
    if (in_year && !any_on_conference)
      out.push_back(
          {episode_words(e, i), held + ": no child protection plan starts on a conference day"});
  }
}

// 8565: when an episode is closed, none of these may come after the closure:
// its conference date, its assessments' start and authorisation dates, its
// enquiries' start and conference dates, its plans' end dates, its CIN
// plans' start and end dates. One finding per episode. (The validator
// compares plan end dates with a fixed row of its own tests instead of the
// return's plans, so it never finds a late CPPendDate; the DfE's reading is
// kept here.)
void check_8565(const CensusContext&, const CensusChild& child, Failures& out) {
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    const Day closure = date_of(e.closure_date);
    if (!closure) continue;
    std::vector<std::string> later;
    const auto note = [&](std::string_view element, const Text& t) {
      if (const Day d = date_of(t); d && *closure < *d) later.push_back(value_words(element, t));
    };
    note("DateOfInitialCPC", e.date_of_initial_cpc);
    for (const Assessment& a : e.assessments) {
      note("AssessmentActualStartDate", a.start);
      note("AssessmentAuthorisationDate", a.authorisation);
    }
    for (const Section47& s : e.section47s) {
      note("S47ActualStartDate", s.start);
      note("DateOfInitialCPC", s.date_of_icpc);
    }
    for (const ChildProtectionPlan& p : e.protection_plans) note("CPPendDate", p.end);
    for (const CinPlanDates& p : e.plans) {
      note("CINPlanStartDate", p.start);
      note("CINPlanEndDate", p.end);
    }
    if (!later.empty())
      out.push_back({episode_words(e, i),
                     value_words("CINclosureDate", e.closure_date) + ", later " + joined(later)});
  }
}

// 8720: every plan must have a start date, on or before the reference date.
// One finding per plan.
void check_8720(const CensusContext& ctx, const CensusChild& child, Failures& out) {
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    for (std::size_t k = 0; k < e.protection_plans.size(); ++k) {
      const Day start = date_of(e.protection_plans[k].start);
      if (!start || *start > ctx.period.end)
        out.push_back({protection_plan_words(e, i, k),
                       value_words("CPPstartDate", e.protection_plans[k].start) +
                           (start ? " (after " + ctx.period.end.to_string() + ")" : "")});
    }
  }
}

// A whole number of zero or more, as NumberOfPreviousCPP must be.
bool is_count(const Text& t) {
  if (!t) return false;
  std::string_view v = *t;
  if (!v.empty() && v.front() == '+') v.remove_prefix(1);
  if (v.empty()) return false;
  for (char c : v)
    if (c < '0' || c > '9') return false;
  return true;
}

// 8730: every plan must give the number of previous plans, zero or more.
// One finding per plan. (Text that is not a number at all is a finding too:
// it is not a count of zero or more.)
void check_8730(const CensusContext&, const CensusChild& child, Failures& out) {
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    for (std::size_t k = 0; k < e.protection_plans.size(); ++k)
      if (!is_count(e.protection_plans[k].number_of_previous))
        out.push_back(
            {protection_plan_words(e, i, k),
             value_words("NumberOfPreviousCPP", e.protection_plans[k].number_of_previous)});
  }
}

// 8832: an episode whose referral led to no further action (ReferralNFA
// true or 1) can have no child protection plan. One finding per episode.
void check_8832(const CensusContext&, const CensusChild& child, Failures& out) {
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    if (!e.referral_nfa || e.protection_plans.empty()) continue;
    std::string nfa = *e.referral_nfa;
    for (char& c : nfa)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (nfa == "true" || nfa == "1")
      out.push_back({episode_words(e, i), value_words("ReferralNFA", e.referral_nfa) + ", " +
                                              std::to_string(e.protection_plans.size()) +
                                              " child protection plan(s)"});
  }
}

// 8840: a plan cannot start and end on the same day. One finding per start
// and end date.
void check_8840(const CensusContext&, const CensusChild& child, Failures& out) {
  std::set<Date> seen;
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    for (std::size_t k = 0; k < e.protection_plans.size(); ++k) {
      const ChildProtectionPlan& p = e.protection_plans[k];
      const Day start = date_of(p.start);
      if (start && start == date_of(p.end) && seen.insert(*start).second)
        out.push_back({protection_plan_words(e, i, k), both(value_words("CPPstartDate", p.start),
                                                            value_words("CPPendDate", p.end))});
    }
  }
}

// 8905 and 8910: a plan's category of abuse must be given and be in the
// code set. One finding per plan.
void check_category(const CensusContext& ctx, const CensusChild& child, Failures& out,
                    Text ChildProtectionPlan::*category, std::string_view element) {
  for (std::size_t i = 0; i < child.episodes.size(); ++i) {
    const CinEpisode& e = child.episodes[i];
    for (std::size_t k = 0; k < e.protection_plans.size(); ++k) {
      const Text& code = e.protection_plans[k].*category;
      if (!code || !ctx.codes.category_of_abuse.contains(*code))
        out.push_back({protection_plan_words(e, i, k), value_words(element, code)});
    }
  }
}

void check_8905(const CensusContext& ctx, const CensusChild& child, Failures& out) {
  check_category(ctx, child, out, &ChildProtectionPlan::initial_category, "InitialCategoryOfAbuse");
}

void check_8910(const CensusContext& ctx, const CensusChild& child, Failures& out) {
  check_category(ctx, child, out, &ChildProtectionPlan::latest_category, "LatestCategoryOfAbuse");
}

constexpr CensusRule kRules[] = {
    {"1105", Severity::kError, "ChildProtectionPlans",
     "The child protection plan start date cannot be before the referral date",
     "CPPstartDate, CINreferralDate", check_1105},
    // A rule of the whole return: see ConferenceTally.
    {"2883", Severity::kError, "ChildProtectionPlans",
     "There are more child protection plans starting than initial conferences taking place",
     "CPPstartDate, DateOfInitialCPC"},
    {"2885", Severity::kError, "ChildProtectionPlans",
     "Child protection plan shown as starting a different day to the initial child protection "
     "conference.",
     "CPPstartDate, DateOfInitialCPC", check_2885},
    {"8565", Severity::kError, "ChildProtectionPlans",
     "Activity shown after a case has been closed",
     "CINclosureDate, DateOfInitialCPC, AssessmentActualStartDate, AssessmentAuthorisationDate, "
     "S47ActualStartDate, CPPendDate, CINPlanStartDate, CINPlanEndDate",
     check_8565},
    {"8720", Severity::kError, "ChildProtectionPlans",
     "Child Protection Plan Start Date missing or out of data collection period",
     "CPPstartDate, ReferenceDate", check_8720},
    {"8730", Severity::kError, "ChildProtectionPlans",
     "Total Number of previous Child Protection Plans missing", "NumberOfPreviousCPP", check_8730},
    {"8832", Severity::kError, "ChildProtectionPlans",
     "Child Protection details provided for a referral with no further action.",
     "CINdetailsID_cpp, ReferralNFA", check_8832},
    {"8840", Severity::kError, "ChildProtectionPlans",
     "Child Protection Plan cannot start and end on the same day",
     "ChildProtectionPlans, CPPstartDate, CPPendDate", check_8840},
    {"8905", Severity::kError, "ChildProtectionPlans",
     "Initial Category of Abuse code missing or invalid (see Category of Abuse table in CIN "
     "Census code set)",
     "InitialCategoryOfAbuse", check_8905},
    {"8910", Severity::kError, "ChildProtectionPlans",
     "Latest Category of Abuse code missing or invalid (see Category of Abuse table in CIN "
     "Census code set)",
     "LatestCategoryOfAbuse", check_8910},
};

}  // namespace

void ConferenceTally::add(const CensusContext& ctx, const CensusChild& child) {
  const auto in_year = [&](const Text& t) {
    const Day d = date_of(t);
    return d && in_census_year(ctx, *d);
  };
  for (const CinEpisode& e : child.episodes) {
    if (in_year(e.date_of_initial_cpc)) ++episode_conferences_;
    for (const Section47& s : e.section47s)
      if (in_year(s.date_of_icpc)) ++enquiry_conferences_;
    for (const ChildProtectionPlan& p : e.protection_plans)
      if (in_year(p.start)) ++plans_started_;
  }
}

std::optional<Failure> ConferenceTally::failure() const {
  if (plans_started_ <= conferences()) return std::nullopt;
  return Failure{"ChildProtectionPlans",
                 std::to_string(plans_started_) +
                     " child protection plans started in the census year, " +
                     std::to_string(conferences()) + " initial conferences held (" +
                     std::to_string(episode_conferences_) + " on CIN details, " +
                     std::to_string(enquiry_conferences_) + " on section 47 enquiries)"};
}

std::span<const CensusRule> protection_plan_rules() {
  static const std::vector<CensusRule> all = [] {
    std::vector<CensusRule> out(std::begin(kRules), std::end(kRules));
    for (const CensusRule& r : protection_plan_date_rules()) out.push_back(r);
    return out;
  }();
  return all;
}

}  // namespace cinplan::census
