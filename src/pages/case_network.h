// The child's network as the meeting forms offer it: each family member
// and professional on the case, with the words a list of invitees, an
// attendance register or an exclusion names them by.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace cinplan::pages {

struct NetworkMember {
  std::string id;       // the person's id within the case ("P1", "N2")
  std::string name;     // "Jo Example"
  std::string who;      // the relationship ("mother") or the agency and role
  std::string contact;  // telephone or email, if recorded
  bool family = true;   // a family member (else a professional)
  // "Jo Example (mother)", "R. Patel (school, designated safeguarding lead)".
  std::string words() const { return who.empty() ? name : name + " (" + who + ")"; }
};

// Family first, then professionals, in the order they joined the record.
std::vector<NetworkMember> network_of(const nlohmann::ordered_json& case_view);

// The meetings arranged and not yet held, the soonest first: a meeting of
// the same kind held on or after the date it was arranged for, or on or
// after the day it was arranged and at most 14 days before its date
// (brought forward; never for a panel, which meets weekly), holds it.
nlohmann::ordered_json meetings_to_hold(const nlohmann::ordered_json& case_view);

// The endorsed exclusions (case_view's "exclusions") from the meeting on
// `meeting_date`: those named for that date, and those from "the next
// meeting" with no meeting held since (the case view's "held_since"). With `or_later`, those named
// for any date from `meeting_date` on (a meeting not yet dated).
nlohmann::ordered_json exclusions_from(const nlohmann::ordered_json& case_view,
                                       std::string_view meeting_date, bool or_later = false);

// Whether `member` is one of `exclusions` (exclusions_from's answer).
bool excluded(const nlohmann::ordered_json& exclusions, const NetworkMember& member);

}  // namespace cinplan::pages
