// The DfE's rules of the CINplanDates module: when a child in need plan may
// start and end, and how it sits beside the child's other CIN plans and child
// protection plans. Each rule reads as the public DfE validator
// (data-to-insight csc-validator-be-cin, rule set cin2025_26) applies it, so
// that a return gives the same counts here as there; where that reading
// departs from the DfE's sentence, the rule's comment says how.
//
// Counting: the validator names each finding by the child and the values that
// failed (for example a plan's start and end), and two records of one child
// that fail with the same values are one finding. The rules below keep that
// count with Findings.
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/census/census_rules.h"
#include "core/census/census_words.h"

namespace cinplan::census {
namespace {

// One Failure per distinct identity within the child.
class Findings {
 public:
  explicit Findings(Failures& out) : out_(out) {}
  void add(const std::string& identity, std::string where, std::string values) {
    if (seen_.insert(identity).second) out_.push_back({std::move(where), std::move(values)});
  }

 private:
  Failures& out_;
  std::set<std::string> seen_;
};

std::string key(const std::optional<Date>& d) {
  return d ? d->to_string() : "none";
}

std::string plan_dates_words(const CinPlanDates& p) {
  return value_words("CINPlanStartDate", p.start) + ", " + value_words("CINPlanEndDate", p.end);
}

std::string protection_plan_dates_words(const ChildProtectionPlan& p) {
  return value_words("CPPstartDate", p.start) + ", " + value_words("CPPendDate", p.end);
}

// Calls f(episode, episode index, plan, plan index) for each CIN plan of the
// child, in file order.
template <typename F>
void each_plan(const CensusChild& child, F&& f) {
  for (std::size_t ei = 0; ei < child.episodes.size(); ++ei) {
    const CinEpisode& e = child.episodes[ei];
    for (std::size_t pi = 0; pi < e.plans.size(); ++pi) f(e, ei, e.plans[pi], pi);
  }
}

// Whether `day` falls in a period that starts on `from` and runs until `to`
// (or, when `to` is missing, until the reference date). `to` itself counts
// when `to_included`.
bool within(Date day, Date from, const std::optional<Date>& to, Date reference_date,
            bool to_included) {
  if (day < from) return false;
  if (!to) return day <= reference_date;
  return to_included ? day <= *to : day < *to;
}

// 4000: a referral taken no further (ReferralNFA true) has no CIN plan. One
// finding per such episode, however many plans it holds.
void check_4000(const CensusContext&, const CensusChild& child, Failures& out) {
  for (std::size_t ei = 0; ei < child.episodes.size(); ++ei) {
    const CinEpisode& e = child.episodes[ei];
    if (flag_of(e.referral_nfa) == true && !e.plans.empty())
      out.push_back({episode_words(e, ei), value_words("ReferralNFA", e.referral_nfa) + ", " +
                                               std::to_string(e.plans.size()) + " CIN plan(s)"});
  }
}

// 4001: within one episode, an open child protection plan (no end date) and an
// open CIN plan (a start but no end date) cannot both be present. One
// finding per episode.
void check_4001(const CensusContext&, const CensusChild& child, Failures& out) {
  for (std::size_t ei = 0; ei < child.episodes.size(); ++ei) {
    const CinEpisode& e = child.episodes[ei];
    const ChildProtectionPlan* open_cpp = nullptr;
    for (const ChildProtectionPlan& p : e.protection_plans)
      if (!open_cpp && !date_of(p.end)) open_cpp = &p;
    const CinPlanDates* open_plan = nullptr;
    for (const CinPlanDates& p : e.plans)
      if (!open_plan && date_of(p.start) && !date_of(p.end)) open_plan = &p;
    if (open_cpp && open_plan)
      out.push_back({episode_words(e, ei), plan_dates_words(*open_plan) +
                                               "; child protection plan " +
                                               protection_plan_dates_words(*open_cpp)});
  }
}

// 4004: no more than one CIN plan without an end date. The message speaks of
// the child, but the validator counts within each episode: one finding per
// episode holding two or more open plans.
void check_4004(const CensusContext&, const CensusChild& child, Failures& out) {
  for (std::size_t ei = 0; ei < child.episodes.size(); ++ei) {
    const CinEpisode& e = child.episodes[ei];
    int open = 0;
    for (const CinPlanDates& p : e.plans)
      if (!date_of(p.end)) ++open;
    if (open > 1)
      out.push_back(
          {episode_words(e, ei), std::to_string(open) + " CIN plans without CINPlanEndDate"});
  }
}

// 4010: every CIN plan has a readable start on or before the reference date
// (a start before the census year is allowed). Each plan is a finding.
void check_4010(const CensusContext& ctx, const CensusChild& child, Failures& out) {
  each_plan(child, [&](const CinEpisode& e, std::size_t ei, const CinPlanDates& p, std::size_t pi) {
    const auto start = date_of(p.start);
    if (!start || *start > ctx.period.end)
      out.push_back({plan_words(e, ei, pi), value_words("CINPlanStartDate", p.start) +
                                                ", ReferenceDate " + ctx.period.end.to_string()});
  });
}

// 4011: a CIN plan's end, where given, is on or after its start.
void check_4011(const CensusContext&, const CensusChild& child, Failures& out) {
  Findings found(out);
  each_plan(child, [&](const CinEpisode& e, std::size_t ei, const CinPlanDates& p, std::size_t pi) {
    const auto start = date_of(p.start);
    const auto end = date_of(p.end);
    if (start && end && *end < *start)
      found.add(key(end) + "|" + key(start), plan_words(e, ei, pi), plan_dates_words(p));
  });
}

// 4012Q: a CIN plan should not start and end on the same day.
void check_4012Q(const CensusContext&, const CensusChild& child, Failures& out) {
  Findings found(out);
  each_plan(child, [&](const CinEpisode& e, std::size_t ei, const CinPlanDates& p, std::size_t pi) {
    const auto start = date_of(p.start);
    const auto end = date_of(p.end);
    if (start && end && *end == *start)
      found.add(key(start), plan_words(e, ei, pi), plan_dates_words(p));
  });
}

// 4013: a CIN plan's end, where given, lies in the census year (both ends
// included). Each plan is a finding.
void check_4013(const CensusContext& ctx, const CensusChild& child, Failures& out) {
  each_plan(child, [&](const CinEpisode& e, std::size_t ei, const CinPlanDates& p, std::size_t pi) {
    const auto end = date_of(p.end);
    if (end && !ctx.period.contains(*end))
      out.push_back({plan_words(e, ei, pi), value_words("CINPlanEndDate", p.end) +
                                                ", census year " + ctx.period.start.to_string() +
                                                " to " + ctx.period.end.to_string()});
  });
}

// 4014: a CIN plan must not start on or between the start and end of another
// CIN plan (or its start and the reference date, when it has no end). The
// validator compares all the child's plans, across episodes, and names a
// finding by the two start dates; two plans starting on the same day overlap
// each other and make one finding.
void check_4014(const CensusContext& ctx, const CensusChild& child, Failures& out) {
  struct Dated {
    const CinEpisode* episode;
    std::size_t ei, pi;
    Date start;
    std::optional<Date> end;
  };
  std::vector<Dated> plans;
  each_plan(child, [&](const CinEpisode& e, std::size_t ei, const CinPlanDates& p, std::size_t pi) {
    if (const auto start = date_of(p.start)) plans.push_back({&e, ei, pi, *start, date_of(p.end)});
  });
  Findings found(out);
  for (std::size_t i = 0; i < plans.size(); ++i)
    for (std::size_t j = 0; j < plans.size(); ++j) {
      const Dated& a = plans[i];
      const Dated& b = plans[j];
      if (i == j || !within(a.start, b.start, b.end, ctx.period.end, true)) continue;
      const CinPlanDates& other = b.episode->plans[b.pi];
      found.add(key(a.start) + "|" + key(b.start), plan_words(*a.episode, a.ei, a.pi),
                value_words("CINPlanStartDate", a.episode->plans[a.pi].start) +
                    ", within the CIN plan " + plan_dates_words(other));
    }
}

// 4015: a CIN plan starts on or after its episode's referral.
void check_4015(const CensusContext&, const CensusChild& child, Failures& out) {
  Findings found(out);
  each_plan(child, [&](const CinEpisode& e, std::size_t ei, const CinPlanDates& p, std::size_t pi) {
    const auto start = date_of(p.start);
    const auto referral = date_of(e.referral_date);
    if (start && referral && *start < *referral)
      found.add(key(start) + "|" + key(referral), plan_words(e, ei, pi),
                value_words("CINPlanStartDate", p.start) + ", " +
                    value_words("CINreferralDate", e.referral_date));
  });
}

// 4016: a CIN plan must not start while a child protection plan is open: on
// or after the CPP's start and before its end (starting on the CPP's end day
// is allowed), or up to the reference date when the CPP has no end. The
// validator compares against the child's CPPs in every episode and names a
// finding by the CIN plan's start.
void check_4016(const CensusContext& ctx, const CensusChild& child, Failures& out) {
  Findings found(out);
  each_plan(child, [&](const CinEpisode& e, std::size_t ei, const CinPlanDates& p, std::size_t pi) {
    const auto start = date_of(p.start);
    if (!start) return;
    for (const CinEpisode& other : child.episodes)
      for (const ChildProtectionPlan& cpp : other.protection_plans) {
        const auto cpp_start = date_of(cpp.start);
        if (cpp_start && within(*start, *cpp_start, date_of(cpp.end), ctx.period.end, false)) {
          found.add(key(start), plan_words(e, ei, pi),
                    value_words("CINPlanStartDate", p.start) +
                        ", during the child protection plan " + protection_plan_dates_words(cpp));
          return;
        }
      }
  });
}

// 4017: a child protection plan must not start while a CIN plan is open: on
// or after the CIN plan's start and before its end (starting on the CIN
// plan's end day is allowed), or up to the reference date when the CIN plan
// has no end. Compared across all the child's episodes; a finding is named
// by the CPP's start.
void check_4017(const CensusContext& ctx, const CensusChild& child, Failures& out) {
  Findings found(out);
  for (std::size_t ei = 0; ei < child.episodes.size(); ++ei) {
    const CinEpisode& e = child.episodes[ei];
    for (std::size_t ci = 0; ci < e.protection_plans.size(); ++ci) {
      const ChildProtectionPlan& cpp = e.protection_plans[ci];
      const auto cpp_start = date_of(cpp.start);
      if (!cpp_start) continue;
      bool reported = false;
      each_plan(child, [&](const CinEpisode&, std::size_t, const CinPlanDates& p, std::size_t) {
        const auto start = date_of(p.start);
        if (reported || !start ||
            !within(*cpp_start, *start, date_of(p.end), ctx.period.end, false))
          return;
        found.add(key(cpp_start), protection_plan_words(e, ei, ci),
                  value_words("CPPstartDate", cpp.start) + ", during the CIN plan " +
                      plan_dates_words(p));
        reported = true;
      });
    }
  }
}

constexpr CensusRule kRules[] = {
    {"4000", Severity::kError, "CINplanDates",
     "CIN Plan details provided for a referral with no further action", "ReferralNFA", check_4000},
    {"4001", Severity::kError, "CINplanDates",
     "A CIN Plan cannot run concurrently with a Child Protection Plan",
     "CINPlanEndDate, CPPendDate", check_4001},
    {"4004", Severity::kError, "CINplanDates",
     "This child is showing more than one open CIN Plan, i.e. with no End Date", "CINPlanEndDate",
     check_4004},
    {"4010", Severity::kError, "CINplanDates",
     "CIN Plan start date is missing or out of data collection period", "CINPlanStartDate",
     check_4010},
    {"4011", Severity::kError, "CINplanDates", "CIN Plan End Date earlier than Start Date",
     "CINPlanEndDate, CINPlanStartDate", check_4011},
    {"4012Q", Severity::kQuery, "CINplanDates",
     "Please check and either amend or provide a reason: CIN Plan shown as starting and ending on "
     "the same day",
     "CINPlanStartDate, CINPlanEndDate", check_4012Q},
    {"4013", Severity::kError, "CINplanDates", "CIN Plan end date must fall within the census year",
     "CINPlanEndDate, ReferenceDate", check_4013},
    {"4014", Severity::kError, "CINplanDates", "CIN Plan data contains overlapping dates",
     "CINPlanStartDate, CINPlanEndDate", check_4014},
    {"4015", Severity::kError, "CINplanDates",
     "The CIN Plan start date cannot be before the referral date",
     "CINPlanStartDate, CINreferralDate", check_4015},
    {"4016", Severity::kError, "CINplanDates",
     "A CIN Plan has been reported as open at the same time as a Child Protection Plan.",
     "CINPlanStartDate, CPPstartDate, CPPendDate", check_4016},
    {"4017", Severity::kError, "CINplanDates",
     "A CIN Plan has been reported as open at the same time as a Child Protection Plan.",
     "CINPlanStartDate, CINPlanEndDate, CPPstartDate", check_4017},
};

}  // namespace

std::span<const CensusRule> plan_date_rules() {
  return kRules;
}

}  // namespace cinplan::census
