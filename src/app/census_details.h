// The census details of a child's latest referral and assessment recorded
// after the event (the command record_census_details): who referred and the
// primary need, the factors identified at assessment, why there is no UPN.
// Each is a correction of the event that should have carried it (DESIGN.md
// section 2: the original stays in the record), so the census reads the
// record as corrected.
#pragma once

#include <nlohmann/json.hpp>

#include "app/commands.h"

namespace cinplan::app {

// The request: any of referral_source, primary_need (the latest referral's),
// factors (an array: the latest completed assessment's), upn_unknown (the
// child's). kBadInput when none is given, a field is unknown, or the record
// has no referral or assessment to carry it.
Result<Events> record_census_details(const CommandContext& ctx, const nlohmann::ordered_json& body);

}  // namespace cinplan::app
