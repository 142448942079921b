#include "core/calendar/date.h"

#include <charconv>
#include <cstdio>

namespace cinplan {
namespace {

// Days since 1970-01-01 of a civil date, and the inverse: the standard
// era-based conversion (400-year eras of 146097 days).
std::int32_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int mp = (m + 9) % 12;
  const int doy = (153 * mp + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

YearMonthDay civil_from_days(std::int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp < 10 ? mp + 3 : mp - 9;
  const int y = yoe + era * 400 + (m <= 2);
  return {y, m, d};
}

const char* const kMonthNames[] = {"January",   "February", "March",    "April",
                                   "May",       "June",     "July",     "August",
                                   "September", "October",  "November", "December"};

}  // namespace

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap_year(year)) return 29;
  return kDays[month - 1];
}

Result<Date> Date::from_ymd(int year, int month, int day) {
  if (year < 1900 || year > 2199) {
    return std::unexpected(
        Error::bad_input("year " + std::to_string(year) + " is outside 1900-2199"));
  }
  if (month < 1 || month > 12) {
    return std::unexpected(Error::bad_input("month " + std::to_string(month) + " is not 01-12"));
  }
  const int last = days_in_month(year, month);
  if (day < 1 || day > last) {
    return std::unexpected(Error::bad_input(std::string(kMonthNames[month - 1]) + " " +
                                            std::to_string(year) + " has " + std::to_string(last) +
                                            " days, not " + std::to_string(day)));
  }
  return from_days(days_from_civil(year, month, day));
}

YearMonthDay Date::ymd() const {
  return civil_from_days(days_);
}

Weekday Date::weekday() const {
  // 1970-01-01 was a Thursday (index 3 with Monday = 0).
  const int w = ((days_ % 7) + 7 + 3) % 7;
  return static_cast<Weekday>(w);
}

bool Date::is_weekend() const {
  return weekday() >= Weekday::kSaturday;
}

std::string Date::to_string() const {
  const YearMonthDay v = ymd();
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", v.year, v.month, v.day);
  return buf;
}

Result<Date> parse_date(std::string_view text) {
  auto bad = [&] {
    return std::unexpected(
        Error::bad_input("\"" + std::string(text) + "\" is not a date in the form YYYY-MM-DD"));
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad();
  auto number = [&](std::size_t pos, std::size_t len, int& out) {
    for (std::size_t i = pos; i < pos + len; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
    }
    return std::from_chars(text.data() + pos, text.data() + pos + len, out).ec == std::errc{};
  };
  int y = 0, m = 0, d = 0;
  if (!number(0, 4, y) || !number(5, 2, m) || !number(8, 2, d)) return bad();
  auto date = Date::from_ymd(y, m, d);
  if (!date) {
    return std::unexpected(Error::bad_input("\"" + std::string(text) +
                                            "\" is not a real date: " + date.error().message));
  }
  return date;
}

Date add_days(Date d, int days) {
  return Date::from_days(d.days() + days);
}

Date add_weeks(Date d, int weeks) {
  return add_days(d, 7 * weeks);
}

Date add_months(Date d, int months) {
  const YearMonthDay v = d.ymd();
  int index = v.year * 12 + (v.month - 1) + months;
  const int year = index >= 0 ? index / 12 : (index - 11) / 12;
  const int month = index - year * 12 + 1;
  int day = v.day;
  const int last = days_in_month(year, month);
  if (day > last) day = last;
  return Date::from_days(days_from_civil(year, month, day));
}

}  // namespace cinplan
