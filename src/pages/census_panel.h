// The case page's "Children in need census" section: what the DfE's checks
// would report for this child in the year's return, from the case view's
// "census" (app/census_problems.h), in words and a table.
#pragma once

#include <nlohmann/json.hpp>

namespace cinplan::pages {

// {collection_words, start_words, in_return, has_findings, count_words,
// findings: [{code, is_error, type_words, message, where, values}]}; null
// when the case view has no census part.
nlohmann::ordered_json census_panel(const nlohmann::ordered_json& case_view);

}  // namespace cinplan::pages
