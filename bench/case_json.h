// A synthetic case as its case-history JSON document (DESIGN.md section 9).
// Internal to bench/.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "bench/case_kinds.h"

namespace cinplan::bench::detail {

// YYYY-MM-DD.
std::string day(std::int32_t d);

// One event as the generator writes it, with the detail only the JSON holds.
nlohmann::ordered_json event_json(const Ev& e);

}  // namespace cinplan::bench::detail
