#include "core/calendar/bank_holidays.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cinplan {
namespace {

using Strings = std::vector<std::string>;
constexpr HolidayRegion kEW = HolidayRegion::kEnglandAndWales;
constexpr HolidayRegion kScot = HolidayRegion::kScotland;
constexpr HolidayRegion kNI = HolidayRegion::kNorthernIreland;

Date D(const char* s) {
  return parse_date(s).value();
}

Strings dates(HolidayRegion region, int year) {
  Strings out;
  for (const BankHoliday& h : bank_holidays(region, year)) out.push_back(h.date.to_string());
  return out;
}

std::string name_on(HolidayRegion region, const char* date) {
  const Date d = D(date);
  for (const BankHoliday& h : bank_holidays(region, d.ymd().year)) {
    if (h.date == d) return h.name;
  }
  return "(none)";
}

bool has(HolidayRegion region, const char* date) {
  return name_on(region, date) != "(none)";
}

TEST(BankHolidayRegionTest, ParsesAndPrintsEveryRegion) {
  for (HolidayRegion r : {kEW, kScot, kNI})
    EXPECT_EQ(parse_holiday_region(to_string(r)).value(), r);
  EXPECT_EQ(to_string(kEW), "england-and-wales");
  EXPECT_EQ(to_string(kScot), "scotland");
  EXPECT_EQ(to_string(kNI), "northern-ireland");
}

TEST(BankHolidayRegionTest, UnknownRegionNamesTextAndAllowedValues) {
  for (const char* bad : {"wales", "England-and-Wales", "", "scotland "}) {
    auto r = parse_holiday_region(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kBadInput);
    const std::string& m = r.error().message;
    EXPECT_NE(m.find("\"" + std::string(bad) + "\""), std::string::npos) << m;
    for (const char* id : {"england-and-wales", "scotland", "northern-ireland"}) {
      EXPECT_NE(m.find(id), std::string::npos) << m;
    }
  }
}

TEST(EasterTest, KnownDates) {
  EXPECT_EQ(easter_sunday(2019), D("2019-04-21"));
  EXPECT_EQ(easter_sunday(2024), D("2024-03-31"));
  EXPECT_EQ(easter_sunday(2025), D("2025-04-20"));
  EXPECT_EQ(easter_sunday(2026), D("2026-04-05"));
  EXPECT_EQ(easter_sunday(2038), D("2038-04-25"));  // latest possible
  EXPECT_EQ(easter_sunday(2008), D("2008-03-23"));
  EXPECT_EQ(easter_sunday(2000), D("2000-04-23"));
  EXPECT_EQ(easter_sunday(1943), D("1943-04-25"));
  EXPECT_EQ(easter_sunday(2100), D("2100-03-28"));
}

TEST(EasterTest, AlwaysASundayBetween22MarchAnd25April) {
  for (int y = 1900; y <= 2199; ++y) {
    const Date e = easter_sunday(y);
    EXPECT_EQ(e.weekday(), Weekday::kSunday) << y;
    EXPECT_GE(e, Date::from_ymd(y, 3, 22).value()) << y;
    EXPECT_LE(e, Date::from_ymd(y, 4, 25).value()) << y;
  }
}

// The published gov.uk lists for England and Wales.
TEST(BankHolidayTest, EnglandAndWalesPublishedLists2019To2027) {
  EXPECT_EQ(dates(kEW, 2019), (Strings{"2019-01-01", "2019-04-19", "2019-04-22", "2019-05-06",
                                       "2019-05-27", "2019-08-26", "2019-12-25", "2019-12-26"}));
  EXPECT_EQ(dates(kEW, 2020), (Strings{"2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08",
                                       "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"}));
  EXPECT_EQ(dates(kEW, 2021), (Strings{"2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03",
                                       "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"}));
  EXPECT_EQ(dates(kEW, 2022),
            (Strings{"2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02",
                     "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"}));
  EXPECT_EQ(dates(kEW, 2023),
            (Strings{"2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08",
                     "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26"}));
  EXPECT_EQ(dates(kEW, 2024), (Strings{"2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06",
                                       "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26"}));
  EXPECT_EQ(dates(kEW, 2025), (Strings{"2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05",
                                       "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"}));
  EXPECT_EQ(dates(kEW, 2026), (Strings{"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04",
                                       "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"}));
  EXPECT_EQ(dates(kEW, 2027), (Strings{"2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03",
                                       "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"}));
}

TEST(BankHolidayTest, SubstituteDayNames) {
  EXPECT_EQ(name_on(kEW, "2022-01-03"), "New Year's Day (substitute day)");
  EXPECT_EQ(name_on(kEW, "2023-01-02"), "New Year's Day (substitute day)");
  // Christmas on a Saturday: Monday and Tuesday substitute, in that order.
  EXPECT_EQ(name_on(kEW, "2021-12-27"), "Christmas Day (substitute day)");
  EXPECT_EQ(name_on(kEW, "2021-12-28"), "Boxing Day (substitute day)");
  // Christmas on a Sunday: Boxing Day keeps Monday, Christmas moves to Tuesday.
  EXPECT_EQ(name_on(kEW, "2022-12-26"), "Boxing Day");
  EXPECT_EQ(name_on(kEW, "2022-12-27"), "Christmas Day (substitute day)");
  // Christmas on a Friday: Boxing Day moves to Monday.
  EXPECT_EQ(name_on(kEW, "2020-12-28"), "Boxing Day (substitute day)");
  EXPECT_EQ(name_on(kEW, "2025-04-21"), "Easter Monday");
  EXPECT_EQ(name_on(kEW, "2025-04-18"), "Good Friday");
  EXPECT_EQ(name_on(kEW, "2025-05-05"), "Early May bank holiday");
  EXPECT_EQ(name_on(kEW, "2025-05-26"), "Spring bank holiday");
  EXPECT_EQ(name_on(kEW, "2025-08-25"), "Summer bank holiday");
  EXPECT_NE(name_on(kEW, "2020-05-08").find("VE Day"), std::string::npos);
  EXPECT_NE(name_on(kEW, "2022-06-03").find("Platinum Jubilee"), std::string::npos);
  EXPECT_NE(name_on(kEW, "2022-09-19").find("State Funeral"), std::string::npos);
  EXPECT_NE(name_on(kEW, "2023-05-08").find("coronation"), std::string::npos);
}

TEST(BankHolidayTest, ScotlandLists2024To2026) {
  EXPECT_EQ(dates(kScot, 2024),
            (Strings{"2024-01-01", "2024-01-02", "2024-03-29", "2024-05-06", "2024-05-27",
                     "2024-08-05", "2024-12-02", "2024-12-25", "2024-12-26"}));
  EXPECT_EQ(dates(kScot, 2025),
            (Strings{"2025-01-01", "2025-01-02", "2025-04-18", "2025-05-05", "2025-05-26",
                     "2025-08-04", "2025-12-01", "2025-12-25", "2025-12-26"}));
  EXPECT_EQ(dates(kScot, 2026),
            (Strings{"2026-01-01", "2026-01-02", "2026-04-03", "2026-05-04", "2026-05-25",
                     "2026-08-03", "2026-11-30", "2026-12-25", "2026-12-28"}));
  EXPECT_EQ(name_on(kScot, "2024-12-02"), "St Andrew's Day (substitute day)");
  EXPECT_EQ(name_on(kScot, "2026-11-30"), "St Andrew's Day");
}

TEST(BankHolidayTest, ScotlandNewYearSubstitutes) {
  // 1 Jan Saturday, 2 Jan Sunday: Monday 3 and Tuesday 4 January.
  EXPECT_EQ(name_on(kScot, "2022-01-03"), "New Year's Day (substitute day)");
  EXPECT_EQ(name_on(kScot, "2022-01-04"), "2nd January (substitute day)");
  // 1 Jan Friday, 2 Jan Saturday: Monday 4 January.
  EXPECT_EQ(name_on(kScot, "2021-01-04"), "2nd January (substitute day)");
  // 1 Jan Sunday: 2 January is itself a holiday, so the substitute is Tuesday 3.
  EXPECT_TRUE(has(kScot, "2023-01-02"));
  EXPECT_TRUE(has(kScot, "2023-01-03"));
  EXPECT_EQ(dates(kScot, 2023),
            (Strings{"2023-01-02", "2023-01-03", "2023-04-07", "2023-05-01", "2023-05-08",
                     "2023-05-29", "2023-08-07", "2023-11-30", "2023-12-25", "2023-12-26"}));
}

TEST(BankHolidayTest, NorthernIrelandLists2024To2026) {
  EXPECT_EQ(dates(kNI, 2024),
            (Strings{"2024-01-01", "2024-03-18", "2024-03-29", "2024-04-01", "2024-05-06",
                     "2024-05-27", "2024-07-12", "2024-08-26", "2024-12-25", "2024-12-26"}));
  EXPECT_EQ(dates(kNI, 2025),
            (Strings{"2025-01-01", "2025-03-17", "2025-04-18", "2025-04-21", "2025-05-05",
                     "2025-05-26", "2025-07-14", "2025-08-25", "2025-12-25", "2025-12-26"}));
  EXPECT_EQ(dates(kNI, 2026),
            (Strings{"2026-01-01", "2026-03-17", "2026-04-03", "2026-04-06", "2026-05-04",
                     "2026-05-25", "2026-07-13", "2026-08-31", "2026-12-25", "2026-12-28"}));
  EXPECT_EQ(name_on(kNI, "2024-03-18"), "St Patrick's Day (substitute day)");
  EXPECT_EQ(name_on(kNI, "2026-07-13"), "Battle of the Boyne (Orangemen's Day) (substitute day)");
}

TEST(BankHolidayTest, OneOffChangesBefore2019) {
  for (HolidayRegion r : {kEW, kScot, kNI}) {
    SCOPED_TRACE(std::string(to_string(r)));
    EXPECT_TRUE(has(r, "1995-05-08"));  // VE Day 50th replaced 1 May
    EXPECT_FALSE(has(r, "1995-05-01"));
    EXPECT_TRUE(has(r, "1999-12-31"));  // Millennium
    EXPECT_TRUE(has(r, "2002-06-03"));  // Golden Jubilee
    EXPECT_TRUE(has(r, "2002-06-04"));  // spring moved from 27 May
    EXPECT_FALSE(has(r, "2002-05-27"));
    EXPECT_TRUE(has(r, "2011-04-29"));  // Royal Wedding
    EXPECT_TRUE(has(r, "2012-06-04"));  // spring moved from 28 May
    EXPECT_TRUE(has(r, "2012-06-05"));  // Diamond Jubilee
    EXPECT_FALSE(has(r, "2012-05-28"));
  }
  EXPECT_EQ(dates(kEW, 1995), (Strings{"1995-01-02", "1995-04-14", "1995-04-17", "1995-05-08",
                                       "1995-05-29", "1995-08-28", "1995-12-25", "1995-12-26"}));
  EXPECT_EQ(dates(kEW, 1999),
            (Strings{"1999-01-01", "1999-04-02", "1999-04-05", "1999-05-03", "1999-05-31",
                     "1999-08-30", "1999-12-27", "1999-12-28", "1999-12-31"}));
  EXPECT_EQ(bank_holidays(kEW, 2002).size(), 9u);
  EXPECT_EQ(bank_holidays(kEW, 2011).size(), 9u);
  EXPECT_EQ(bank_holidays(kEW, 2012).size(), 9u);
}

TEST(BankHolidayTest, StAndrewsDayFromItsActOnly) {
  EXPECT_FALSE(has(kScot, "2005-11-30"));  // a Wednesday, before the 2007 Act
  EXPECT_TRUE(has(kScot, "2007-11-30"));
}

TEST(BankHolidayTest, EveryYearSortedOnWeekdaysAndDistinct) {
  for (HolidayRegion r : {kEW, kScot, kNI}) {
    for (int y = 1900; y <= 2199; ++y) {
      const auto list = bank_holidays(r, y);
      ASSERT_GE(list.size(), 8u) << y;
      for (std::size_t i = 0; i < list.size(); ++i) {
        EXPECT_FALSE(list[i].date.is_weekend()) << list[i].date.to_string();
        EXPECT_EQ(list[i].date.ymd().year, y) << list[i].date.to_string();
        if (i > 0) {
          EXPECT_LT(list[i - 1].date, list[i].date) << list[i].date.to_string();
        }
      }
    }
  }
}

// Working days by the definition, day by day from bank_holidays(): the
// reference the tables and the out-of-range fallback must agree with.
bool reference_working_day(HolidayRegion r, Date d) {
  if (d.is_weekend()) return false;
  for (const BankHoliday& h : bank_holidays(r, d.ymd().year)) {
    if (h.date == d) return false;
  }
  return true;
}

Date reference_add(HolidayRegion r, Date d, int n) {
  const int step = n > 0 ? 1 : -1;
  for (int remaining = n > 0 ? n : -n; remaining > 0;) {
    d = add_days(d, step);
    if (reference_working_day(r, d)) --remaining;
  }
  return d;
}

class WorkingDayTest : public ::testing::Test {
 protected:
  static const WorkingDayCalendar& ew() {
    static const WorkingDayCalendar calendar(kEW);
    return calendar;
  }
  Date add(const char* d, int n) const { return ew().add_working_days(D(d), n); }
};

TEST_F(WorkingDayTest, ZeroIsTheSameDayEvenOnAHoliday) {
  EXPECT_EQ(add("2025-03-05", 0), D("2025-03-05"));
  EXPECT_EQ(add("2025-12-25", 0), D("2025-12-25"));
  EXPECT_EQ(add("2025-03-08", 0), D("2025-03-08"));
  EXPECT_EQ(add("1990-06-02", 0), D("1990-06-02"));
}

TEST_F(WorkingDayTest, ClassifiesDays) {
  EXPECT_TRUE(ew().is_working_day(D("2025-03-05")));
  EXPECT_FALSE(ew().is_working_day(D("2025-03-08")));  // Saturday
  EXPECT_FALSE(ew().is_working_day(D("2025-03-09")));  // Sunday
  EXPECT_FALSE(ew().is_working_day(D("2025-08-25")));  // Summer bank holiday
  EXPECT_TRUE(ew().is_bank_holiday(D("2025-08-25")));
  EXPECT_FALSE(ew().is_bank_holiday(D("2025-08-23")));  // a weekend is not a bank holiday
  EXPECT_TRUE(ew().is_bank_holiday(D("2070-12-25")));
  EXPECT_FALSE(ew().is_working_day(D("1990-04-16")));  // Easter Monday, outside the tables
  EXPECT_TRUE(ew().is_working_day(D("1990-04-17")));
  EXPECT_EQ(ew().region(), kEW);
}

TEST_F(WorkingDayTest, TablesAgreeWithBankHolidaysEverywhere) {
  for (HolidayRegion r : {kEW, kScot, kNI}) {
    const WorkingDayCalendar cal(r);
    int mismatches = 0;
    for (Date d = D("1994-12-01"); d <= D("2061-01-31"); d = add_days(d, 1)) {
      if (cal.is_working_day(d) != reference_working_day(r, d)) ++mismatches;
      if (cal.is_bank_holiday(d) != (!d.is_weekend() && !reference_working_day(r, d))) ++mismatches;
    }
    EXPECT_EQ(mismatches, 0) << to_string(r);
  }
}

TEST_F(WorkingDayTest, ForwardsFromWeekdaysAndWeekends) {
  EXPECT_EQ(add("2025-03-05", 1), D("2025-03-06"));  // Wednesday -> Thursday
  EXPECT_EQ(add("2025-03-07", 1), D("2025-03-10"));  // Friday -> Monday
  EXPECT_EQ(add("2025-03-08", 1), D("2025-03-10"));  // Saturday -> Monday
  EXPECT_EQ(add("2025-03-09", 1), D("2025-03-10"));  // Sunday -> Monday
  EXPECT_EQ(add("2025-03-03", 10), D("2025-03-17"));
  EXPECT_EQ(add("2025-03-08", 5), D("2025-03-14"));
}

TEST_F(WorkingDayTest, BackwardsIsSymmetric) {
  EXPECT_EQ(add("2025-03-10", -3), D("2025-03-05"));  // Monday -> previous Wednesday
  EXPECT_EQ(add("2025-03-10", -1), D("2025-03-07"));
  EXPECT_EQ(add("2025-03-09", -1), D("2025-03-07"));  // Sunday -> Friday
  EXPECT_EQ(add("2025-03-17", -10), D("2025-03-03"));
}

TEST_F(WorkingDayTest, ChristmasAndNewYear) {
  EXPECT_EQ(add("2025-12-24", 1), D("2025-12-29"));
  EXPECT_EQ(add("2025-12-24", 3), D("2025-12-31"));
  EXPECT_EQ(add("2025-12-24", 4), D("2026-01-02"));
  EXPECT_EQ(add("2026-01-02", -4), D("2025-12-24"));
  EXPECT_EQ(add("2020-12-24", 1), D("2020-12-29"));  // Fri 25, Mon 28 (substitute)
  EXPECT_EQ(add("2021-12-24", 1), D("2021-12-29"));  // Mon 27, Tue 28 substitutes
  EXPECT_EQ(add("2022-12-23", 1), D("2022-12-28"));  // Mon 26, Tue 27
  EXPECT_EQ(add("2022-12-30", 1), D("2023-01-03"));  // Mon 2 Jan substitute
  EXPECT_EQ(add("2023-01-03", -1), D("2022-12-30"));
  EXPECT_EQ(add("2022-12-28", -1), D("2022-12-23"));
}

TEST_F(WorkingDayTest, EasterAndBankHolidayMondays) {
  EXPECT_EQ(add("2025-04-17", 1), D("2025-04-22"));  // Thursday over Good Friday to Easter Monday
  EXPECT_EQ(add("2025-04-22", -1), D("2025-04-17"));
  EXPECT_EQ(add("2025-04-18", 1), D("2025-04-22"));  // from the holiday itself
  EXPECT_EQ(add("2025-05-23", 1), D("2025-05-27"));  // over Spring bank holiday
  EXPECT_EQ(add("2025-05-26", 1), D("2025-05-27"));
  EXPECT_EQ(add("2025-05-27", -1), D("2025-05-23"));
  EXPECT_EQ(add("2022-06-01", 1), D("2022-06-06"));  // Platinum Jubilee Thursday and Friday
  EXPECT_EQ(add("2025-08-22", 10), D("2025-09-08"));
}

TEST_F(WorkingDayTest, RegionsDiffer) {
  const WorkingDayCalendar scot(kScot);
  const WorkingDayCalendar ni(kNI);
  EXPECT_EQ(add("2024-12-31", 1), D("2025-01-02"));
  EXPECT_EQ(scot.add_working_days(D("2024-12-31"), 1), D("2025-01-03"));  // 2nd January
  EXPECT_EQ(add("2025-08-01", 1), D("2025-08-04"));
  EXPECT_EQ(scot.add_working_days(D("2025-08-01"), 1), D("2025-08-05"));  // first Monday of August
  EXPECT_EQ(scot.add_working_days(D("2025-04-17"), 1), D("2025-04-21"));  // no Easter Monday
  EXPECT_EQ(ni.add_working_days(D("2025-07-11"), 1), D("2025-07-15"));    // Boyne substitute
  EXPECT_EQ(ni.add_working_days(D("2025-03-14"), 1), D("2025-03-18"));    // St Patrick's Day
}

TEST_F(WorkingDayTest, WorkingDaysBetween) {
  const auto& c = ew();
  EXPECT_EQ(c.working_days_between(D("2025-03-05"), D("2025-03-05")), 0);
  EXPECT_EQ(c.working_days_between(D("2025-03-07"), D("2025-03-09")), 0);  // Fri to Sun
  EXPECT_EQ(c.working_days_between(D("2025-03-07"), D("2025-03-10")), 1);
  EXPECT_EQ(c.working_days_between(D("2025-12-24"), D("2025-12-29")), 1);
  EXPECT_EQ(c.working_days_between(D("2025-12-24"), D("2026-01-02")), 4);
  EXPECT_EQ(c.working_days_between(D("2025-03-10"), D("2025-03-05")), -3);
  EXPECT_EQ(c.working_days_between(D("2025-01-01"), D("2025-12-31")), 253);
}

TEST_F(WorkingDayTest, OutsideTheTablesFollowTheSameRules) {
  EXPECT_EQ(add("1990-04-12", 1), D("1990-04-17"));  // Easter 1990
  EXPECT_EQ(add("1990-12-24", 1), D("1990-12-27"));
  EXPECT_EQ(add("1990-04-17", -1), D("1990-04-12"));
  EXPECT_EQ(add("2070-03-27", 1), D("2070-04-01"));  // Easter 2070
  EXPECT_EQ(add("2070-12-24", 1), D("2070-12-29"));
  EXPECT_EQ(add("2070-12-29", -1), D("2070-12-24"));
  // Across the table edges, both ways.
  EXPECT_EQ(add("1994-12-30", 1), D("1995-01-03"));  // Mon 2 Jan 1995 substitute
  EXPECT_EQ(add("1995-01-03", -1), D("1994-12-30"));
  EXPECT_EQ(add("2060-12-24", 1), D("2060-12-29"));  // Mon 27, Tue 28 substitutes
  EXPECT_EQ(add("2060-12-24", 4), D("2061-01-04"));  // Mon 3 Jan 2061 substitute
  EXPECT_EQ(add("2061-01-04", -4), D("2060-12-24"));
  for (HolidayRegion r : {kEW, kScot, kNI}) {
    const WorkingDayCalendar cal(r);
    for (const char* start : {"1989-11-15", "1994-12-20", "2060-12-01", "2069-12-20"}) {
      for (int n : {1, 7, 25, 300, 3000}) {
        for (int sign : {1, -1}) {
          const Date want = reference_add(r, D(start), sign * n);
          EXPECT_EQ(cal.add_working_days(D(start), sign * n), want) << start << " " << sign * n;
          EXPECT_EQ(cal.working_days_between(D(start), want), sign * n) << start << " " << sign * n;
        }
      }
    }
  }
}

TEST_F(WorkingDayTest, PropertyEveryDay2019To2030) {
  const auto& c = ew();
  int failures = 0;
  for (Date d = D("2019-01-01"); d <= D("2030-12-31"); d = add_days(d, 1)) {
    for (int n = 1; n <= 25; ++n) {
      const Date after = c.add_working_days(d, n);
      const Date before = c.add_working_days(d, -n);
      const bool ok = c.is_working_day(after) && c.working_days_between(d, after) == n &&
                      c.is_working_day(before) && c.working_days_between(d, before) == -n &&
                      (n > 1 || after == reference_add(kEW, d, 1));
      if (!ok && ++failures <= 5) ADD_FAILURE() << d.to_string() << " n=" << n;
    }
  }
  EXPECT_EQ(failures, 0);
}

}  // namespace
}  // namespace cinplan
