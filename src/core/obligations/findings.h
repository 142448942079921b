// Findings: recorded events that break a constraint of the profile (who must
// chair, what must be recorded). A finding does not stop the obligations
// being worked out, nor an import: a record of what happened is never refused
// for what it shows. It is shown beside the obligations, naming the rule.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/casefile/case_history.h"
#include "core/procedure/profile.h"

namespace cinplan {

// One requirement of a constraint the event does not meet, and what the
// event recorded for its field instead.
struct FailedRequirement {
  std::uint16_t requirement = 0;  // index into Constraint::require
  bool recorded = false;          // the field was recorded (with `value`)
  std::string value;              // as recorded: text, or the JSON of anything else
};

struct Finding {
  std::uint16_t constraint = 0;  // index into Profile::constraints
  std::uint32_t event = 0;       // index (from 0) into CaseHistory::events
  std::vector<FailedRequirement> failed;
};

// The findings of the record as corrected, in event order. Events dated
// after `as_at` (when given) are not judged.
std::vector<Finding> check_constraints(const Profile& profile, const CaseHistory& history,
                                       std::optional<Date> as_at = std::nullopt);

}  // namespace cinplan
