#include "core/census/census_rules.h"

namespace cinplan::census {

std::span<const CensusRule> section47_rules() {
  return {};
}

}  // namespace cinplan::census
