#include "core/census/census_rules.h"

namespace cinplan::census {

std::span<const CensusRule> identifier_rules() {
  return {};
}

}  // namespace cinplan::census
