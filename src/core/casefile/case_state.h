// Case state: the fold of a case's events into the compact form the
// obligations engine scans. Every event of the record as corrected
// (corrections.h) becomes one 16-byte Fact; facts are grouped by event type
// and sorted by date within a type, so a rule reads only the types it names,
// front to back.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <vector>

#include "core/calendar/date.h"
#include "core/casefile/event_types.h"

namespace cinplan {

struct CaseHistory;

constexpr std::int32_t kNoDate = std::numeric_limits<std::int32_t>::min();

struct Fact {
  std::int32_t date = 0;            // days since 1970-01-01
  std::int32_t ref_date = kNoDate;  // the type's reference date field, if set
  std::uint32_t event = 0;          // index of the event in the history
  EventTypeId type = 0;
  std::uint8_t subtype = 0xFF;  // index into the subtype field's values; 0xFF unset
  std::uint16_t flags = 0;      // bits as the type's FactShape lists them
};
static_assert(sizeof(Fact) == 16);

// The number a fact keeps (FactShape::number_field): 0 when its type keeps
// none or the event left it out.
inline int fact_number(const Fact& f) {
  return f.flags >> kFactNumberShift;
}

class CaseState {
 public:
  // Number of event types the registry holds (type ranges below).
  static constexpr std::size_t kMaxTypes = 64;

  CaseState() = default;

  // The facts of one event type, sorted by date (then by event index).
  std::span<const Fact> facts(EventTypeId type) const {
    return {facts_.data() + begin_[type], facts_.data() + begin_[type + 1]};
  }
  // Every fact, those counted once included (see from_facts): rebuilding
  // with from_facts(all_facts()) gives the same state.
  std::span<const Fact> all_facts() const { return facts_; }
  std::size_t size() const { return facts_.size(); }
  // How many facts were not counted because an earlier one of the same type
  // and date says exactly the same (an event recorded twice).
  std::size_t repeated() const { return facts_.size() - begin_[kMaxTypes]; }

  // Built by fold(), and by generators that make facts directly. At most
  // 65535 facts (the parser accepts at most 60000 events). A fact equal to
  // an earlier one in everything but its event (type, date, reference date,
  // subtype and flags) is kept but not counted: facts(type) shows the first.
  static CaseState from_facts(std::vector<Fact> facts);

 private:
  std::vector<Fact> facts_;
  std::uint16_t begin_[kMaxTypes + 1] = {};
};

// Folds a parsed history into state, reading the record as corrected
// (corrections.h): a corrected event's fact is its latest replacement's, with
// the original's index; an event struck out has none; a correction itself
// has none. Total: a history that parsed folds.
CaseState fold(const CaseHistory& history);

struct Event;
// Condenses one event (already checked by the parser) into its fact.
Fact to_fact(const Event& event, std::uint32_t event_index);

}  // namespace cinplan
