#include "app/clock.h"

#include <gtest/gtest.h>

namespace cinplan::app {
namespace {

TEST(Clock, RecordedAtIsUtcWithMilliseconds) {
  EXPECT_EQ(utc_timestamp(TimePoint{}), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(utc_timestamp(TimePoint{} + std::chrono::milliseconds(1795342530123)),
            "2026-11-22T10:15:30.123Z");
  EXPECT_EQ(utc_timestamp(TimePoint{} + std::chrono::milliseconds(951782400999)),
            "2000-02-29T00:00:00.999Z");
  const FixedClock fixed(TimePoint{} + std::chrono::seconds(5));
  EXPECT_EQ(utc_timestamp(fixed.now()), "1970-01-01T00:00:05.000Z");
  const auto before = std::chrono::system_clock::now();
  EXPECT_GE(SystemClock().now(), before);
}

}  // namespace
}  // namespace cinplan::app
