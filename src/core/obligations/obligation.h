// What is due, when, and why: the engine's output (DESIGN.md section 5).
#pragma once

#include <cstdint>
#include <string_view>

#include "core/calendar/date.h"

namespace cinplan {

enum class ObligationStatus : std::uint8_t {
  kUpcoming,      // due later than the due-soon window
  kDueSoon,       // its next date (the target, else the due date) is within
                  // the profile's due_soon_days
  kTargetMissed,  // its target (an agreed date, the plan's visiting frequency, or the procedure's
                  // softer aim) has passed unmet; its limit has not
  kOverdue,       // past its due date, not yet met, still to do
  kMet,           // met on or before its due date
  kMetLate,       // met, but after its due date
  kMissed,        // its window closed unmet (the meeting went ahead, the order
                  // expired, the case closed, a new decision restarted it)
  kOutstanding,   // a duty the procedure gives no timescale for, not yet met
};

// The stable ids: "upcoming", "due_soon", "target_missed", "overdue", "met",
// "met_late", "missed", "outstanding". (What a person reads is the wording's:
// app/wording.h.)
std::string_view to_string(ObligationStatus status);
inline bool is_open(ObligationStatus s) {
  return s == ObligationStatus::kUpcoming || s == ObligationStatus::kDueSoon ||
         s == ObligationStatus::kTargetMissed || s == ObligationStatus::kOverdue ||
         s == ObligationStatus::kOutstanding;
}

struct Obligation {
  std::uint16_t rule = 0;           // index into Profile::rules
  std::uint16_t planned_every = 0;  // when target_planned: the plan's days between visits
  ObligationStatus status = ObligationStatus::kUpcoming;
  bool has_due = false;
  bool has_target = false;
  // The target is a date agreed for the meeting (a meeting's next_meeting,
  // or the date invitations were sent for), not the procedure's own aim.
  bool target_agreed = false;
  // The target is the visiting frequency the plan agreed, every
  // `planned_every` days, sooner than the procedure's own timescale.
  bool target_planned = false;
  // The procedure's timescale would have put the due date or target before
  // the duty arose (two of its timescales cannot both be met); they were
  // moved to the day it arose (`arose`).
  bool clash = false;
  // The date agreed for the meeting (`agreed`) is later than its due date:
  // the meeting is arranged to be late.
  bool agreed_after_due = false;
  Date anchor;               // the day it counts from (or, for before rules, the day it precedes)
  Date arose;                // the day the duty arose, when known (else the anchor)
  Date due;                  // the last day it may be done (when has_due)
  Date target;               // the softer, earlier aim (when has_target)
  Date agreed;               // when agreed_after_due
  std::int32_t met_by = -1;  // index (from 0) of the event in the history, or -1
  Date met_on;               // that event's date (when met_by >= 0)

  // The date a worker works to now: the target until it passes, then the due
  // date. Only for obligations with a due date.
  Date next_date(Date today) const { return has_target && today <= target ? target : due; }
};

}  // namespace cinplan
