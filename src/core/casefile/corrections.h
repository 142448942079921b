// Corrections (DESIGN.md section 2). Nothing in a case's record is changed in
// place: an `event_corrected` event names an earlier event by its position
// (`corrects`, counting from 1: the event's stream version), says why
// (`reason`), and either gives the event as it should have been
// (`replacement`) or, without one, strikes the event out as recorded in error.
//
// The history keeps every event as written, so export gives back what was
// imported and the original stays readable. Everything that reads what the
// record *says* (the fold, the legal checks across events) reads it as
// corrected:
// - the latest correction of an event wins (a later one may reinstate an
//   event an earlier one struck out);
// - a corrected event keeps its place: its facts carry the original event's
//   index, so an obligation met by it points at the original;
// - a correction is not a fact of its own and cannot itself be corrected (to
//   change a correction, correct the original event again);
// - a correction is dated the day it was made: on or after the date of the
//   event it corrects as written, and not before its replacement's date.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/casefile/case_history.h"
#include "core/error.h"

namespace cinplan {

// The checks of one correction on its own, after the registry's field
// checks: a replacement is a complete event of the registry and is not itself
// a correction. parse_event calls this for every event_corrected.
Result<void> check_correction_fields(const nlohmann::ordered_json& correction);

// The index (from 0, as in CaseHistory::events) of the event a correction
// that passed parse_event names.
std::uint32_t corrected_index(const Event& correction);

// A case's record as corrected: every event that is not a correction, in the
// order recorded, as its latest correction says, and without the events
// struck out.
class CorrectedRecord {
 public:
  struct Entry {
    std::uint32_t index = 0;         // the event's place in CaseHistory::events
    const Event* event = nullptr;    // the event as written, or its replacement
    std::int32_t corrected_by = -1;  // the correction that gave `event`, or -1
  };

  // Checks every correction against the history (it names an earlier event
  // that is not a correction; its date is on or after that event's and its
  // replacement's) and applies them. Errors name the correction and why.
  static Result<CorrectedRecord> of(const CaseHistory& history);

  CorrectedRecord(CorrectedRecord&&) = default;
  CorrectedRecord& operator=(CorrectedRecord&&) = default;
  CorrectedRecord(const CorrectedRecord&) = delete;
  CorrectedRecord& operator=(const CorrectedRecord&) = delete;

  std::span<const Entry> entries() const { return entries_; }
  // Whether any event was corrected (the history held a correction).
  bool corrected() const { return corrections_ > 0; }

  // "event 4 (visit, 2025-04-02)", or for a corrected event
  // "event 4 as corrected by event 10 (visit, 2025-04-03)".
  static std::string describe(const CaseHistory& history, const Entry& entry);

 private:
  CorrectedRecord() = default;

  std::vector<Event> replacements_;  // owned: entries point into it
  std::vector<Entry> entries_;
  std::size_t corrections_ = 0;
};

}  // namespace cinplan
