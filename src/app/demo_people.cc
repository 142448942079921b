#include "app/demo_people.h"

#include <algorithm>
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

std::string password_for(std::string_view role, int n) {
  std::string words(role);
  for (char& c : words) c = c == '_' ? '-' : c;
  return "demo-" + words + "-" + std::to_string(n);
}

std::vector<DemoPerson> make_people() {
  std::vector<DemoPerson> out;
  std::map<std::string_view, int> numbers;  // per role
  for (const Row& r : kRows) {
    out.push_back({std::string(r.username), std::string(r.display_name), std::string(r.role),
                   std::string(r.team), std::string(r.agency), std::string(r.line_manager),
                   password_for(r.role, ++numbers[r.role])});
  }
  return out;
}

// Names for relief workers, none shared with the named staff. Worker k takes
// first name k % 24 and surname (k / 24 + k) % 24, so that the first 576 are
// all different.
constexpr std::array<std::string_view, 24> kReliefFirst = {
    "Amara", "Ben",   "Carys", "Dev",   "Ella",  "Femi",    "Gwen", "Hamza",
    "Isla",  "Joel",  "Kiran", "Leah",  "Mateo", "Niamh",   "Owen", "Rosa",
    "Sami",  "Tessa", "Umar",  "Vicky", "Wes",   "Xiomara", "Yara", "Zane"};
constexpr std::array<std::string_view, 24> kReliefLast = {
    "Asante", "Brooks",   "Cooper", "Doyle",  "Evans", "Fraser", "Gill",  "Holt",
    "Iqbal",  "Jennings", "Kaur",   "Lowe",   "Malik", "Norris", "Osei",  "Pearce",
    "Quinn",  "Reid",     "Shah",   "Turner", "Usman", "Varga",  "Walsh", "Young"};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

int named_social_workers() {
  int n = 0;
  for (const Row& r : kRows) n += r.role == "social_worker" ? 1 : 0;
  return n;
}

// Every relief worker of the largest demo, block by block and team by team
// within a block, each team as many as it has named case holders.
std::vector<DemoPerson> make_relief() {
  std::vector<DemoPerson> out;
  const std::size_t blocks = (kMaxDemoChildren + kChildrenPerBlock - 1) / kChildrenPerBlock;
  const int first_number = named_social_workers() + 1;
  for (std::size_t block = 1; block < blocks; ++block) {
    for (const DemoTeam& team : kTeams) {
      std::string manager;
      std::size_t holders = 0;
      for (const Row& r : kRows) {
        if (r.team != team.id) continue;
        if (r.role == "first_line_manager") manager = r.username;
        if (r.role == "social_worker" || r.role == "advanced_social_worker") ++holders;
      }
      for (std::size_t i = 0; i < holders; ++i) {
        const std::size_t k = out.size();
        const std::string_view first = kReliefFirst[k % kReliefFirst.size()];
        const std::string_view last =
            kReliefLast[(k / kReliefFirst.size() + k) % kReliefLast.size()];
        out.push_back({lower(first) + "." + lower(last),
                       std::string(first) + " " + std::string(last), "social_worker",
                       std::string(team.id), "", manager,
                       password_for("social_worker", first_number + static_cast<int>(k))});
      }
    }
  }
  return out;
}

const std::vector<DemoPerson>& relief_workers() {
  static const std::vector<DemoPerson> relief = make_relief();
  return relief;
}

// The relief workers of one block, in the order make_relief() made them.
std::size_t relief_per_block() {
  const std::size_t blocks = (kMaxDemoChildren + kChildrenPerBlock - 1) / kChildrenPerBlock;
  return relief_workers().size() / (blocks - 1);
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

std::vector<const DemoPerson*> demo_staff(std::size_t children) {
  std::vector<const DemoPerson*> out;
  for (const DemoPerson& p : demo_people()) out.push_back(&p);
  const std::size_t blocks = (children + kChildrenPerBlock - 1) / kChildrenPerBlock;
  const std::size_t relief =
      std::min(relief_workers().size(), blocks > 1 ? (blocks - 1) * relief_per_block() : 0);
  for (std::size_t i = 0; i < relief; ++i) out.push_back(&relief_workers()[i]);
  return out;
}

const DemoPerson* find_demo_person(std::string_view username) {
  for (const DemoPerson& p : demo_people())
    if (p.username == username) return &p;
  for (const DemoPerson& p : relief_workers())
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

std::vector<const DemoPerson*> demo_case_holders(std::string_view team, std::size_t block) {
  std::vector<const DemoPerson*> out;
  if (block == 0) {
    for (const DemoPerson& p : demo_people()) {
      if (p.team == team && (p.role == "social_worker" || p.role == "advanced_social_worker"))
        out.push_back(&p);
    }
    return out;
  }
  const std::size_t per_block = relief_per_block();
  const std::size_t from = (block - 1) * per_block;
  if (from >= relief_workers().size()) throw std::logic_error("a demo block past the largest demo");
  for (std::size_t i = from; i < from + per_block; ++i)
    if (relief_workers()[i].team == team) out.push_back(&relief_workers()[i]);
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
