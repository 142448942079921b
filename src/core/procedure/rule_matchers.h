// Event matchers and field requirements as profiles write them, checked
// against the event registry (casefile/event_types.h).
#pragma once

#include <toml++/toml.h>
#include <string>

#include "core/error.h"
#include "core/procedure/profile.h"

namespace cinplan {

// `"plan_decided"` or `{ event = "visit", child_seen = true, location = ["home"] }`.
// Errors name the problem but not the line (the caller adds it).
Result<EventMatcher> parse_matcher(const toml::node& node, const std::string& what);

// One `require` entry of a constraint: field = [allowed] | true | false | "present".
Result<Requirement> parse_requirement(const EventTypeSpec& type, std::string_view field,
                                      const toml::node& value, const std::string& what);

}  // namespace cinplan
