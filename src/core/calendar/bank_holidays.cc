#include "core/calendar/bank_holidays.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <initializer_list>
#include <string>

namespace cinplan {
namespace {

// Days since 1970-01-01 of a civil date, for any year (Date::from_ymd stops
// at 1900-2199, but the day-by-day fallback may look one year beyond).
constexpr std::int32_t civil_days(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

Date make_date(int y, int m, int d) {
  return Date::from_days(civil_days(y, m, d));
}

int weekday_index(Date d) {
  return static_cast<int>(d.weekday());
}  // Monday = 0

Date first_monday(int year, int month) {
  const Date first = make_date(year, month, 1);
  return add_days(first, (7 - weekday_index(first)) % 7);
}

Date last_monday(int year, int month) {
  const Date last = make_date(year, month, days_in_month(year, month));
  return add_days(last, -weekday_index(last));
}

unsigned region_bit(HolidayRegion region) {
  return 1u << static_cast<unsigned>(region);
}
constexpr unsigned kAllRegions = 0b111;

// The one-off changes to the regular rules, each made by proclamation for a
// single year. An entry with replaces_month == 0 is an extra day; otherwise
// it moves the rule-generated holiday on (year, replaces_month, replaces_day)
// to its own date and name.
struct OneOffChange {
  int year, month, day;
  unsigned regions;
  const char* name;
  int replaces_month, replaces_day;
};

constexpr OneOffChange kOneOffChanges[] = {
    {1995, 5, 8, kAllRegions, "Early May bank holiday (VE Day)", 5, 1},
    {1999, 12, 31, kAllRegions, "Millennium bank holiday", 0, 0},
    {2002, 6, 3, kAllRegions, "Golden Jubilee bank holiday", 0, 0},
    {2002, 6, 4, kAllRegions, "Spring bank holiday", 5, 27},
    {2011, 4, 29, kAllRegions, "Royal wedding bank holiday", 0, 0},
    {2012, 6, 4, kAllRegions, "Spring bank holiday", 5, 28},
    {2012, 6, 5, kAllRegions, "Queen's Diamond Jubilee", 0, 0},
    {2020, 5, 8, kAllRegions, "Early May bank holiday (VE Day)", 5, 4},
    {2022, 6, 2, kAllRegions, "Spring bank holiday", 5, 30},
    {2022, 6, 3, kAllRegions, "Platinum Jubilee bank holiday", 0, 0},
    {2022, 9, 19, kAllRegions, "Bank holiday for the State Funeral of Queen Elizabeth II", 0, 0},
    {2023, 5, 8, kAllRegions, "Bank holiday for the coronation of King Charles III", 0, 0},
};

// St Andrew's Day became a Scottish bank holiday by the St Andrew's Day Bank
// Holiday (Scotland) Act 2007.
constexpr int kStAndrewsDayFirstYear = 2007;

struct FixedDay {
  int month, day;
  const char* name;
};

bool contains(const std::vector<BankHoliday>& days, Date d) {
  return std::ranges::any_of(days, [&](const BankHoliday& h) { return h.date == d; });
}

// Adds fixed-date holidays: those on a weekday stay; each one on a weekend
// (taken in date order) moves to the next weekday that is not already a
// holiday, as "<name> (substitute day)".
void add_fixed(std::vector<BankHoliday>& out, int year, std::initializer_list<FixedDay> fixed) {
  for (const FixedDay& f : fixed) {
    const Date d = make_date(year, f.month, f.day);
    if (!d.is_weekend()) out.push_back({d, f.name});
  }
  for (const FixedDay& f : fixed) {
    Date d = make_date(year, f.month, f.day);
    if (!d.is_weekend()) continue;
    while (d.is_weekend() || contains(out, d)) d = add_days(d, 1);
    out.push_back({d, std::string(f.name) + " (substitute day)"});
  }
}

// The set of one calendar year outside the tables, recomputed only when the
// year changes, for day-by-day walks.
class YearHolidays {
 public:
  explicit YearHolidays(HolidayRegion region) : region_(region) {}
  bool is_working_day(Date d) {
    if (d.is_weekend()) return false;
    const int year = d.ymd().year;
    if (year != year_) {
      year_ = year;
      days_.clear();
      for (const BankHoliday& h : bank_holidays(region_, year)) days_.push_back(h.date.days());
    }
    return std::ranges::find(days_, d.days()) == days_.end();
  }

 private:
  HolidayRegion region_;
  int year_ = INT_MIN;
  std::vector<std::int32_t> days_;
};

constexpr std::int32_t kTableFirst = civil_days(WorkingDayCalendar::kFirstYear, 1, 1);
constexpr std::int32_t kTableLast = civil_days(WorkingDayCalendar::kLastYear, 12, 31);

bool in_table(std::int32_t day) {
  return day >= kTableFirst && day <= kTableLast;
}

}  // namespace

std::string_view to_string(HolidayRegion region) {
  switch (region) {
    case HolidayRegion::kEnglandAndWales:
      return "england-and-wales";
    case HolidayRegion::kScotland:
      return "scotland";
    case HolidayRegion::kNorthernIreland:
      return "northern-ireland";
  }
  return "england-and-wales";
}

Result<HolidayRegion> parse_holiday_region(std::string_view text) {
  for (HolidayRegion r : {HolidayRegion::kEnglandAndWales, HolidayRegion::kScotland,
                          HolidayRegion::kNorthernIreland}) {
    if (text == to_string(r)) return r;
  }
  return std::unexpected(
      Error::bad_input("unknown bank holiday region \"" + std::string(text) +
                       "\"; expected england-and-wales, scotland or northern-ireland"));
}

Date easter_sunday(int year) {
  // The anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return make_date(year, month, day);
}

std::vector<BankHoliday> bank_holidays(HolidayRegion region, int year) {
  const bool scotland = region == HolidayRegion::kScotland;
  const Date easter = easter_sunday(year);
  std::vector<BankHoliday> out;
  out.push_back({add_days(easter, -2), "Good Friday"});
  if (!scotland) out.push_back({add_days(easter, 1), "Easter Monday"});
  out.push_back({first_monday(year, 5), "Early May bank holiday"});
  out.push_back({last_monday(year, 5), "Spring bank holiday"});
  out.push_back({scotland ? first_monday(year, 8) : last_monday(year, 8), "Summer bank holiday"});

  switch (region) {
    case HolidayRegion::kEnglandAndWales:
      add_fixed(out, year,
                {{1, 1, "New Year's Day"}, {12, 25, "Christmas Day"}, {12, 26, "Boxing Day"}});
      break;
    case HolidayRegion::kScotland:
      if (year >= kStAndrewsDayFirstYear) add_fixed(out, year, {{11, 30, "St Andrew's Day"}});
      add_fixed(out, year,
                {{1, 1, "New Year's Day"},
                 {1, 2, "2nd January"},
                 {12, 25, "Christmas Day"},
                 {12, 26, "Boxing Day"}});
      break;
    case HolidayRegion::kNorthernIreland:
      add_fixed(out, year,
                {{1, 1, "New Year's Day"},
                 {3, 17, "St Patrick's Day"},
                 {7, 12, "Battle of the Boyne (Orangemen's Day)"},
                 {12, 25, "Christmas Day"},
                 {12, 26, "Boxing Day"}});
      break;
  }

  for (const OneOffChange& change : kOneOffChanges) {
    if (change.year != year || (change.regions & region_bit(region)) == 0) continue;
    if (change.replaces_month != 0) {
      const Date replaced = make_date(year, change.replaces_month, change.replaces_day);
      std::erase_if(out, [&](const BankHoliday& h) { return h.date == replaced; });
    }
    out.push_back({make_date(year, change.month, change.day), change.name});
  }
  std::ranges::sort(out, {}, &BankHoliday::date);
  return out;
}

WorkingDayCalendar::WorkingDayCalendar(HolidayRegion region)
    : region_(region), first_day_(kTableFirst) {
  for (int year = kFirstYear; year <= kLastYear; ++year) {
    for (const BankHoliday& h : bank_holidays(region, year)) holidays_.push_back(h.date.days());
  }
  cumulative_.reserve(static_cast<std::size_t>(kTableLast - kTableFirst + 1));
  std::int32_t count = 0;
  auto next_holiday = holidays_.begin();
  for (std::int32_t day = kTableFirst; day <= kTableLast; ++day) {
    while (next_holiday != holidays_.end() && *next_holiday < day) ++next_holiday;
    const bool holiday = next_holiday != holidays_.end() && *next_holiday == day;
    if (!holiday && !Date::from_days(day).is_weekend()) {
      ++count;
      working_days_.push_back(day);
    }
    cumulative_.push_back(count);
  }
}

bool WorkingDayCalendar::is_bank_holiday(Date d) const {
  if (in_table(d.days())) return std::ranges::binary_search(holidays_, d.days());
  return std::ranges::any_of(bank_holidays(region_, d.ymd().year),
                             [&](const BankHoliday& h) { return h.date == d; });
}

bool WorkingDayCalendar::is_working_day(Date d) const {
  if (!in_table(d.days())) return YearHolidays(region_).is_working_day(d);
  const std::int32_t i = d.days() - first_day_;
  return cumulative_[i] - (i > 0 ? cumulative_[i - 1] : 0) == 1;
}

Date WorkingDayCalendar::add_working_days(Date d, int n) const {
  const int step = n > 0 ? 1 : -1;
  int remaining = n > 0 ? n : -n;
  const auto total = static_cast<std::int32_t>(working_days_.size());
  YearHolidays outside(region_);
  while (remaining > 0) {
    if (in_table(d.days())) {
      // Answer from the tables, or consume all the table's working days on
      // that side of d and carry on day by day beyond its edge.
      const std::int32_t i = d.days() - first_day_;
      if (step > 0) {
        const std::int32_t up_to = cumulative_[i];  // working days <= d
        if (up_to + remaining <= total)
          return Date::from_days(working_days_[up_to + remaining - 1]);
        remaining -= total - up_to;
        d = Date::from_days(kTableLast);
      } else {
        const std::int32_t before = i > 0 ? cumulative_[i - 1] : 0;  // working days < d
        if (before >= remaining) return Date::from_days(working_days_[before - remaining]);
        remaining -= before;
        d = Date::from_days(kTableFirst);
      }
    }
    d = add_days(d, step);
    if (in_table(d.days()) ? is_working_day(d) : outside.is_working_day(d)) --remaining;
  }
  return d;
}

int WorkingDayCalendar::working_days_between(Date a, Date b) const {
  // Working days in the closed day range [lo, hi], from the tables where
  // they reach and day by day elsewhere.
  auto count = [&](std::int32_t lo, std::int32_t hi) {
    YearHolidays outside(region_);
    int n = 0;
    for (std::int32_t day = lo; day <= std::min(hi, kTableFirst - 1); ++day) {
      n += outside.is_working_day(Date::from_days(day)) ? 1 : 0;
    }
    const std::int32_t from = std::max(lo, kTableFirst), to = std::min(hi, kTableLast);
    if (from <= to) {
      n += cumulative_[to - first_day_] -
           (from > first_day_ ? cumulative_[from - first_day_ - 1] : 0);
    }
    for (std::int32_t day = std::max(lo, kTableLast + 1); day <= hi; ++day) {
      n += outside.is_working_day(Date::from_days(day)) ? 1 : 0;
    }
    return n;
  };
  // Forwards: (a, b]. Backwards, symmetric with add_working_days(a, -n): -[b, a).
  if (a <= b) return count(a.days() + 1, b.days());
  return -count(b.days(), a.days() - 1);
}

}  // namespace cinplan
