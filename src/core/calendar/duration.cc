#include "core/calendar/duration.h"

namespace cinplan {

std::string_view to_string(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kDays:
      return "days";
    case TimeUnit::kWeeks:
      return "weeks";
    case TimeUnit::kMonths:
      return "months";
    case TimeUnit::kWorkingDays:
      return "working_days";
  }
  return "days";
}

Result<TimeUnit> parse_time_unit(std::string_view text) {
  if (text == "days") return TimeUnit::kDays;
  if (text == "weeks") return TimeUnit::kWeeks;
  if (text == "months") return TimeUnit::kMonths;
  if (text == "working_days") return TimeUnit::kWorkingDays;
  return std::unexpected(Error::bad_input("unknown unit \"" + std::string(text) +
                                          "\"; expected days, weeks, months or working_days"));
}

std::string Duration::describe() const {
  std::string unit_words;
  switch (unit) {
    case TimeUnit::kDays:
      unit_words = amount == 1 ? "day" : "days";
      break;
    case TimeUnit::kWeeks:
      unit_words = amount == 1 ? "week" : "weeks";
      break;
    case TimeUnit::kMonths:
      unit_words = amount == 1 ? "month" : "months";
      break;
    case TimeUnit::kWorkingDays:
      unit_words = amount == 1 ? "working day" : "working days";
      break;
  }
  return std::to_string(amount) + " " + unit_words;
}

Date apply(Date d, Duration duration, const WorkingDayCalendar& calendar, int sign) {
  const int n = sign < 0 ? -duration.amount : duration.amount;
  switch (duration.unit) {
    case TimeUnit::kDays:
      return add_days(d, n);
    case TimeUnit::kWeeks:
      return add_weeks(d, n);
    case TimeUnit::kMonths:
      return add_months(d, n);
    case TimeUnit::kWorkingDays:
      return calendar.add_working_days(d, n);
  }
  return d;
}

}  // namespace cinplan
