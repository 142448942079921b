// One child of the demo authority as a case-history document (DESIGN.md
// section 9): the plan of the case (demo_plan.h), its opening events, the
// duties of its procedure done one by one up to today, and its closure when
// a meeting or the family ended the plan. The header marks it as made by the
// demo: {"case_id": ..., "child": {...}, "demo": true, "profile": ...}.
#pragma once

#include <cstddef>
#include <string>

#include "app/demo_plan.h"
#include "core/calendar/date.h"
#include "core/error.h"
#include "core/procedure/profile.h"

namespace cinplan::app {

struct DemoHistory {
  std::string case_id;
  std::string recorded_by;  // the allocated worker's username
  DemoStory story = DemoStory::kOnTrack;
  std::string text;  // the case-history JSON document
};

// Case `index` (from 0) of the demo of `seed` under `profile` as at `today`:
// the same arguments give the same document.
Result<DemoHistory> demo_history(const Profile& profile, unsigned seed, Date today,
                                 std::size_t index);

// When the worker recorded event `index` of demo case `case_index`, dated
// `date`: a working hour of that day or, now and then, one of the next few
// days (a visit typed up the next morning), never after `now` (a UTC
// timestamp, as utc_timestamp gives). The same arguments give the same time.
std::string demo_recorded_at(unsigned seed, std::size_t case_index, std::size_t index, Date date,
                             const std::string& now);

}  // namespace cinplan::app
