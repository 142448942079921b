// Checks a profile against the procedure document it implements: the
// document exists and every quoted sentence appears in it word for word.
#pragma once

#include <filesystem>

#include "core/error.h"
#include "core/procedure/profile.h"

namespace cinplan::app {

// The procedures folder: $CINPLAN_PROCEDURES if set, else ../shared/procedures
// beside the source tree.
std::filesystem::path default_procedures_folder();

// Ok, or the first quote (by rule, constraint, pathway or outcome) not found
// in `folder`/profile.source, or a missing source document.
Result<void> check_quotes(const Profile& profile, const std::filesystem::path& folder);

}  // namespace cinplan::app
