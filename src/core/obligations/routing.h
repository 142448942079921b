// Which team a referral goes to, where a procedure routes referrals by the
// child's history (a profile's [routing] section).
#pragma once

#include <optional>
#include <string>

#include "core/casefile/case_history.h"
#include "core/procedure/profile.h"

namespace cinplan {

struct RoutingDecision {
  std::string team;
  std::string reason;  // in plain words: "closed 2 months before, no new concern"
};

// Routes the latest referral_received event of the case. None when the
// profile has no routing or the case has no referral.
std::optional<RoutingDecision> route_referral(const Profile& profile, const CaseHistory& history);

}  // namespace cinplan
