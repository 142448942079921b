#include "core/census/census_rules.h"

namespace cinplan::census {

std::span<const CensusRule> plan_date_rules() {
  return {};
}

}  // namespace cinplan::census
