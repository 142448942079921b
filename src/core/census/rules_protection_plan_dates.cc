// The DfE rules that set a child protection plan's dates against the child's
// other records (date of death, the census year, the child's other plans)
// and the rules of its reviews. Each reads the plans as the public CIN
// census validator (data-to-insight/csc-validator-be-cin) does, so that a
// return gets the same count of findings from both; where that reading
// differs from the DfE's specification sentence, the rule's comment says so.
//
// The validator numbers a child's plans afresh in each episode (the first
// plan of every episode is plan 1) and some rules match plans by that number
// alone; those rules say so. As in the validator, a date that cannot be read
// counts as absent, and the census year runs from the previous reference
// date (31 March a year before) to the reference date, both days counted.
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/census/census_words.h"
#include "core/census/rules_protection_plans.h"

namespace cinplan::census {
namespace {

using Day = std::optional<Date>;

std::string both(std::string a, const std::string& b) {
  return std::move(a) + ", " + b;
}

std::string review_words(const CinEpisode& e, std::size_t episode, std::size_t plan,
                         std::size_t review) {
  const Text& date = e.protection_plans[plan].reviews[review];
  return protection_plan_words(e, episode, plan) + ", review " +
         (date ? *date : std::to_string(review + 1));
}

// Calls f(episode, episode index, plan index) for every plan of the child.
template <typename F>
void each_plan(const CensusChild& child, F f) {
  for (std::size_t i = 0; i < child.episodes.size(); ++i)
    for (std::size_t k = 0; k < child.episodes[i].protection_plans.size(); ++k)
      f(child.episodes[i], i, k);
}

// 8841: no review of a plan may be on or before the plan's start. One
// finding per start and review date.
void check_8841(const CensusContext&, const CensusChild& child, Failures& out) {
  std::set<std::pair<Date, Date>> seen;
  each_plan(child, [&](const CinEpisode& e, std::size_t i, std::size_t k) {
    const ChildProtectionPlan& p = e.protection_plans[k];
    const Day start = date_of(p.start);
    for (std::size_t r = 0; r < p.reviews.size(); ++r) {
      const Day review = date_of(p.reviews[r]);
      if (start && review && *review <= *start && seen.insert({*start, *review}).second)
        out.push_back({review_words(e, i, k, r), both(value_words("CPPreviewDate", p.reviews[r]),
                                                      value_words("CPPstartDate", p.start))});
    }
  });
}

// 8915 and 8920: a plan can neither start nor end after the child's death.
// One finding per start (or end) date.
void check_after_death(const CensusChild& child, Failures& out, Text ChildProtectionPlan::*date,
                       std::string_view element) {
  const Day death = date_of(child.death_date);
  if (!death) return;
  std::set<Date> seen;
  each_plan(child, [&](const CinEpisode& e, std::size_t i, std::size_t k) {
    const Text& text = e.protection_plans[k].*date;
    const Day d = date_of(text);
    if (d && *d > *death && seen.insert(*d).second)
      out.push_back(
          {protection_plan_words(e, i, k),
           both(value_words(element, text), value_words("PersonDeathDate", child.death_date))});
  });
}

void check_8915(const CensusContext&, const CensusChild& child, Failures& out) {
  check_after_death(child, out, &ChildProtectionPlan::start, "CPPstartDate");
}

void check_8920(const CensusContext&, const CensusChild& child, Failures& out) {
  check_after_death(child, out, &ChildProtectionPlan::end, "CPPendDate");
}

// 8925: a plan cannot end before it starts. One finding per start and end.
void check_8925(const CensusContext&, const CensusChild& child, Failures& out) {
  std::set<std::pair<Date, Date>> seen;
  each_plan(child, [&](const CinEpisode& e, std::size_t i, std::size_t k) {
    const ChildProtectionPlan& p = e.protection_plans[k];
    const Day start = date_of(p.start), end = date_of(p.end);
    if (start && end && *end < *start && seen.insert({*start, *end}).second)
      out.push_back({protection_plan_words(e, i, k),
                     both(value_words("CPPendDate", p.end), value_words("CPPstartDate", p.start))});
  });
}

// 8930: a plan's end date, when given, must fall in the census year. One
// finding per plan.
void check_8930(const CensusContext& ctx, const CensusChild& child, Failures& out) {
  const Date first = add_months(ctx.period.end, -12);
  each_plan(child, [&](const CinEpisode& e, std::size_t i, std::size_t k) {
    const Day end = date_of(e.protection_plans[k].end);
    if (end && (*end < first || *end > ctx.period.end))
      out.push_back({protection_plan_words(e, i, k),
                     value_words("CPPendDate", e.protection_plans[k].end) + " (census year " +
                         first.to_string() + " to " + ctx.period.end.to_string() + ")"});
  });
}

// 8935: a child may have only one plan with no end date. The validator
// counts open plans by their number within the episode: two open first
// plans (in two episodes) are a finding, two open plans of one episode are
// not. That reading is kept here: one finding per plan number.
void check_8935(const CensusContext&, const CensusChild& child, Failures& out) {
  std::map<std::size_t, std::vector<std::pair<std::size_t, std::size_t>>> open;
  each_plan(child, [&](const CinEpisode& e, std::size_t i, std::size_t k) {
    if (!date_of(e.protection_plans[k].end)) open[k].push_back({i, k});
  });
  for (const auto& [number, plans] : open) {
    if (plans.size() < 2) continue;
    std::string others;
    for (std::size_t n = 1; n < plans.size(); ++n)
      others += (n > 1 ? "; " : "") + protection_plan_words(child.episodes[plans[n].first],
                                                            plans[n].first, plans[n].second);
    const auto [i, k] = plans.front();
    out.push_back(
        {protection_plan_words(child.episodes[i], i, k), "CPPendDate missing, as on " + others});
  }
}

// 8940: no plan may start on or between the start and end of another plan
// of the child (or its start and the reference date, when it has no end).
// The validator compares plans across all the child's episodes but never two
// with the same number within their episodes, and counts one finding per
// pair of plan numbers; that reading is kept here.
void check_8940(const CensusContext& ctx, const CensusChild& child, Failures& out) {
  std::set<std::pair<std::size_t, std::size_t>> seen;
  each_plan(child, [&](const CinEpisode& e, std::size_t i, std::size_t k) {
    const Day start = date_of(e.protection_plans[k].start);
    if (!start) return;
    each_plan(child, [&](const CinEpisode& oe, std::size_t oi, std::size_t ok) {
      const ChildProtectionPlan& other = oe.protection_plans[ok];
      const Day other_start = date_of(other.start), other_end = date_of(other.end);
      if (ok == k || !other_start || *start < *other_start) return;
      if (*start > (other_end ? *other_end : ctx.period.end)) return;
      if (!seen.insert({k, ok}).second) return;
      out.push_back({protection_plan_words(e, i, k),
                     value_words("CPPstartDate", e.protection_plans[k].start) + " within " +
                         protection_plan_words(oe, oi, ok) + " to " +
                         (other_end ? *other.end : "the reference date")});
    });
  });
}

// 4003: no review may fall on or after the start and before the end of a
// CIN plan, unless the review is on the plan's end date. As the validator
// reads it: CIN plans of any of the child's episodes count; only CIN plans
// with an end date, and only plans with an end date, are compared; and a
// review is set against every plan with the same number as its own plan
// (its own, and the plans of that number in the child's other episodes).
// One finding per review date.
void check_4003(const CensusContext&, const CensusChild& child, Failures& out) {
  // The first CIN plan, of any episode, with both dates and the day inside.
  const auto cin_plan_around = [&](Date day) -> std::optional<std::pair<std::size_t, std::size_t>> {
    for (std::size_t ci = 0; ci < child.episodes.size(); ++ci)
      for (std::size_t n = 0; n < child.episodes[ci].plans.size(); ++n) {
        const CinPlanDates& cin = child.episodes[ci].plans[n];
        const Day from = date_of(cin.start), to = date_of(cin.end);
        if (from && to && *from <= day && day < *to) return std::pair{ci, n};
      }
    return std::nullopt;
  };
  std::set<Date> seen;
  each_plan(child, [&](const CinEpisode& pe, std::size_t, std::size_t k) {
    const Day plan_end = date_of(pe.protection_plans[k].end);
    if (!plan_end) return;
    each_plan(child, [&](const CinEpisode& re, std::size_t ri, std::size_t rk) {
      if (rk != k) return;
      const ChildProtectionPlan& reviewed = re.protection_plans[rk];
      for (std::size_t r = 0; r < reviewed.reviews.size(); ++r) {
        const Day review = date_of(reviewed.reviews[r]);
        if (!review || *review == *plan_end || seen.contains(*review)) continue;
        const auto around = cin_plan_around(*review);
        if (!around) continue;
        seen.insert(*review);
        const CinEpisode& ce = child.episodes[around->first];
        const CinPlanDates& cin = ce.plans[around->second];
        out.push_back({review_words(re, ri, rk, r),
                       value_words("CPPreviewDate", reviewed.reviews[r]) + " during " +
                           plan_words(ce, around->first, around->second) + " to " + *cin.end +
                           ", " + value_words("CPPendDate", pe.protection_plans[k].end)});
      }
    });
  });
}

// 8842Q: every review should have a date. One finding per review.
void check_8842Q(const CensusContext&, const CensusChild& child, Failures& out) {
  each_plan(child, [&](const CinEpisode& e, std::size_t i, std::size_t k) {
    const ChildProtectionPlan& p = e.protection_plans[k];
    for (std::size_t r = 0; r < p.reviews.size(); ++r)
      if (!date_of(p.reviews[r]))
        out.push_back({review_words(e, i, k, r), value_words("CPPreviewDate", p.reviews[r])});
  });
}

constexpr CensusRule kRules[] = {
    {"8841", Severity::kError, "ChildProtectionPlans",
     "The review date cannot be on the same day or before the Child protection Plan start date.",
     "CPPstartDate, CPPreviewDate", check_8841},
    {"8915", Severity::kError, "ChildProtectionPlans",
     "Child Protection Plan shown as starting after the child’s Date of Death",
     "CPPstartDate, PersonDeathDate", check_8915},
    {"8920", Severity::kError, "ChildProtectionPlans",
     "Child Protection Plan cannot end after the child’s Date of Death",
     "PersonDeathDate, CPPendDate", check_8920},
    {"8925", Severity::kError, "ChildProtectionPlans",
     "Child Protection Plan End Date earlier than Start Date", "CPPstartDate, CPPendDate",
     check_8925},
    {"8930", Severity::kError, "ChildProtectionPlans",
     "Child Protection Plan End Date must fall within the census year", "CPPendDate, ReferenceDate",
     check_8930},
    {"8935", Severity::kError, "ChildProtectionPlans",
     "This child is showing more than one open Child Protection plan, i.e. with no End Date",
     "CPPendDate", check_8935},
    {"8940", Severity::kError, "ChildProtectionPlans",
     "Child Protection Plan data contains overlapping dates", "CPPstartDate, CPPendDate",
     check_8940},
    {"4003", Severity::kError, "Reviews",
     "A CPP review date is shown as being held at the same time as an open CIN Plan.",
     "CINPlanStartDate, CINPlanEndDate, CPPreviewDate", check_4003},
    {"8842Q", Severity::kQuery, "Reviews",
     "Please check and either amend or provide a reason: Review Record has a missing date",
     "CPPreviewDate", check_8842Q},
};

}  // namespace

std::span<const CensusRule> protection_plan_date_rules() {
  return kRules;
}

}  // namespace cinplan::census
