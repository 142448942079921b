// Civil dates (proleptic Gregorian, no time zone) and calendar arithmetic
// in days, weeks and months, as DESIGN.md section 3 defines them.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.h"

namespace cinplan {

enum class Weekday : std::uint8_t {
  kMonday,
  kTuesday,
  kWednesday,
  kThursday,
  kFriday,
  kSaturday,
  kSunday
};

struct YearMonthDay {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

// A day, stored as the count of days since 1970-01-01. Trivially copyable and
// four bytes, so case state can hold many of them densely.
class Date {
 public:
  constexpr Date() = default;
  static constexpr Date from_days(std::int32_t days) {
    Date d;
    d.days_ = days;
    return d;
  }
  // Returns an error naming the field when the date does not exist.
  static Result<Date> from_ymd(int year, int month, int day);

  constexpr std::int32_t days() const { return days_; }
  YearMonthDay ymd() const;
  Weekday weekday() const;
  bool is_weekend() const;

  // YYYY-MM-DD.
  std::string to_string() const;

  constexpr auto operator<=>(const Date&) const = default;

 private:
  std::int32_t days_ = 0;
};

// Strict YYYY-MM-DD: four-digit year, two-digit month and day, a date that
// exists ("2025-02-30" is an error saying February 2025 has 28 days).
Result<Date> parse_date(std::string_view text);

bool is_leap_year(int year);
int days_in_month(int year, int month);

// Calendar arithmetic. Negative amounts count backwards.
Date add_days(Date d, int days);
Date add_weeks(Date d, int weeks);
// Same day of month, N months on; when that day does not exist, the last day
// of that month (31 Jan + 1 month = 28 or 29 Feb).
Date add_months(Date d, int months);

// Days from a to b (b - a).
inline int days_between(Date a, Date b) {
  return b.days() - a.days();
}

}  // namespace cinplan
