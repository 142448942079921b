// The time the app stamps on what it records (recorded_at). Use cases take a
// Clock so tests can fix the time; the core never reads a clock.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>

namespace cinplan::app {

using TimePoint = std::chrono::system_clock::time_point;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint now() const = 0;
};

// The computer's clock.
class SystemClock final : public Clock {
 public:
  TimePoint now() const override { return std::chrono::system_clock::now(); }
};

// Always the same instant, for tests.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(TimePoint at) : at_(at) {}
  TimePoint now() const override { return at_; }

 private:
  TimePoint at_;
};

// UTC with milliseconds, as the store keeps recorded_at:
// "2026-11-22T10:15:30.123Z".
inline std::string utc_timestamp(TimePoint at) {
  using namespace std::chrono;
  const auto ms = floor<milliseconds>(at);
  const auto day = floor<days>(ms);
  const year_month_day ymd{day};
  const hh_mm_ss time{ms - day};
  char out[32];
  std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ",
                static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()),
                static_cast<int>(time.subseconds().count()));
  return out;
}

}  // namespace cinplan::app
