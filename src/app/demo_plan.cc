#include "app/demo_plan.h"

#include <array>

#include "app/demo_days.h"

namespace cinplan::app {
namespace {

// Weights, out of 100, of the stories of children after the first ones.
struct Weighted {
  DemoStory story;
  int weight;
};
constexpr std::array<Weighted, 12> kMix = {{
    {DemoStory::kOnTrack, 56},
    {DemoStory::kDisability, 9},
    {DemoStory::kFallingBehind, 9},
    {DemoStory::kClosed, 8},
    {DemoStory::kSteppedDown, 9},
    {DemoStory::kSteppedUp, 1},
    {DemoStory::kConsentWithdrawn, 2},
    {DemoStory::kTransferIn, 2},
    {DemoStory::kDirectPayments, 1},
    {DemoStory::kAddressWithheld, 1},
    {DemoStory::kRestricted, 1},
    {DemoStory::kSupervisionOrder, 1},
}};

bool closes(DemoStory s) {
  return s == DemoStory::kClosed || s == DemoStory::kSteppedDown || s == DemoStory::kSteppedUp ||
         s == DemoStory::kConsentWithdrawn;
}

// How long before `today` the plan started, in days.
int plan_age(DemoStory story, DemoRandom& random) {
  if (closes(story)) return random.range(300, 720);
  if (story == DemoStory::kFallingBehind) return random.range(90, 500);
  // Most open plans are less than a year old; some have run longer.
  return random.chance(0.75) ? random.range(12, 365) : random.range(366, 640);
}

}  // namespace

std::string_view to_string(DemoStory story) {
  switch (story) {
    case DemoStory::kOnTrack:
      return "on track";
    case DemoStory::kSupervisionOrder:
      return "supervision order";
    case DemoStory::kDisability:
      return "disabled child";
    case DemoStory::kDirectPayments:
      return "direct payments";
    case DemoStory::kTransferIn:
      return "transfer in";
    case DemoStory::kRestricted:
      return "restricted";
    case DemoStory::kConsentWithdrawn:
      return "consent withdrawn";
    case DemoStory::kClosed:
      return "closed";
    case DemoStory::kSteppedDown:
      return "stepped down";
    case DemoStory::kSteppedUp:
      return "stepped up";
    case DemoStory::kAddressWithheld:
      return "address withheld";
    case DemoStory::kFallingBehind:
      return "falling behind";
  }
  return "on track";
}

std::vector<DemoStory> demo_story_kinds() {
  return {DemoStory::kSupervisionOrder, DemoStory::kDisability,       DemoStory::kDirectPayments,
          DemoStory::kTransferIn,       DemoStory::kRestricted,       DemoStory::kConsentWithdrawn,
          DemoStory::kClosed,           DemoStory::kSteppedDown,      DemoStory::kAddressWithheld,
          DemoStory::kFallingBehind,    DemoStory::kConsentWithdrawn, DemoStory::kSteppedUp,
          DemoStory::kFallingBehind};
}

int age_on(Date born, Date on) {
  const YearMonthDay b = born.ymd(), o = on.ymd();
  int years = o.year - b.year;
  if (o.month < b.month || (o.month == b.month && o.day < b.day)) --years;
  return years;
}

DemoCasePlan plan_demo_case(unsigned seed, Date today, std::size_t index) {
  DemoRandom random(seed, index);
  DemoCasePlan p;
  p.index = index;
  p.case_id = "NB-" + std::to_string(10001 + index);
  p.child_id = "P-" + std::to_string(10001 + index);
  const std::vector<DemoStory> first = demo_story_kinds();
  if (index < first.size()) {
    p.story = first[index];
  } else {
    int roll = random.range(0, 99);
    std::size_t k = 0;
    while (roll >= kMix[k].weight) roll -= kMix[k++].weight;
    p.story = kMix[k].story;
  }
  p.family = demo_family(random, seed, index);

  if (p.story == DemoStory::kSupervisionOrder) {
    // One year, ending 2 to 3 months from today.
    p.order_end = add_days(today, random.range(61, 91));
    p.order_made = add_days(add_months(p.order_end, -12), 1);
    p.plan_start = working_day_before(p.order_made);
    p.order_made = p.plan_start;
    // A first order lasts one year from the day it was made (Children Act
    // 1989, Schedule 3, paragraph 6(1)): its last day is the day before.
    p.order_end = add_days(add_months(p.order_made, 12), -1);
  } else {
    p.plan_start = working_day_before(add_days(today, -plan_age(p.story, random)));
  }
  p.referral = working_day_before(add_days(p.plan_start, -random.range(12, 40)));
  if (closes(p.story)) {
    const int open = days_between(p.plan_start, today);
    // Early enough for the next review to come before today.
    p.close_from = add_days(p.plan_start, random.range(80, open - 200));
  }
  p.manager_discussion = p.story == DemoStory::kConsentWithdrawn && index % 2 == 1;

  // The child's age when the plan starts: a supervision order is never made
  // for a child of 17 (s.31(3)); babies and teenagers alike are in need.
  const int max_age = p.story == DemoStory::kSupervisionOrder ? 14 : 16;
  const int min_age = p.story == DemoStory::kDisability ? 3 : 0;
  const int years = random.range(min_age, max_age);
  p.date_of_birth = add_days(add_months(p.referral, -12 * years), -random.range(20, 340));

  const bool disabled = p.story == DemoStory::kDisability || p.story == DemoStory::kDirectPayments;
  // Cases shared out in turn, so that caseloads are even.
  const std::string_view team = disabled         ? std::string_view("disabled-children")
                                : index % 2 == 0 ? std::string_view("locality-north")
                                                 : std::string_view("locality-south");
  const std::size_t block = index / kChildrenPerBlock;
  const auto holders = demo_case_holders(team, block);
  p.worker = holders[(index / 2) % holders.size()];
  p.manager = &demo_person_in_role("first_line_manager", team);
  const auto assessors = demo_case_holders("assessment", block);
  p.assessor = assessors[static_cast<std::size_t>(random.range(0, 1))];

  if (p.story == DemoStory::kFallingBehind) {
    p.late_rate = 0.35;
    p.stalled_from = add_days(today, -random.range(12, 40));
  } else if (p.story == DemoStory::kOnTrack) {
    p.late_rate = random.chance(0.8) ? 0.0 : 0.08;
  } else {
    p.late_rate = 0.03;
  }
  p.shares_with_school = random.chance(0.6);
  p.shares_with_health = random.chance(0.5);
  return p;
}

}  // namespace cinplan::app
