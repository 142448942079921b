// The time in England: Greenwich Mean Time, and British Summer Time (one
// hour ahead) from 01:00 UTC on the last Sunday of March to 01:00 UTC on the
// last Sunday of October, as the Summer Time Order 2002 sets them. The
// service's "today" and the times a person reads are England's, whatever
// zone the computer is set to.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/calendar/date.h"

namespace cinplan {

struct UkTime {
  Date date;
  int hour = 0;         // 0..23
  int minute = 0;       // 0..59
  bool summer = false;  // British Summer Time
};

// The time in England at `seconds` since 1970-01-01T00:00:00Z.
UkTime uk_time(std::int64_t seconds);

// The same for a UTC timestamp as the store keeps them
// ("2026-11-22T10:15:30.123Z"; the fraction is optional). Nothing when it is
// not one.
std::optional<UkTime> uk_time(std::string_view utc_timestamp);

// The time as GOV.UK style writes it: "9am", "5:30pm", "midday", "midnight".
std::string clock_words(const UkTime& t);

}  // namespace cinplan
