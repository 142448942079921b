// A validation report the way its readers want it: lines for a person at a
// terminal, JSON for programs, CSV for an authority's data team (one finding
// a row, openable in a spreadsheet without a cell read as a formula).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "census/census_validate.h"

namespace cinplan::census {

std::string report_text(const ValidationReport& report);
nlohmann::ordered_json report_json(const ValidationReport& report);
// Columns: LAchildID, Line, Rule, Type, Module, Message, Fields, Where, Values.
std::string report_csv(const ValidationReport& report);

// One CSV cell: quoted when it must be, and a leading = + - @ (or tab, CR)
// made inert with an apostrophe so a spreadsheet shows it as text.
std::string csv_cell(std::string_view value);

}  // namespace cinplan::census
