// One demo case while its history is written: its plan, the people of the
// child's network as they are named in its events, what the plan holds so
// far and the closure a meeting has decided. Shared by the writers of the
// opening events (demo_opening.h), the meetings (demo_meetings.h) and the
// duties (demo_duties.h).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/demo_days.h"
#include "app/demo_plan.h"
#include "app/demo_random.h"
#include "core/calendar/date.h"
#include "core/error.h"

namespace cinplan::app {

struct DemoCase {
  DemoCase(const DemoCasePlan& p, unsigned seed, Date day)
      : plan(p), random(seed ^ 0x5eed5u, p.index), today(day) {}

  DemoCasePlan plan;
  DemoRandom random;
  Date today;

  // The network, as events name them (filled by write_opening).
  std::string child_name;
  std::string mother;
  std::string father;
  bool father_at_home = true;
  std::string grandparent;     // empty when none is on the record
  std::string school;          // empty under school age
  std::string school_contact;  // the designated safeguarding lead
  std::string health_role;     // "health visitor" or "school nurse"
  std::string health_contact;
  std::string iro;  // the IRO's name, when one is allocated

  // The plan as agreed so far.
  int outcomes = 0;
  int actions = 0;
  std::vector<std::string> open_actions;
  std::map<std::string, Date> action_due;  // each action's by_date
  std::vector<std::string> outcome_texts;  // as agreed: O1's first
  std::vector<std::string> action_texts;   // every action agreed

  // The closure a meeting (or the family's withdrawal) decided: it is
  // written after everything before it, when it falls on or before today.
  std::optional<Date> closing_on;
  std::string closing_reason;
};

// {"type": type, "date": day}.
inline nlohmann::ordered_json demo_event(std::string_view type, Date day) {
  return {{"type", std::string(type)}, {"date", day.to_string()}};
}

}  // namespace cinplan::app
