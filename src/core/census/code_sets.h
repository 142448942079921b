// The census code sets (the DfE's CIN census code set document): the values
// each coded element may take. Data, not code: config/census/code_sets.toml
// is read and checked when it is loaded, and a rule asks only whether a code
// is in a set.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "core/error.h"

namespace cinplan::census {

struct CodeSets {
  std::set<std::string, std::less<>> ethnicity;           // Ethnicity (N00177): WBRI, ...
  std::set<std::string, std::less<>> disability;          // Disability (N00099): NONE, HAND, ...
  std::set<std::string, std::less<>> referral_source;     // ReferralSource (N00152): 1A, ...
  std::set<std::string, std::less<>> primary_need;        // PrimaryNeedCode (N00101): N0-N9
  std::set<std::string, std::less<>> reason_for_closure;  // ReasonForClosure (N00103): RC1-RC9
  std::set<std::string, std::less<>> category_of_abuse;   // Initial/LatestCategoryOfAbuse
  std::set<std::string, std::less<>> assessment_factors;  // AssessmentFactors (N00181)
  std::set<std::string, std::less<>> upn_unknown;         // UPNunknown (N00135): UN1-UN7
  std::set<std::string, std::less<>> sex;                 // Sex (N00783): M, F, U
  // The authorities' three-digit numbers (UPN characters 2-4, the LEA).
  std::set<std::string, std::less<>> la_numbers;
};

// Reads the code sets from TOML text: one array of strings per set, named
// as the struct's members; every set present and not empty, no code twice,
// no blank code. kBadInput naming the set and the code otherwise.
Result<CodeSets> parse_code_sets(std::string_view toml_text);

}  // namespace cinplan::census
