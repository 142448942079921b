// Makes a demo event meet what the profile asks of it: the event a matcher
// names (a rule's met_by: its kind, its flags), and what the profile's
// constraints require of such an event (who chairs, what must be recorded).
// The demo's histories are written through these, so that what they show
// breaks no rule of the procedure they run under, whichever it is.
#pragma once

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/procedure/profile.h"

namespace cinplan::app {

// Sets the event's fields so that `matcher` matches it: its subtype field to
// the first value the matcher allows (unless it holds one already), each
// boolean flag the matcher tests to the value it wants, an enum-list value
// added or removed, an enum left out for "not_recorded". The type must be
// the matcher's.
void apply_matcher(const EventMatcher& matcher, nlohmann::ordered_json& event);

// For every constraint of `profile` that applies to the event (judged as the
// findings judge it; except_after is not looked at, so an excepted event is
// made to conform too), sets each field it requires and the event does not
// hold: an allowed value (the first), the boolean, or for "present" a value
// that says something plausible for the field (or, for a field the demo
// knows nothing of, one of the field's own kind). `musts_only` leaves the
// should and consider constraints alone. kInternal when the event is not one
// the registry accepts, or when fixing one constraint keeps breaking another.
Result<void> conform_to_constraints(const Profile& profile, nlohmann::ordered_json& event,
                                    bool musts_only = false);

}  // namespace cinplan::app
