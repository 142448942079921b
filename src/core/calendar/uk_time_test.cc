#include "core/calendar/uk_time.h"

#include <gtest/gtest.h>

namespace cinplan {
namespace {

UkTime at(std::string_view utc) {
  auto t = uk_time(utc);
  EXPECT_TRUE(t.has_value()) << utc;
  return t.value_or(UkTime{});
}

TEST(UkTime, WinterIsGreenwichMeanTime) {
  const UkTime t = at("2026-12-02T18:40:05.123Z");
  EXPECT_EQ(t.date.to_string(), "2026-12-02");
  EXPECT_EQ(t.hour, 18);
  EXPECT_EQ(t.minute, 40);
  EXPECT_FALSE(t.summer);
}

TEST(UkTime, SummerIsAnHourAheadAndCanBeTheNextDay) {
  // 23:30 UTC on 1 July is 00:30 on 2 July in England.
  const UkTime t = at("2026-07-01T23:30:00Z");
  EXPECT_EQ(t.date.to_string(), "2026-07-02");
  EXPECT_EQ(t.hour, 0);
  EXPECT_EQ(t.minute, 30);
  EXPECT_TRUE(t.summer);
}

TEST(UkTime, SummerTimeStartsAndEndsAtOneInTheMorningUtc) {
  // 2026: the last Sunday of March is the 29th, of October the 25th.
  EXPECT_FALSE(at("2026-03-29T00:59:59Z").summer);
  EXPECT_TRUE(at("2026-03-29T01:00:00Z").summer);
  EXPECT_EQ(at("2026-03-29T01:00:00Z").hour, 2);
  EXPECT_TRUE(at("2026-10-25T00:59:59Z").summer);
  EXPECT_FALSE(at("2026-10-25T01:00:00Z").summer);
  EXPECT_EQ(at("2026-10-25T01:00:00Z").hour, 1);
  // 2027: 28 March and 31 October (the 31st itself a Sunday).
  EXPECT_TRUE(at("2027-03-28T01:00:00Z").summer);
  EXPECT_FALSE(at("2027-03-27T12:00:00Z").summer);
  EXPECT_TRUE(at("2027-10-31T00:30:00Z").summer);
  EXPECT_FALSE(at("2027-10-31T01:00:00Z").summer);
}

TEST(UkTime, SecondsSinceTheEpoch) {
  const UkTime t = uk_time(std::int64_t{0});
  EXPECT_EQ(t.date.to_string(), "1970-01-01");
  EXPECT_EQ(t.hour, 0);
  const UkTime before = uk_time(std::int64_t{-60});
  EXPECT_EQ(before.date.to_string(), "1969-12-31");
  EXPECT_EQ(before.hour, 23);
  EXPECT_EQ(before.minute, 59);
}

TEST(UkTime, RefusesWhatIsNotATimestamp) {
  for (std::string_view bad :
       {"", "2026-12-02", "2026-12-02 18:40:05Z", "2026-13-02T18:40:05Z", "2026-02-30T18:40:05Z",
        "2026-12-02T24:00:00Z", "2026-12-02T18:40:05", "2026-12-0xT18:40:05Z"})
    EXPECT_FALSE(uk_time(bad).has_value()) << bad;
}

TEST(UkTime, ClockInGovUkStyle) {
  EXPECT_EQ(clock_words(at("2026-12-02T00:00:00Z")), "midnight");
  EXPECT_EQ(clock_words(at("2026-12-02T12:00:00Z")), "midday");
  EXPECT_EQ(clock_words(at("2026-12-02T09:00:00Z")), "9am");
  EXPECT_EQ(clock_words(at("2026-12-02T17:30:00Z")), "5:30pm");
  EXPECT_EQ(clock_words(at("2026-12-02T00:05:00Z")), "12:05am");
  EXPECT_EQ(clock_words(at("2026-07-02T11:05:00Z")), "12:05pm");  // summer
}

}  // namespace
}  // namespace cinplan
