// The caseload's order: by the column a person chose, without JavaScript.
// The table's headings are links that sort on the server
// (`?sort=overdue&order=descending`); with JavaScript, MOJ's sortable table
// turns them into buttons that sort in the page, from the same cells.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace cinplan::pages {

// The sort value of a row with nothing due in a column of dates.
inline constexpr std::string_view kNoDate = "9999-12-31";

struct CaseloadOrder {
  std::string column;  // child, worker, overdue, due or next
  bool ascending = false;
};

// The order asked for; anything not understood is the default (what is
// overdue first, most overdue first). `team` allows sorting by worker.
CaseloadOrder caseload_order(std::string_view sort, std::string_view order, bool team);

// Sorts `rows` (caseload_view's rows) in `order`; ties keep the default
// order, so the most urgent stays first among equals. Sorted by a column of
// dates, rows with none there come last either way.
void sort_caseload(nlohmann::ordered_json& rows, const CaseloadOrder& order);

// The table's headings: label, aria_sort ("ascending", "descending" or
// "none") and the link that sorts by it (the other way, if it is the
// current column), keeping what is shown and whose children.
nlohmann::ordered_json caseload_columns(const CaseloadOrder& order, bool team,
                                        std::string_view action, std::string_view show,
                                        std::string_view worker);

// The key a person's name sorts by: the family name (the last word) first,
// then the given names, without case ("smith, amy" for "Amy Smith").
std::string name_sort_key(std::string_view name);

// "a%20b" for "a b": a value for a URL's query.
std::string query_value(std::string_view text);

}  // namespace cinplan::pages
