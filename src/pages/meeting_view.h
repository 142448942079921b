// A meeting held, as the case page shows what was recorded at it: who came
// (with how to reach them), who sent apologies and whether they sent a
// written report, each person's scaling with their reason, what the meeting
// found (Signs of Safety lists) and the next meeting's date. Shaping only.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace cinplan::pages {

// A register entry in words: "Jo Example (mother, 07700 900123)", or
// without the contact, "Jo Example (mother)", as a document shows it.
std::string register_words(const nlohmann::ordered_json& who, bool with_contact);

// `meeting`: one of Service::case_view's "meetings". The same object with
// "present_words", "apologies_words", "absent_words", "scaling_rows" (by, score, rationale),
// "findings" ({heading, items}) and "next_words", each false when there is
// nothing to show, and has_present, has_apologies, has_absent, has_scaling and
// has_record for a template's sections.
nlohmann::ordered_json held_meeting_view(nlohmann::ordered_json meeting);

}  // namespace cinplan::pages
