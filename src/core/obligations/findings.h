// Findings: recorded events that break a constraint of the profile (who must
// chair, what must be recorded). A finding does not stop the obligations
// being worked out; it is shown beside them, naming the rule.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/casefile/case_history.h"
#include "core/procedure/profile.h"

namespace cinplan {

struct Finding {
  std::uint16_t constraint = 0;  // index into Profile::constraints
  std::uint32_t event = 0;       // index into CaseHistory::events
  std::string detail;            // which requirement failed, in plain words
};

std::vector<Finding> check_constraints(const Profile& profile, const CaseHistory& history);

}  // namespace cinplan
