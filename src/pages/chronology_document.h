// The chronology as a document (issue 10): the significant events of the
// record in date order, as a court or a receiving authority asks for it;
// each with what happened, what was recorded of it and who recorded it.
// The routine steps behind them (invitations sent, each action agreed, a
// minute circulated) are left out; struck-out entries are left out and
// corrected ones shown as corrected. And the transfer pack, which puts the
// case summary, the plan, the latest review's minutes and the chronology
// together for the receiving authority.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace cinplan::pages {

// {"rows": [{"date_words", "what", "detail", "by"}], "has_rows"} with
// document_head's keys.
nlohmann::ordered_json chronology_document_view(const nlohmann::ordered_json& case_view,
                                                std::string_view authority,
                                                std::string_view produced_by,
                                                std::string_view today);

// {"summary": [{"key", "value"}], "plan": family_plan_view, "minutes":
// minutes_view of the latest meeting, "chronology":
// chronology_document_view} with document_head's keys.
nlohmann::ordered_json transfer_pack_view(const nlohmann::ordered_json& case_view,
                                          std::string_view authority, std::string_view produced_by,
                                          std::string_view today);

}  // namespace cinplan::pages
