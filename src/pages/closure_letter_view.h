// The letter to the family when the case closes (issue 10): the day it
// closed and why, in plain words (not the closing summary, which is the
// record's, written for colleagues), how to reach the
// service again (the authority and the case's reference) and the agencies of
// the network who go on supporting the family, with their work contact.
// No family member's address or details are in it, so that it can go to
// either parent, a parent protected from another included.
#pragma once

#include <nlohmann/json.hpp>

#include <string_view>
#include "app/authority_contact.h"

namespace cinplan::pages {

// {"child_name", "case_id", "authority", "produced_by", "produced_on",
// "closed" (bool), "closed_on", "reason", "transferred_to" (or false),
// "worker", "phone", "email", "address", "out_of_hours" (each the
// authority's, or false), "has_contact",
// "agencies": [{"name", "agency", "role", "contact"}], "has_agencies"}.
nlohmann::ordered_json closure_letter_view(const nlohmann::ordered_json& case_view,
                                           std::string_view authority,
                                           const app::AuthorityContact& contact,
                                           std::string_view produced_by, std::string_view today);

}  // namespace cinplan::pages
