// Facts straight from stored events, for replaying a large log into case
// state without building a CaseHistory. Events in the store were checked
// against the registry when they were appended (parse_event and the history
// checks), so the reader trusts them: it reads only what the fold reads (the
// date, and the fields the type's FactShape names) and reports, rather than
// diagnoses, a payload that does not have them.
//
// Contract: for every history h that parses, reading each event i of h (type
// id, the event's body as compact JSON, i) and applying the updates in order
// to an empty CaseState gives exactly fold(h): the same facts in the same
// order, corrections included.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

#include "core/casefile/case_state.h"
#include "core/error.h"

namespace cinplan {

// What one stored event does to a case's facts.
struct FactUpdate {
  enum class Kind : std::uint8_t {
    kAdd,      // `fact` is the fact of a new event (target == fact.event)
    kReplace,  // a correction: `fact` replaces the facts of event `target`
    kStrike,   // a correction: event `target` has no fact any more
  };
  Kind kind = Kind::kAdd;
  // The index (from 0) of the event the update is about: the event read for
  // kAdd, the event corrected for kReplace and kStrike.
  std::uint32_t target = 0;
  Fact fact;  // kAdd and kReplace; for kReplace fact.event == target
};

class FactReader {
 public:
  FactReader();
  ~FactReader();
  FactReader(FactReader&&) noexcept;
  FactReader& operator=(FactReader&&) noexcept;

  // Reads one stored event: its registry type id, its payload (the complete
  // event object as JSON, with "type" and "date"), and its index in its case
  // (from 0: the stream version minus one). Allocates only to grow buffers it
  // keeps for the next call. A payload that does not parse, lacks a date or
  // names an unknown type is a kInternal error: the log does not hold what was
  // appended.
  Result<FactUpdate> read(std::string_view type, std::string_view payload,
                          std::uint32_t event_index);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The state after `updates`, applied in order to `state`: a kAdd adds its
// fact; a kReplace removes the facts of its target and adds its own; a
// kStrike removes the facts of its target. Pure; the result is sorted as
// CaseState::from_facts sorts.
CaseState apply_updates(const CaseState& state, std::span<const FactUpdate> updates);

}  // namespace cinplan
