// Who each demo child is and what their story will be: the plan of one case
// of the demo authority, drawn from the demo's seed and the child's number
// alone, before any event is written. The first children have one story
// each of the mix the demo must show (demo_story_kinds()); the rest are
// drawn, most of them cases going as their procedure asks.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "app/demo_names.h"
#include "app/demo_people.h"
#include "app/demo_random.h"
#include "core/calendar/date.h"

namespace cinplan::app {

enum class DemoStory : std::uint8_t {
  kOnTrack,           // visits and meetings as the procedure asks
  kSupervisionOrder,  // an order ending 2 to 3 months after today; an IRO allocated
  kDisability,        // the disability pathway, held by the disabled children's team
  kDirectPayments,    // the direct payments pathway, decided by a manager
  kTransferIn,        // the family moved in from another authority
  kRestricted,        // the record is restricted: a parent works in the service
  kConsentWithdrawn,  // the family withdrew consent; the case closed
  kClosed,            // closed at a review: no longer a child in need
  kSteppedDown,       // closed at a review: stepped down to early help
  kSteppedUp,         // closed at a review: stepped up to child protection
  kAddressWithheld,   // a protected parent: her address kept from the father
  kFallingBehind,     // the worker has fallen behind: late and overdue duties
};

// "on track", "supervision order", ...
std::string_view to_string(DemoStory story);
// The stories the first children have, in order: every kind once (consent
// withdrawn twice: with and without a discussion with a manager).
std::vector<DemoStory> demo_story_kinds();

struct DemoCasePlan {
  std::size_t index = 0;
  std::string case_id;   // "NB-10001"
  std::string child_id;  // "P-10001"
  DemoStory story = DemoStory::kOnTrack;
  Date referral;    // the referral reached the service
  Date plan_start;  // plan_decided
  Date date_of_birth;
  // Closing stories: the first review on or after this day ends the plan
  // (consent withdrawn: the day consent is withdrawn).
  std::optional<Date> close_from;
  bool manager_discussion = false;  // consent withdrawn: discussed with a manager
  // Supervision order: made and last day.
  Date order_made, order_end;
  const DemoPerson* assessor = nullptr;  // assessment team social worker
  const DemoPerson* worker = nullptr;    // allocated at the start of the plan
  const DemoPerson* manager = nullptr;   // the worker's first-line manager
  double late_rate = 0;                  // the chance that a duty is done after its limit
  std::optional<Date> stalled_from;      // falling behind: nothing is done after this day
  bool shares_with_school = false;       // consent to share with the agency
  bool shares_with_health = false;
  DemoFamily family;
};

// Case `index` (from 0) of a demo of `children` cases as at `today`.
DemoCasePlan plan_demo_case(unsigned seed, Date today, std::size_t index);

// Whole years from `born` to `on`.
int age_on(Date born, Date on);

}  // namespace cinplan::app
