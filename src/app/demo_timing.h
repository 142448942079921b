// When a demo worker does each duty the obligations engine reports open
// (demo_duties.h): on a day chosen around the duty's own timescale, as the
// profile gives it (a few days before its target or limit, a meeting on the
// day agreed for it or the day the duties before it were counted back from,
// invitations the notice the procedure asks before the meeting they name),
// or now and then late, as the case's plan says. Working days only.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/demo_case.h"
#include "app/demo_draft.h"
#include "core/obligations/obligation.h"

namespace cinplan::app {

// About the rules of a profile.
bool is_meeting_rule(const Rule& rule);  // its first met_by is a meeting
bool applies(const Rule& rule, PathwaySet active);
// The first meeting kind a matcher allows; whether it allows `kind`.
std::string kind_of(const EventMatcher& matcher);
bool allows_kind(const EventMatcher& matcher, std::string_view kind);

class DemoTiming {
 public:
  DemoTiming(const DemoDraft& draft, DemoCase& c) : d_(draft), c_(c), p_(draft.profile()) {}

  // The day the duty is worked to: its target, else its limit, else (no
  // timescale) a few working days after it arose.
  Date base_of(const Obligation& o) const;
  // The day the duty is done on (may be after today: then it is not done).
  // `obs` are the case's obligations now.
  Date act_day(const Obligation& o, Date base, const std::vector<Obligation>& obs);
  // The meeting an event done for `o` is about, when it is about one (for
  // invitations, the meeting day act_day chose).
  std::optional<Date> about(const Obligation& o) const;
  // The date to agree at a meeting of `kind` on `day` for the next one: the
  // interval of the recurring rule the meeting restarts (its target, else
  // its limit), a few days short; none when no rule restarts there.
  std::optional<Date> next_meeting(std::string_view kind, Date day);

  // A working day on or before `day` if that is not before `lo`, else after.
  Date working(Date day, Date lo) const;
  // The day after the latest meeting held that a before rule prepares for.
  Date last_held(const Rule& before) const;

 private:
  bool late();
  bool prepared(std::uint16_t rule, PathwaySet active) const;
  std::optional<Date> expected(const Obligation& o, const std::vector<Obligation>& obs) const;
  bool agreed(const Obligation& before, const std::vector<Obligation>& obs) const;
  Date after_last(const std::vector<EventMatcher>& matchers) const;
  Date meeting_day(const Obligation& o, Date base, const std::vector<Obligation>& obs);
  Date before_day(const Obligation& o, Date base, const std::vector<Obligation>& obs);

  const DemoDraft& d_;
  DemoCase& c_;
  const Profile& p_;
  Date planned_;  // the meeting day invitations are being sent for
};

}  // namespace cinplan::app
