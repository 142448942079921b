// The CINdetails rules are kept in two files: an episode's own fields and
// dates (rules_episodes.cc), and what is recorded against an episode and how
// a child's episodes sit together (rules_episodes_activity.cc).
// episode_rules() (census_rules.h) is both together.
#pragma once

#include <span>

#include "core/census/census_rules.h"

namespace cinplan::census {

// 2990, 2991Q, 8815, 8816, 8820, 8825Q, 8831, 8867 and 8868.
std::span<const CensusRule> episode_activity_rules();

}  // namespace cinplan::census
