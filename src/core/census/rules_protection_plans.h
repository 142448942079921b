// The child protection plan rules are kept in two files: the plan's own
// fields and its episode (rules_protection_plans.cc), and its dates against
// the child's other records and its reviews (rules_protection_plan_dates.cc).
// protection_plan_rules() (census_rules.h) is both together.
#pragma once

#include <optional>
#include <span>

#include "core/census/census_rules.h"

namespace cinplan::census {

// 8841, 8915, 8920, 8925, 8930, 8935, 8940 and the Reviews rules 4003 and
// 8842Q.
std::span<const CensusRule> protection_plan_date_rules();

// Rule 2883 compares two counts over the whole return, so it has no child
// check: the return's check adds every child to one tally and asks it for
// the finding once all are in. Counted in the census year as the validator
// reads it (the previous 31 March to the reference date): the plans that
// start in it, against the initial conferences held in it, on CIN details
// and on section 47 enquiries together.
class ConferenceTally {
 public:
  void add(const CensusContext& ctx, const CensusChild& child);
  // The finding when more plans started than conferences were held.
  std::optional<Failure> failure() const;

  int plans_started() const { return plans_started_; }
  int conferences() const { return episode_conferences_ + enquiry_conferences_; }

 private:
  int plans_started_ = 0;
  int episode_conferences_ = 0;  // DateOfInitialCPC on CIN details
  int enquiry_conferences_ = 0;  // DateOfInitialCPC on section 47 enquiries
};

}  // namespace cinplan::census
