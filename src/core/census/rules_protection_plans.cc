#include "core/census/census_rules.h"

namespace cinplan::census {

std::span<const CensusRule> protection_plan_rules() {
  return {};
}

}  // namespace cinplan::census
