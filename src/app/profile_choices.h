// The choices a form offers, in the authority's own words (issue 9): the
// meetings it holds, who may chair one, the outcomes its meetings decide,
// and the sentences of its procedure that a meeting's forms cite (the
// notice for invitations, the visit before a meeting). From the profile
// alone, so the same for every case under it.
#pragma once

#include <nlohmann/json.hpp>

#include "core/procedure/profile.h"

namespace cinplan::app {

// {"meeting_kinds": [{"value", "label"}], "chairs": [...], "outcomes":
// [...], "meeting_word": "Child Action Meeting", "invitations_rule": {"title",
// "timescale", "quote"} or null, "pre_meeting_rule": the same or null,
// "rules_by_kind": {kind: {"invitations_rule", "pre_meeting_rule"}} for the
// rules before meetings of that kind only, "closure_rules": [{"message",
// "quote"}] of the constraints on a closure, "closure_places": [{"value",
// "label"}] where the procedure lets a closure be endorsed, "family_plan":
// [{"part", "heading", "quote"}] the sections of the family's copy of the
// plan}.
// Kinds: the ones the profile names (an unnamed kind is not one it holds),
// initial and review always; two kinds the profile calls by one name are
// told apart ("(the first)", "(a review)").
nlohmann::ordered_json form_choices(const Profile& profile);

}  // namespace cinplan::app
