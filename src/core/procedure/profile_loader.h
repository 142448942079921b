// Loading a profile from TOML text, with every check of docs/profiles.md.
#pragma once

#include <string_view>

#include "core/error.h"
#include "core/procedure/profile.h"

namespace cinplan {

// Parses and validates one profile. `file_name` is used in messages
// ("profiles/bolton.toml:42: ...") and must be "<id>.toml" at its end. On any
// problem returns the first error found, naming file, line and what is wrong;
// nothing is half-loaded.
Result<Profile> load_profile(std::string_view toml_text, std::string_view file_name);

// Parses a duration as a profile writes it: "15 working_days", "3 months".
Result<Duration> parse_duration(std::string_view text);

}  // namespace cinplan
