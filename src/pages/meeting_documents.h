// The papers of a meeting (issue 10): the invitation, with the
// distribution list every invitation carries, and the minutes (who came,
// who sent apologies and whether with a written report, the scaling, what
// the meeting found, where the scores disagree, the outcome and the next
// date). Names and roles or agencies only: no one's address or contact
// details, so either parent can be given them.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace cinplan::pages {

// The meeting arranged on `date` (YYYY-MM-DD), or the first still to hold
// when empty: {"found", "kind_words", "date_words", "venue", "invited":
// [names], "has_invited"} with document_head's keys.
nlohmann::ordered_json invitation_view(const nlohmann::ordered_json& case_view,
                                       std::string_view date, std::string_view authority,
                                       std::string_view produced_by, std::string_view today);

// The meeting held on `date`, or the latest held when empty: {"found",
// "kind_words", "date_words", "chair_words", "outcome_words", "next_words",
// "present", "apologies", "absent": [words], "scaling": [{"by", "score",
// "rationale"}], "findings": [{"heading", "items"}], "disagreement" (or
// false), "distribution": [names]} with document_head's keys.
nlohmann::ordered_json minutes_view(const nlohmann::ordered_json& case_view, std::string_view date,
                                    std::string_view authority, std::string_view produced_by,
                                    std::string_view today);

}  // namespace cinplan::pages
