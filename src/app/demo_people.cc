#include "app/demo_people.h"

#include <array>
#include <map>
#include <stdexcept>

#include "app/demo_names.h"
#include "app/wording_tables.h"

namespace cinplan::app {
namespace {

constexpr std::array<DemoTeam, 4> kTeams = {{
    {"assessment", "Assessment Team"},
    {"locality-north", "Locality Team North"},
    {"locality-south", "Locality Team South"},
    {"disabled-children", "Disabled Children's Team"},
}};

struct Row {
  std::string_view username, display_name, role, team, agency, line_manager;
};

// Line managers: workers to their team's first-line manager, first-line
// managers to the service manager, then the group manager and the head of
// service.
constexpr std::array<Row, 23> kRows = {{
    {"grace.adeyemi", "Grace Adeyemi", "first_line_manager", "assessment", "", "rebecca.thompson"},
    {"tom.hughes", "Tom Hughes", "social_worker", "assessment", "", "grace.adeyemi"},
    {"aisha.khan", "Aisha Khan", "social_worker", "assessment", "", "grace.adeyemi"},
    {"mark.davies", "Mark Davies", "first_line_manager", "locality-north", "", "rebecca.thompson"},
    {"nadia.hussain", "Nadia Hussain", "advanced_social_worker", "locality-north", "",
     "mark.davies"},
    {"alex.morgan", "Alex Morgan", "social_worker", "locality-north", "", "mark.davies"},
    {"chloe.bennett", "Chloe Bennett", "social_worker", "locality-north", "", "mark.davies"},
    {"daniel.mensah", "Daniel Mensah", "social_worker", "locality-north", "", "mark.davies"},
    {"sarah.obrien", "Sarah O'Brien", "first_line_manager", "locality-south", "",
     "rebecca.thompson"},
    {"marcus.campbell", "Marcus Campbell", "advanced_social_worker", "locality-south", "",
     "sarah.obrien"},
    {"priya.sharma", "Priya Sharma", "social_worker", "locality-south", "", "sarah.obrien"},
    {"jakub.nowak", "Jakub Nowak", "social_worker", "locality-south", "", "sarah.obrien"},
    {"emily.clarke", "Emily Clarke", "social_worker", "locality-south", "", "sarah.obrien"},
    {"helen.wright", "Helen Wright", "first_line_manager", "disabled-children", "",
     "rebecca.thompson"},
    {"yusuf.ali", "Yusuf Ali", "social_worker", "disabled-children", "", "helen.wright"},
    {"hannah.lewis", "Hannah Lewis", "social_worker", "disabled-children", "", "helen.wright"},
    {"rebecca.thompson", "Rebecca Thompson", "service_manager", "", "", "anthony.green"},
    {"anthony.green", "Anthony Green", "group_manager", "", "", "olivia.chen"},
    {"olivia.chen", "Olivia Chen", "head_of_service", "", "", ""},
    {"samira.haddad", "Samira Haddad", "independent_reviewing_officer", "", "", "olivia.chen"},
    {"rachel.patel", "Rachel Patel", "partner_professional", "", kDemoPartnerSchool, ""},
    {"kemi.okafor", "Kemi Okafor", "partner_professional", "", kDemoHealthService, ""},
    {"gary.fisher", "Gary Fisher", "administrator", "", "", "rebecca.thompson"},
}};

std::vector<DemoPerson> make_people() {
  std::vector<DemoPerson> out;
  std::map<std::string_view, int> numbers;  // per role
  for (const Row& r : kRows) {
    std::string role(r.role);
    for (char& c : role) c = c == '_' ? '-' : c;
    const int n = ++numbers[r.role];
    out.push_back({r.username, r.display_name, r.role, r.team, r.agency, r.line_manager,
                   "demo-" + role + "-" + std::to_string(n)});
  }
  return out;
}

}  // namespace

std::span<const DemoTeam> demo_teams() {
  return kTeams;
}

const DemoTeam* find_demo_team(std::string_view id) {
  for (const DemoTeam& t : kTeams)
    if (t.id == id) return &t;
  return nullptr;
}

std::span<const DemoPerson> demo_people() {
  static const std::vector<DemoPerson> people = make_people();
  return people;
}

const DemoPerson* find_demo_person(std::string_view username) {
  for (const DemoPerson& p : demo_people())
    if (p.username == username) return &p;
  return nullptr;
}

const DemoPerson& demo_person_in_role(std::string_view role, std::string_view team,
                                      std::string_view agency) {
  for (const DemoPerson& p : demo_people()) {
    if (p.role == role && (team.empty() || p.team == team) &&
        (agency.empty() || p.agency == agency))
      return p;
  }
  throw std::logic_error("the demo authority has no " + std::string(role) + " in " +
                         std::string(team) + std::string(agency));
}

std::vector<const DemoPerson*> demo_case_holders(std::string_view team) {
  std::vector<const DemoPerson*> out;
  for (const DemoPerson& p : demo_people()) {
    if (p.team == team && (p.role == "social_worker" || p.role == "advanced_social_worker"))
      out.push_back(&p);
  }
  return out;
}

std::string describe_demo_person(const DemoPerson& person, const Profile& profile) {
  std::string role;
  if (auto it = profile.role_labels.find(std::string(person.role));
      it != profile.role_labels.end() && person.role != "partner_professional") {
    role = it->second;
  } else {
    role = default_role_words(person.role);
  }
  if (const DemoTeam* team = find_demo_team(person.team))
    return role + ", " + std::string(team->name);
  if (!person.agency.empty()) return role + " (" + std::string(person.agency) + ")";
  return role;
}

}  // namespace cinplan::app
