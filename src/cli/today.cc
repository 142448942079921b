#include "cli/today.h"

#include <ctime>

namespace cinplan::cli {

Result<Date> day_or_today(const std::string& arg) {
  if (arg.empty()) {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    if (localtime_r(&now, &local) == nullptr)
      return std::unexpected(Error::unavailable("--today: the computer's date cannot be read"));
    auto today = Date::from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
    if (!today) return std::unexpected(today.error());
    return *today;
  }
  auto day = parse_date(arg);
  if (!day) return std::unexpected(Error::bad_input("--today: " + day.error().message));
  return *day;
}

}  // namespace cinplan::cli
