// The rules of the whole return rather than of one child: checked by
// ReturnCheck::finish (census_check.cc) over what it kept of every child.
#include "core/census/census_rules.h"

namespace cinplan::census {

std::span<const CensusRule> return_rules() {
  static constexpr CensusRule kRules[] = {
      {"100", Severity::kError, "Header", "Reference Date is incorrect", "ReferenceDate"},
      {"1520", Severity::kError, "ChildIdentifiers", "More than one record with the same UPN.",
       "UPN"},
      {"2886Q", Severity::kQuery, "ChildIdentifiers",
       "Please check and either amend or provide a reason: Percentage of children with no sex "
       "recorded is more than 2% (excluding unborns)",
       "ExpectedPersonBirthDate, ChildIdentifiers"},
      {"2887Q", Severity::kQuery, "Disabilities",
       "Please check and either amend or provide a reason: Less than 8 disability codes have "
       "been used in your return",
       "Disability"},
      {"8510", Severity::kError, "ChildIdentifiers",
       "More than one child record with the same LA Child ID", "LAchildID"},
  };
  return kRules;
}

}  // namespace cinplan::census
