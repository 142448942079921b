// What is due, when, and why: the engine's output (DESIGN.md section 5).
#pragma once

#include <cstdint>
#include <string_view>

#include "core/calendar/date.h"

namespace cinplan {

enum class ObligationStatus : std::uint8_t {
  kUpcoming,     // due later than the due-soon window
  kDueSoon,      // due within the profile's due_soon_days
  kOverdue,      // past its due date, not yet met, still to do
  kMet,          // met on or before its due date
  kMetLate,      // met, but after its due date
  kMissed,       // its window closed unmet (the meeting went ahead, the order
                 // expired, the case closed)
  kOutstanding,  // a duty the procedure gives no timescale for, not yet met
};

// "upcoming", "due_soon", "overdue", "met", "met_late", "missed", "outstanding".
std::string_view to_string(ObligationStatus status);
inline bool is_open(ObligationStatus s) {
  return s == ObligationStatus::kUpcoming || s == ObligationStatus::kDueSoon ||
         s == ObligationStatus::kOverdue || s == ObligationStatus::kOutstanding;
}

struct Obligation {
  std::uint16_t rule = 0;  // index into Profile::rules
  ObligationStatus status = ObligationStatus::kUpcoming;
  bool has_due = false;
  bool has_target = false;
  Date anchor;               // the day it counts from (or, for before rules, the day it precedes)
  Date due;                  // the last day it may be done (when has_due)
  Date target;               // the softer, earlier aim (when has_target)
  std::int32_t met_by = -1;  // index of the meeting event in the history, or -1
  Date met_on;               // that event's date (when met_by >= 0)
};

}  // namespace cinplan
