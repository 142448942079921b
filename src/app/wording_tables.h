// The phrase tables behind app/wording.h: every event type, flag, field and
// value a person may read about, in plain words. Internal to the wording;
// a test keeps them complete for the registry.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/casefile/event_types.h"
#include "core/procedure/profile.h"

namespace cinplan::app {

// "a, b or c": `parts` joined with commas, the last with `last_join`.
std::string join_words(const std::vector<std::string>& parts, std::string_view last_join);

// An event type as a noun phrase, with {plan}, {assessment} and {record}
// standing for the authority's terms: "the decision that a {plan} is needed".
// Empty for a type the table lacks (a test refuses that).
std::string_view type_phrase(std::string_view type_id);

// The phrase with the profile's terms put in.
std::string fill_terms(const Profile& p, std::string_view phrase);

// How a type's subtype values follow its phrase: "the closure of the case"
// "with the reason" ...
std::string subtype_joiner(std::string_view type_id);

// A matcher's flag as a phrase: "where the child was seen".
std::string flag_phrase(std::string_view type_id, std::string_view flag, bool value);

// A field value in words: a role in the authority's words ("the Practice
// Lead"), an outcome ("closing the plan"), a place of endorsement.
std::string value_phrase(const Profile& p, const FieldSpec& field, std::string_view value);

// The role in plain words when the profile has no label for it.
std::string default_role_words(std::string_view role);

// "a visit" -> "visit", "the initial meeting" -> "initial meeting".
std::string strip_article(const std::string& phrase);

// What a requirement of a constraint asks ("must be chaired by the Practice
// Lead") and what the event recorded instead ("it was chaired by the
// allocated social worker").
std::string requirement_phrase(const Profile& p, const EventTypeSpec& type, const Requirement& r,
                               const std::string& must);
std::string recorded_phrase(const Profile& p, const EventTypeSpec& type, const Requirement& r,
                            bool recorded, const std::string& value);

}  // namespace cinplan::app
