// An amount of time as a procedure states it ("15 working days", "3 months"),
// and the one function that applies it to a date.
#pragma once

#include <string>
#include <string_view>

#include "core/calendar/bank_holidays.h"
#include "core/calendar/date.h"

namespace cinplan {

enum class TimeUnit : std::uint8_t { kDays, kWeeks, kMonths, kWorkingDays };

// "days", "weeks", "months", "working_days".
std::string_view to_string(TimeUnit unit);
Result<TimeUnit> parse_time_unit(std::string_view text);

struct Duration {
  int amount = 0;
  TimeUnit unit = TimeUnit::kDays;

  // "15 working days", "1 month", "6 weeks".
  std::string describe() const;
  bool operator==(const Duration&) const = default;
};

// d + duration (or d - duration when sign < 0), with the semantics of
// DESIGN.md section 3. The calendar is used only for working days.
Date apply(Date d, Duration duration, const WorkingDayCalendar& calendar, int sign = +1);

}  // namespace cinplan
