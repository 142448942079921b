// What any text a command writes must be, whatever the field (the record
// is read for years, by courts among others): of a length a person could
// have typed, and without the invisible characters that reverse the
// direction of the text after them (U+202A to U+202E, U+2066 to U+2069),
// which would make an entry read as something it does not say.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.h"

namespace cinplan::app {

// Characters a one-line field holds at most (a heading, a name, who owns
// an action); every other text field holds kLongTextLimit.
inline constexpr std::size_t kLineLimit = 300;
inline constexpr std::size_t kLongTextLimit = 50000;

// The limit for a field named `field` (at any depth: "heading", "owner").
std::size_t text_limit(std::string_view field);

// Refuses the first text of `events` (at any depth) that is too long or
// holds a direction-changing character, naming its field in brackets, as
// "(heading)", so that a form shows the message beside it.
Result<void> check_text(const std::vector<nlohmann::ordered_json>& events);

}  // namespace cinplan::app
