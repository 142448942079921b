// The people of the demo authority (`cinplan demo`): its four teams and the
// staff in every role, with their fixed, documented demo passwords. Pure
// data; the same in every demo, whatever the profile.
//
// The 23 named staff hold the cases of the first kChildrenPerBlock
// children, about 30 each. A larger demo (for measuring a real authority's
// load) takes on relief social workers for each further block: as many per
// team as the team's own case holders, managed by the team's first-line
// manager, so that no caseload grows past what one worker could carry.
//
// Passwords are "demo-" + the role id with "-" for "_" + "-" + the person's
// number within their role, counted from 1 in the order of demo_people():
// "demo-social-worker-1", "demo-first-line-manager-2", "demo-administrator-1".
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/procedure/profile.h"

namespace cinplan::app {

struct DemoTeam {
  std::string_view id;    // "locality-north"
  std::string_view name;  // "Locality Team North"
};

struct DemoPerson {
  std::string username;      // "first.last", lower case
  std::string display_name;  // as events record it
  std::string role;          // a role id of the registry
  std::string team;          // a team id, or empty
  std::string agency;        // a partner professional's agency, else empty
  std::string line_manager;  // a username, or empty
  std::string password;      // as the header says
};

// Children per block of the demo: block 0 is held by the named staff,
// each later block by its own relief workers.
inline constexpr std::size_t kChildrenPerBlock = 300;
// The largest demo (app/demo.h refuses more children).
inline constexpr std::size_t kMaxDemoChildren = 10'000;

// The assessment team, two locality teams and the disabled children's team.
std::span<const DemoTeam> demo_teams();
const DemoTeam* find_demo_team(std::string_view id);

// The named staff, team by team and then the managers above them, the IRO,
// the partner professionals and the administrator.
std::span<const DemoPerson> demo_people();
// The named staff and the relief workers a demo of `children` needs,
// relief workers after the named staff, block by block; their passwords
// number on from the named social workers'.
std::vector<const DemoPerson*> demo_staff(std::size_t children);
// Anyone of the largest demo, named or relief.
const DemoPerson* find_demo_person(std::string_view username);
// The first person holding `role` (and, when given, in `team` or of `agency`).
const DemoPerson& demo_person_in_role(std::string_view role, std::string_view team = {},
                                      std::string_view agency = {});

// Who holds a team's cases in `block` (child index / kChildrenPerBlock):
// in block 0 its social workers and advanced social workers, later its
// relief workers of that block.
std::vector<const DemoPerson*> demo_case_holders(std::string_view team, std::size_t block = 0);

// "Practice Lead, Locality Team North": the role in the profile's words
// where it has its own (else in plain words), and the team or agency.
std::string describe_demo_person(const DemoPerson& person, const Profile& profile);

}  // namespace cinplan::app
