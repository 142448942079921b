#include "core/calendar/date.h"

#include <gtest/gtest.h>

namespace cinplan {
namespace {

Date D(const char* s) {
  return parse_date(s).value();
}

TEST(DateTest, ParsesAndPrintsRoundTrip) {
  EXPECT_EQ(D("2025-03-03").to_string(), "2025-03-03");
  EXPECT_EQ(D("1970-01-01").days(), 0);
  EXPECT_EQ(D("2024-02-29").to_string(), "2024-02-29");
}

TEST(DateTest, RejectsImpossibleDatesWithReason) {
  auto r = parse_date("2025-02-30");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("February 2025 has 28 days"), std::string::npos)
      << r.error().message;
  EXPECT_FALSE(parse_date("2023-02-29"));
  EXPECT_FALSE(parse_date("2025-13-01"));
  EXPECT_FALSE(parse_date("2025-00-10"));
  EXPECT_FALSE(parse_date("2025-04-31"));
}

TEST(DateTest, RejectsMalformedText) {
  for (const char* s : {"", "2025-3-03", "03/03/2025", "2025-03-03T00:00", "20250303", "2025-0a-03",
                        " 2025-03-03", "+025-03-03"}) {
    EXPECT_FALSE(parse_date(s)) << s;
  }
}

TEST(DateTest, Weekday) {
  EXPECT_EQ(D("1970-01-01").weekday(), Weekday::kThursday);
  EXPECT_EQ(D("2025-03-03").weekday(), Weekday::kMonday);
  EXPECT_EQ(D("1969-12-28").weekday(), Weekday::kSunday);
  EXPECT_TRUE(D("2026-11-22").is_weekend());
}

TEST(DateTest, AddMonthsClampsToMonthEnd) {
  EXPECT_EQ(add_months(D("2025-01-31"), 1), D("2025-02-28"));
  EXPECT_EQ(add_months(D("2024-01-31"), 1), D("2024-02-29"));
  EXPECT_EQ(add_months(D("2025-08-31"), 1), D("2025-09-30"));
  EXPECT_EQ(add_months(D("2025-11-30"), 3), D("2026-02-28"));
  EXPECT_EQ(add_months(D("2025-03-31"), -1), D("2025-02-28"));
  EXPECT_EQ(add_months(D("2025-01-15"), -13), D("2023-12-15"));
  EXPECT_EQ(add_months(D("2024-02-29"), 12), D("2025-02-28"));
}

TEST(DateTest, AddDaysAndWeeks) {
  EXPECT_EQ(add_days(D("2024-02-28"), 1), D("2024-02-29"));
  EXPECT_EQ(add_days(D("2025-03-03"), 15), D("2025-03-18"));
  EXPECT_EQ(add_weeks(D("2025-12-25"), 2), D("2026-01-08"));
  EXPECT_EQ(add_weeks(D("2025-01-08"), -2), D("2024-12-25"));
}

}  // namespace
}  // namespace cinplan
