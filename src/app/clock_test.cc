// The clock the app stamps recorded_at with, and the UTC text it is kept as.
// Expected instants were worked out independently (Python's datetime); the
// sweep compares against the C library's gmtime_r.
#include "app/clock.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <ctime>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace cinplan::app {
namespace {

using std::chrono::milliseconds;

TimePoint at_ms(std::int64_t ms) {
  return TimePoint{} + milliseconds(ms);
}

// gmtime_r's "YYYY-MM-DDTHH:MM:SS" for a whole second.
std::string libc_utc(std::time_t seconds) {
  std::tm tm{};
  EXPECT_NE(gmtime_r(&seconds, &tm), nullptr);
  char out[32];
  std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%S", &tm);
  return out;
}

TEST(Clock, KnownInstantsAroundLeapDaysAndYearEnds) {
  const std::vector<std::pair<std::int64_t, std::string>> instants = {
      {0, "1970-01-01T00:00:00.000Z"},
      {1795342530123, "2026-11-22T10:15:30.123Z"},
      // 2000 is a leap year (divisible by 400), 1900 and 2100 are not.
      {951782400000, "2000-02-29T00:00:00.000Z"},
      {951868799999, "2000-02-29T23:59:59.999Z"},
      {951868800000, "2000-03-01T00:00:00.000Z"},
      {1709208000000, "2024-02-29T12:00:00.000Z"},
      {4107542399999, "2100-02-28T23:59:59.999Z"},
      {4107542400000, "2100-03-01T00:00:00.000Z"},
      {946684799999, "1999-12-31T23:59:59.999Z"},
      {946684800000, "2000-01-01T00:00:00.000Z"},
      // Past a 32-bit time_t.
      {2147483648000, "2038-01-19T03:14:08.000Z"},
      // UTC has no leap seconds here: 1972-06-30 ends at 23:59:59 as any day.
      {78796799000, "1972-06-30T23:59:59.000Z"},
      {78796800000, "1972-07-01T00:00:00.000Z"},
      // The last millisecond of 2199; a system_clock time point counts
      // nanoseconds in 64 bits, so it cannot go past 2262-04-11.
      {7258118399999, "2199-12-31T23:59:59.999Z"},
  };
  for (const auto& [ms, text] : instants) EXPECT_EQ(utc_timestamp(at_ms(ms)), text) << ms;
}

// Before 1970 is supported (back to 1677-09-21, where a system_clock time
// point of 64-bit nanoseconds ends): the milliseconds still count forward
// within the second, and the day is the one the instant falls in, not rounded
// towards 1970.
TEST(Clock, InstantsBefore1970) {
  EXPECT_EQ(utc_timestamp(at_ms(-1)), "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(utc_timestamp(at_ms(-86400000)), "1969-12-31T00:00:00.000Z");
  EXPECT_EQ(utc_timestamp(at_ms(-86400001)), "1969-12-30T23:59:59.999Z");
  EXPECT_EQ(utc_timestamp(at_ms(-2203891200001)), "1900-02-28T23:59:59.999Z");
  EXPECT_EQ(utc_timestamp(at_ms(-2203891200000)), "1900-03-01T00:00:00.000Z");
  EXPECT_EQ(utc_timestamp(at_ms(-5364662400000)), "1800-01-01T00:00:00.000Z");
}

TEST(Clock, AgreesWithTheCLibraryAcrossFourCenturies) {
  std::mt19937_64 random(20261122);
  // 1800-01-01 to 2200-01-01, in milliseconds.
  std::uniform_int_distribution<std::int64_t> any(-5364662400000, 7258118400000);
  for (int i = 0; i < 20'000; ++i) {
    const std::int64_t ms = any(random);
    const std::int64_t seconds = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
    const std::int64_t fraction = ms - seconds * 1000;
    char tail[8];
    std::snprintf(tail, sizeof tail, ".%03dZ", static_cast<int>(fraction));
    ASSERT_EQ(utc_timestamp(at_ms(ms)), libc_utc(static_cast<std::time_t>(seconds)) + tail) << ms;
  }
}

TEST(Clock, FixedClockAlwaysGivesItsInstant) {
  const FixedClock fixed(at_ms(5000));
  EXPECT_EQ(utc_timestamp(fixed.now()), "1970-01-01T00:00:05.000Z");
  EXPECT_EQ(fixed.now(), fixed.now());
}

// The system clock is the computer's clock, in UTC: within a few seconds of
// what the C++ library and the C library say now.
TEST(Clock, SystemClockIsTheComputersClockInUtc) {
  const SystemClock clock;
  const std::time_t c_before = std::time(nullptr);
  const TimePoint now = clock.now();
  const std::time_t c_after = std::time(nullptr);
  const auto cpp_now = std::chrono::system_clock::now();

  EXPECT_LT(std::chrono::abs(cpp_now - now), std::chrono::seconds(5));
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch());
  EXPECT_GE(seconds.count(), static_cast<std::int64_t>(c_before) - 1);
  EXPECT_LE(seconds.count(), static_cast<std::int64_t>(c_after) + 1);
  // Far from 1970: not a clock left at zero.
  EXPECT_GT(seconds.count(), 1'700'000'000);

  // Its text is what the C library gives for one of those seconds.
  const std::string text = utc_timestamp(now);
  bool matched = false;
  for (std::time_t s = c_before - 1; s <= c_after + 1; ++s)
    matched = matched || text.substr(0, 19) == libc_utc(s);
  EXPECT_TRUE(matched) << text << " is not within a second of " << libc_utc(c_before);
}

}  // namespace
}  // namespace cinplan::app
