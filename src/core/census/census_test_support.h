// For the census rules' tests: the shipped code sets, a context for a
// collection year, a clean child to break one field of, and running one rule.
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "core/census/census_rules.h"

namespace cinplan::census::testing {

inline const CodeSets& shipped_code_sets() {
  static const CodeSets codes = [] {
    std::ifstream in(std::string(CINPLAN_SOURCE_DIR) + "/config/census/code_sets.toml");
    std::stringstream text;
    text << in.rdbuf();
    auto parsed = parse_code_sets(text.str());
    if (!parsed) throw std::runtime_error(parsed.error().message);
    return *parsed;
  }();
  return codes;
}

inline const WorkingDayCalendar& england() {
  static const WorkingDayCalendar calendar(HolidayRegion::kEnglandAndWales);
  return calendar;
}

// The 2025-26 collection: 1 April 2025 to 31 March 2026.
inline CensusContext context_2026() {
  return {period_ending(*Date::from_ymd(2026, 3, 31)), shipped_code_sets(), england()};
}

// A child who passes every rule of the 2025-26 collection: born 2015, a
// referral in June 2025, an assessment completed with a factor, a CIN plan
// open at the end of the year.
inline CensusChild clean_child() {
  CensusChild c;
  c.la_child_id = "C1";
  c.upn_unknown = "UN3";
  c.birth_date = "2015-05-01";
  c.sex = "F";
  c.ethnicity = "WBRI";
  c.disabilities = {"NONE"};
  CinEpisode e;
  e.referral_date = "2025-06-02";
  e.referral_source = "2A";
  e.primary_need = "N1";
  e.referral_nfa = "0";
  Assessment a;
  a.start = "2025-06-03";
  a.authorisation = "2025-07-10";
  a.factors = {"2A"};
  e.assessments.push_back(a);
  e.plans.push_back({"2025-07-15", std::nullopt});
  c.episodes.push_back(e);
  return c;
}

// The failures `code` finds in `child` (throws when no rule has that code in
// `rules`).
inline Failures run_rule(std::span<const CensusRule> rules, std::string_view code,
                         const CensusChild& child, const CensusContext& ctx = context_2026()) {
  for (const CensusRule& r : rules)
    if (r.code == code) {
      Failures f;
      r.check(ctx, child, f);
      return f;
    }
  throw std::runtime_error("no rule " + std::string(code));
}

}  // namespace cinplan::census::testing
