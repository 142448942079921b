#include "core/calendar/uk_time.h"

#include <cstdio>

namespace cinplan {
namespace {

constexpr std::int64_t kDay = 86'400;

// Seconds since the epoch of 01:00 UTC on the last Sunday of `month`.
std::int64_t last_sunday_one_am(int year, int month) {
  const Date last = *Date::from_ymd(year, month, 31);  // March and October have 31 days
  // Monday is 0 and Sunday 6: a Monday is one day after the Sunday before it.
  const int back = (static_cast<int>(last.weekday()) + 1) % 7;
  const Date sunday = add_days(last, -back);
  return static_cast<std::int64_t>(sunday.days()) * kDay + 3'600;
}

// Floor division, for instants before 1970.
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

int digits(std::string_view s, std::size_t at, std::size_t n) {
  int v = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

}  // namespace

UkTime uk_time(std::int64_t seconds) {
  const Date utc_day = Date::from_days(static_cast<std::int32_t>(floor_div(seconds, kDay)));
  const int year = utc_day.ymd().year;
  const bool summer =
      seconds >= last_sunday_one_am(year, 3) && seconds < last_sunday_one_am(year, 10);
  const std::int64_t local = seconds + (summer ? 3'600 : 0);
  const std::int64_t day = floor_div(local, kDay);
  const std::int64_t in_day = local - day * kDay;
  UkTime t;
  t.date = Date::from_days(static_cast<std::int32_t>(day));
  t.hour = static_cast<int>(in_day / 3'600);
  t.minute = static_cast<int>(in_day % 3'600 / 60);
  t.summer = summer;
  return t;
}

std::optional<UkTime> uk_time(std::string_view s) {
  // YYYY-MM-DDTHH:MM:SS[.fff]Z
  if (s.size() < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' ||
      s.back() != 'Z')
    return std::nullopt;
  const int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
  const int hour = digits(s, 11, 2), minute = digits(s, 14, 2), second = digits(s, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 ||
      second < 0 || second > 60)
    return std::nullopt;
  auto date = Date::from_ymd(year, month, day);
  if (!date) return std::nullopt;
  return uk_time(static_cast<std::int64_t>(date->days()) * kDay + hour * 3'600 + minute * 60 +
                 second);
}

std::string clock_words(const UkTime& t) {
  if (t.minute == 0 && t.hour == 0) return "midnight";
  if (t.minute == 0 && t.hour == 12) return "midday";
  const int h12 = t.hour % 12 == 0 ? 12 : t.hour % 12;
  const char* half = t.hour < 12 ? "am" : "pm";
  char out[16];
  if (t.minute == 0)
    std::snprintf(out, sizeof out, "%d%s", h12, half);
  else
    std::snprintf(out, sizeof out, "%d:%02d%s", h12, t.minute, half);
  return out;
}

}  // namespace cinplan
