// A demo case history being written: its events in the order they were
// made (each made to conform to the profile's constraints and checked
// against the registry as it is added), with the facts the obligations
// engine reads, so that the writer can ask at any point what the procedure
// says is due next.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <vector>

#include "core/casefile/case_history.h"
#include "core/casefile/case_state.h"
#include "core/error.h"
#include "core/obligations/obligation.h"
#include "core/procedure/profile.h"

namespace cinplan::app {

class DemoDraft {
 public:
  explicit DemoDraft(const Profile& profile) : profile_(&profile) {}

  const Profile& profile() const { return *profile_; }

  // Conforms `event` to the profile's constraints (all of them, or only its
  // musts), checks it and adds it. Errors are kInternal: the demo made an
  // event it should not have.
  Result<void> add(nlohmann::ordered_json event, bool musts_only = false);

  // The obligations of the case as written so far, as at `today`.
  std::vector<Obligation> obligations(Date today) const;
  // The pathways in force on `day`.
  PathwaySet pathways(Date day) const;

  // Made so far, in the order made.
  const std::vector<Event>& events() const { return events_; }
  // The latest event of the type dated on or before `day` (any day when not
  // given), or null.
  const Event* latest(std::string_view type, std::optional<Date> day = std::nullopt) const;
  // The event that starts on `day` and matches one of `matchers`, or null.
  const Event* matching_on(const std::vector<EventMatcher>& matchers, Date day) const;
  // Whether `event` (one of events()) matches `matcher`.
  bool meets(const EventMatcher& matcher, const Event& event) const;
  // Whether an event matching `matcher` was made.
  bool made(const EventMatcher& matcher) const;

  // The events ordered by date (those of one day in the order made), as the
  // case history lists them.
  nlohmann::ordered_json events_json() const;

 private:
  CaseState state() const { return CaseState::from_facts(facts_); }

  const Profile* profile_;
  std::vector<Event> events_;
  std::vector<Fact> facts_;
};

}  // namespace cinplan::app
