// Profiles in words for `cinplan profile show`, `diff` and `check`.
#pragma once

#include <string>
#include <string_view>

#include "core/procedure/clashes.h"
#include "core/procedure/profile.h"

namespace cinplan::cli {

// "all", "standard, disability", "all except disability".
std::string pathway_words(const Profile& p, PathwaySet set, PathwaySet except);

// A rule's timescale on its own pathway, then each override's:
// "at least every 3 months, ...; disability: 6 months".
std::string rule_timescale_words(const Profile& p, const Rule& r);

// "invitations_sent: 4 weeks before the initial CIN meeting (its aim) falls
// 6 to 8 days before the decision ..., which is when the duty arises".
std::string clash_words(const Profile& p, const TimescaleClash& c);

// What a constraint is about, the same for every authority so that two
// profiles' constraints line up: "initial meeting: chair", "closure of the
// case: endorsed at". `meeting_kind` is one kind of meeting (empty when the
// constraint is not about a meeting, or about any meeting).
std::string constraint_topic_words(const Profile& p, const EventMatcher& applies_to,
                                   std::string_view meeting_kind, std::string_view field);

// What a constraint asks of one field, in the authority's words: "must be
// chaired by the Practice Lead".
std::string requirement_words(const Profile& p, const Constraint& c, const Requirement& r);

}  // namespace cinplan::cli
