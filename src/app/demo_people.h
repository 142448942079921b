// The people of the demo authority (`cinplan demo`): its four teams and the
// staff in every role, with their fixed, documented demo passwords. Pure
// data; the same in every demo, whatever the profile.
//
// Passwords are "demo-" + the role id with "-" for "_" + "-" + the person's
// number within their role, counted from 1 in the order of demo_people():
// "demo-social-worker-1", "demo-first-line-manager-2", "demo-administrator-1".
#pragma once

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
  std::string_view username;      // "first.last", lower case
  std::string_view display_name;  // as events record it
  std::string_view role;          // a role id of the registry
  std::string_view team;          // a team id, or empty
  std::string_view agency;        // a partner professional's agency, else empty
  std::string_view line_manager;  // a username, or empty
  std::string password;           // as the header says
};

// The assessment team, two locality teams and the disabled children's team.
std::span<const DemoTeam> demo_teams();
const DemoTeam* find_demo_team(std::string_view id);

// Everyone, team by team and then the managers above them, the IRO, the
// partner professionals and the administrator.
std::span<const DemoPerson> demo_people();
const DemoPerson* find_demo_person(std::string_view username);
// The first person holding `role` (and, when given, in `team` or of `agency`).
const DemoPerson& demo_person_in_role(std::string_view role, std::string_view team = {},
                                      std::string_view agency = {});

// The social workers and advanced social workers of a team, who hold its cases.
std::vector<const DemoPerson*> demo_case_holders(std::string_view team);

// "Practice Lead, Locality Team North": the role in the profile's words
// where it has its own (else in plain words), and the team or agency.
std::string describe_demo_person(const DemoPerson& person, const Profile& profile);

}  // namespace cinplan::app
