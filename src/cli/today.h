// The day a command works as at: --today when given, else today's date on
// this computer's clock and time zone (the core never reads a clock).
#pragma once

#include <string>

#include "core/calendar/date.h"
#include "core/error.h"

namespace cinplan::cli {

// `arg` parsed as YYYY-MM-DD, or today when it is empty. Errors start with
// "--today: ".
Result<Date> day_or_today(const std::string& arg);

}  // namespace cinplan::cli
