#include "core/census/census_return.h"

namespace cinplan::census {

std::optional<Date> date_of(const Text& text) {
  if (!text) return std::nullopt;
  // Census files carry dates as YYYY-MM-DD; some systems add a time.
  std::string_view t = *text;
  if (t.size() > 10 && t[10] == 'T') t = t.substr(0, 10);
  auto d = parse_date(t);
  if (!d) return std::nullopt;
  return *d;
}

std::optional<bool> flag_of(const Text& text) {
  if (!text) return std::nullopt;
  if (*text == "1" || *text == "true") return true;
  if (*text == "0" || *text == "false") return false;
  return std::nullopt;
}

CensusPeriod period_ending(Date reference_date) {
  const YearMonthDay r = reference_date.ymd();
  // 1 April of the year before a 31 March reference date; for any other
  // reference date, the day after it a year before.
  const auto start = Date::from_ymd(r.year - 1, 4, 1);
  if (r.month == 3 && r.day == 31 && start) return {*start, reference_date};
  return {add_days(add_months(reference_date, -12), 1), reference_date};
}

}  // namespace cinplan::census
