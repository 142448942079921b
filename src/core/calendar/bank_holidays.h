// Bank holidays of the United Kingdom's three calendars, generated from the
// statutory and proclaimed rules plus the one-off changes, and the working-day
// arithmetic of DESIGN.md section 3 built on them.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar/date.h"

namespace cinplan {

enum class HolidayRegion { kEnglandAndWales, kScotland, kNorthernIreland };

// "england-and-wales", "scotland", "northern-ireland".
std::string_view to_string(HolidayRegion region);
Result<HolidayRegion> parse_holiday_region(std::string_view text);

struct BankHoliday {
  Date date;
  std::string name;  // e.g. "Easter Monday", "Christmas Day (substitute day)"
};

// The bank holidays of one region in one year, in date order. Pure: computed
// from the rules each call. Any year from 1900 to 2199 is answered; the rules
// are those in force from 1995 (earlier years are extrapolated).
std::vector<BankHoliday> bank_holidays(HolidayRegion region, int year);

// Easter Sunday of a Gregorian year.
Date easter_sunday(int year);

// A region's calendar with O(1) working-day lookups over 1995-2060 (the
// years the tables cover); outside that range answers are still exact but
// computed day by day. Immutable once built; share it by const reference.
class WorkingDayCalendar {
 public:
  static constexpr int kFirstYear = 1995;
  static constexpr int kLastYear = 2060;

  explicit WorkingDayCalendar(HolidayRegion region);

  HolidayRegion region() const { return region_; }
  bool is_bank_holiday(Date d) const;
  // Monday to Friday and not a bank holiday.
  bool is_working_day(Date d) const;

  // N working days after d (N > 0) or before d (N < 0): count from d,
  // skipping Saturdays, Sundays and bank holidays; d itself is not counted.
  // N == 0 returns d.
  Date add_working_days(Date d, int n) const;

  // Working days in (a, b]: how many working days after a is b at most.
  int working_days_between(Date a, Date b) const;

 private:
  HolidayRegion region_;
  // Indexed by day - first_day_: cumulative count of working days up to and
  // including that day, and the days that are working days, in order.
  std::int32_t first_day_ = 0;
  std::vector<std::int32_t> cumulative_;
  std::vector<std::int32_t> working_days_;
  std::vector<std::int32_t> holidays_;  // sorted day numbers, table range only
};

}  // namespace cinplan
