#include "app/on_time.h"

#include <map>
#include <utility>

#include "core/casefile/event_types.h"
#include "core/obligations/obligations.h"

namespace cinplan::app {
namespace {

enum class Duty { kNone, kVisit, kMeeting };

// What doing the rule takes: a visit, a meeting, or something else.
Duty duty_of(const Rule& r) {
  static const EventTypeId visit = *find_event_type("visit");
  static const EventTypeId meeting = *find_event_type("meeting");
  if (r.strength == Strength::kConsider) return Duty::kNone;
  Duty d = Duty::kNone;
  for (const EventMatcher& m : r.met_by) {
    if (m.type == visit) return Duty::kVisit;
    if (m.type == meeting) d = Duty::kMeeting;
  }
  return d;
}

}  // namespace

OnTimeCounts& OnTimeCounts::operator+=(const OnTimeCounts& o) {
  visits_due += o.visits_due;
  visits_on_time += o.visits_on_time;
  meetings_due += o.meetings_due;
  meetings_on_time += o.meetings_on_time;
  return *this;
}

std::vector<DueOccurrence> due_occurrences(const Profile& profile, const CaseState& state,
                                           Date today) {
  const int from = add_days(today, -365).days();
  // (due day, rule) -> what became of it; later answers replace earlier.
  std::map<std::pair<std::int32_t, std::uint16_t>, DueOccurrence> seen;
  for (int week = 52; week >= 0; --week) {
    const Date at = add_days(today, -7 * week);
    for (const Obligation& o : obligations(profile, state, at)) {
      if (!o.has_due || o.rule >= profile.rules.size()) continue;
      if (duty_of(profile.rules[o.rule]) == Duty::kNone) continue;
      const int due = o.due.days();
      if (due < from || due > today.days()) continue;
      const auto key = std::make_pair(static_cast<std::int32_t>(due), o.rule);
      DueOccurrence d;
      d.rule = o.rule;
      d.visit = duty_of(profile.rules[o.rule]) == Duty::kVisit;
      d.due = o.due;
      // Not yet due and not done as at `at`: a later week says which it was.
      if (o.met_by >= 0) {
        d.done = true;
        d.done_on = o.met_on;
        d.done_by = o.met_by;
        d.on_time = o.met_on.days() <= due;
        seen[key] = d;
      } else if (at.days() > due) {
        seen[key] = d;
      }
    }
  }
  // The same rule met by the same event: the later due date stands.
  std::map<std::pair<std::uint16_t, std::int32_t>, std::int32_t> last_due;  // (rule, event) -> due
  for (const auto& [key, d] : seen)
    if (d.done_by >= 0) last_due[{d.rule, d.done_by}] = key.first;
  std::vector<DueOccurrence> out;
  out.reserve(seen.size());
  for (const auto& [key, d] : seen)
    if (d.done_by < 0 || last_due[{d.rule, d.done_by}] == key.first) out.push_back(d);
  return out;
}

OnTimeCounts on_time_counts(const Profile& profile, const CaseState& state, Date today) {
  OnTimeCounts c;
  for (const DueOccurrence& d : due_occurrences(profile, state, today)) {
    if (d.visit) {
      ++c.visits_due;
      c.visits_on_time += d.on_time;
    } else {
      ++c.meetings_due;
      c.meetings_on_time += d.on_time;
    }
  }
  return c;
}

}  // namespace cinplan::app
