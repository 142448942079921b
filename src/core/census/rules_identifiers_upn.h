// The rules of a child's unique pupil number: its format (1510 to 1560Q) and
// the reason given when it is not known (8770Q, 8772). identifier_rules()
// (rules_identifiers.cc) lists these with the other ChildIdentifiers,
// ChildCharacteristics and Disabilities rules.
#pragma once

#include <span>

#include "core/census/census_rules.h"

namespace cinplan::census {

std::span<const CensusRule> upn_rules();

}  // namespace cinplan::census
