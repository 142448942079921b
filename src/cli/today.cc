#include "cli/today.h"

#include <ctime>

#include "core/calendar/uk_time.h"

namespace cinplan::cli {

Result<Date> day_or_today(const std::string& arg) {
  if (arg.empty()) {
    // England's date, whatever zone the computer is set to.
    const std::time_t now = std::time(nullptr);
    if (now == static_cast<std::time_t>(-1))
      return std::unexpected(Error::unavailable("--today: the computer's date cannot be read"));
    return uk_time(static_cast<std::int64_t>(now)).date;
  }
  auto day = parse_date(arg);
  if (!day) return std::unexpected(Error::bad_input("--today: " + day.error().message));
  return *day;
}

}  // namespace cinplan::cli
