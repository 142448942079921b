#include "core/calendar/duration.h"

#include <gtest/gtest.h>

#include <string>

namespace cinplan {
namespace {

Date D(const char* s) {
  return parse_date(s).value();
}

const WorkingDayCalendar& england() {
  static const WorkingDayCalendar calendar(HolidayRegion::kEnglandAndWales);
  return calendar;
}

Date apply_to(const char* date, int amount, TimeUnit unit, int sign = +1) {
  return apply(D(date), Duration{amount, unit}, england(), sign);
}

TEST(DurationTest, Days) {
  EXPECT_EQ(apply_to("2025-03-05", 10, TimeUnit::kDays), D("2025-03-15"));
  EXPECT_EQ(apply_to("2025-12-25", 7, TimeUnit::kDays), D("2026-01-01"));  // holidays don't matter
  EXPECT_EQ(apply_to("2024-02-28", 1, TimeUnit::kDays), D("2024-02-29"));
  EXPECT_EQ(apply_to("2025-03-05", 0, TimeUnit::kDays), D("2025-03-05"));
  EXPECT_EQ(apply_to("2025-03-05", 3, TimeUnit::kDays, -1), D("2025-03-02"));
}

TEST(DurationTest, Weeks) {
  EXPECT_EQ(apply_to("2025-03-05", 6, TimeUnit::kWeeks), D("2025-04-16"));
  EXPECT_EQ(apply_to("2025-12-29", 1, TimeUnit::kWeeks), D("2026-01-05"));
  EXPECT_EQ(apply_to("2025-03-05", 2, TimeUnit::kWeeks, -1), D("2025-02-19"));
}

TEST(DurationTest, MonthsClampToMonthEnd) {
  EXPECT_EQ(apply_to("2025-01-15", 3, TimeUnit::kMonths), D("2025-04-15"));
  EXPECT_EQ(apply_to("2025-01-31", 1, TimeUnit::kMonths), D("2025-02-28"));
  EXPECT_EQ(apply_to("2024-01-31", 1, TimeUnit::kMonths), D("2024-02-29"));
  EXPECT_EQ(apply_to("2025-10-31", 6, TimeUnit::kMonths), D("2026-04-30"));
  EXPECT_EQ(apply_to("2025-11-15", 2, TimeUnit::kMonths), D("2026-01-15"));
  // "3 months before the order expires".
  EXPECT_EQ(apply_to("2025-05-31", 3, TimeUnit::kMonths, -1), D("2025-02-28"));
  EXPECT_EQ(apply_to("2025-01-10", 2, TimeUnit::kMonths, -1), D("2024-11-10"));
}

TEST(DurationTest, WorkingDaysUseTheCalendar) {
  EXPECT_EQ(apply_to("2025-03-07", 1, TimeUnit::kWorkingDays), D("2025-03-10"));
  EXPECT_EQ(apply_to("2025-12-24", 1, TimeUnit::kWorkingDays), D("2025-12-29"));
  EXPECT_EQ(apply_to("2025-04-16", 15, TimeUnit::kWorkingDays), D("2025-05-12"));
  EXPECT_EQ(apply_to("2025-03-10", 3, TimeUnit::kWorkingDays, -1), D("2025-03-05"));
  EXPECT_EQ(apply_to("2025-12-29", 1, TimeUnit::kWorkingDays, -1), D("2025-12-24"));
  EXPECT_EQ(apply_to("2025-12-25", 0, TimeUnit::kWorkingDays), D("2025-12-25"));
  const WorkingDayCalendar scotland(HolidayRegion::kScotland);
  EXPECT_EQ(apply(D("2024-12-31"), Duration{1, TimeUnit::kWorkingDays}, scotland), D("2025-01-03"));
}

TEST(DurationTest, NegativeSignUndoesPositiveForCalendarUnits) {
  for (TimeUnit unit : {TimeUnit::kDays, TimeUnit::kWeeks}) {
    for (int n : {1, 5, 40}) {
      const Date there = apply_to("2025-06-11", n, unit);
      EXPECT_EQ(apply(there, Duration{n, unit}, england(), -1), D("2025-06-11"));
    }
  }
  // From a working day, working days round-trip too.
  const Date there = apply_to("2025-12-23", 5, TimeUnit::kWorkingDays);
  EXPECT_EQ(apply(there, Duration{5, TimeUnit::kWorkingDays}, england(), -1), D("2025-12-23"));
}

TEST(DurationTest, UnitNamesRoundTrip) {
  for (TimeUnit u :
       {TimeUnit::kDays, TimeUnit::kWeeks, TimeUnit::kMonths, TimeUnit::kWorkingDays}) {
    EXPECT_EQ(parse_time_unit(to_string(u)).value(), u);
  }
  EXPECT_EQ(to_string(TimeUnit::kWorkingDays), "working_days");
}

TEST(DurationTest, ParseTimeUnitRejectsUnknownUnits) {
  for (const char* bad : {"", "day", "Days", "working days", "working-days", "years", " weeks"}) {
    auto r = parse_time_unit(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kBadInput);
    EXPECT_NE(r.error().message.find("\"" + std::string(bad) + "\""), std::string::npos)
        << r.error().message;
    EXPECT_NE(r.error().message.find("working_days"), std::string::npos) << r.error().message;
  }
}

TEST(DurationTest, Describe) {
  EXPECT_EQ((Duration{15, TimeUnit::kWorkingDays}).describe(), "15 working days");
  EXPECT_EQ((Duration{1, TimeUnit::kWorkingDays}).describe(), "1 working day");
  EXPECT_EQ((Duration{1, TimeUnit::kMonths}).describe(), "1 month");
  EXPECT_EQ((Duration{3, TimeUnit::kMonths}).describe(), "3 months");
  EXPECT_EQ((Duration{6, TimeUnit::kWeeks}).describe(), "6 weeks");
  EXPECT_EQ((Duration{1, TimeUnit::kWeeks}).describe(), "1 week");
  EXPECT_EQ((Duration{1, TimeUnit::kDays}).describe(), "1 day");
  EXPECT_EQ((Duration{0, TimeUnit::kDays}).describe(), "0 days");
}

TEST(DurationTest, Equality) {
  EXPECT_EQ((Duration{3, TimeUnit::kDays}), (Duration{3, TimeUnit::kDays}));
  EXPECT_NE((Duration{3, TimeUnit::kDays}), (Duration{3, TimeUnit::kWorkingDays}));
  EXPECT_NE((Duration{3, TimeUnit::kDays}), (Duration{4, TimeUnit::kDays}));
}

}  // namespace
}  // namespace cinplan
