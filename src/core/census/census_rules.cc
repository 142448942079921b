#include "core/census/census_rules.h"

#include <algorithm>
#include <vector>

namespace cinplan::census {

std::string_view to_string(Severity s) {
  return s == Severity::kError ? "ERROR" : "QUERY";
}

std::span<const CensusRule> census_rules() {
  static const std::vector<CensusRule> all = [] {
    std::vector<CensusRule> out;
    for (auto part : {return_rules(), identifier_rules(), episode_rules(), assessment_rules(),
                      plan_date_rules(), section47_rules(), protection_plan_rules()})
      out.insert(out.end(), part.begin(), part.end());
    // In code order, as the DfE lists them: by number, then the query after.
    std::sort(out.begin(), out.end(), [](const CensusRule& a, const CensusRule& b) {
      const auto number = [](std::string_view c) { return std::stoi(std::string(c)); };
      const int na = number(a.code), nb = number(b.code);
      return na != nb ? na < nb : a.code < b.code;
    });
    return out;
  }();
  return all;
}

const CensusRule* find_rule(std::string_view code) {
  for (const CensusRule& r : census_rules())
    if (r.code == code) return &r;
  return nullptr;
}

}  // namespace cinplan::census
