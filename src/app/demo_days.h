// The demo town's working days: Monday to Friday but England and Wales's
// bank holidays, on which the demo's staff record nothing of their own
// choosing (a referral, a visit, a meeting).
#pragma once

#include "core/calendar/bank_holidays.h"
#include "core/calendar/date.h"

namespace cinplan::app {

inline const WorkingDayCalendar& demo_calendar() {
  static const WorkingDayCalendar calendar(HolidayRegion::kEnglandAndWales);
  return calendar;
}

// `day`, or the working day before (after) it when it is not one.
inline Date working_day_before(Date day) {
  while (!demo_calendar().is_working_day(day)) day = add_days(day, -1);
  return day;
}
inline Date working_day_after(Date day) {
  while (!demo_calendar().is_working_day(day)) day = add_days(day, 1);
  return day;
}

}  // namespace cinplan::app
