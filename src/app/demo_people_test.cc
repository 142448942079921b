#include "app/demo_people.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "app/app_test_support.h"
#include "app/demo_names.h"
#include "app/demo_plan.h"
#include "app/security.h"
#include "core/casefile/event_types.h"

namespace cinplan::app {
namespace {

bool is_first_dot_last(std::string_view u) {
  const auto dot = u.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == u.size()) return false;
  for (char c : u)
    if (!(c >= 'a' && c <= 'z') && c != '.') return false;
  return u.find('.', dot + 1) == std::string_view::npos;
}

TEST(DemoPeople, FourDemoTeams) {
  std::set<std::string_view> ids;
  for (const DemoTeam& t : demo_teams()) ids.insert(t.id);
  EXPECT_EQ(ids, (std::set<std::string_view>{"assessment", "locality-north", "locality-south",
                                             "disabled-children"}));
  EXPECT_EQ(find_demo_team("locality-north")->name, "Locality Team North");
  EXPECT_EQ(find_demo_team("nowhere"), nullptr);
}

TEST(DemoPeople, UsernamesAreFirstDotLastAndUnique) {
  std::set<std::string_view> seen;
  for (const DemoPerson& p : demo_people()) {
    EXPECT_TRUE(is_first_dot_last(p.username)) << p.username;
    EXPECT_TRUE(seen.insert(p.username).second) << p.username;
    EXPECT_EQ(find_demo_person(p.username), &p);
  }
  EXPECT_EQ(find_demo_person("no.one"), nullptr);
}

TEST(DemoPeople, EveryRoleHasSomeoneAndEachPasswordIsTheDocumentedOne) {
  std::map<std::string_view, int> per_role;
  std::set<std::string> passwords;
  for (const DemoPerson& p : demo_people()) {
    const int n = ++per_role[p.role];
    std::string role(p.role);
    for (char& c : role) c = c == '_' ? '-' : c;
    EXPECT_EQ(p.password, "demo-" + role + "-" + std::to_string(n));
    EXPECT_TRUE(check_password_policy(p.password)) << p.password;
    EXPECT_TRUE(passwords.insert(p.password).second);
  }
  for (std::string_view role : role_values()) EXPECT_GT(per_role[role], 0) << role;
  EXPECT_EQ(demo_people().front().password, "demo-first-line-manager-1");
  EXPECT_EQ(find_demo_person("tom.hughes")->password, "demo-social-worker-1");
}

TEST(DemoPeople, EachTeamHasAManagerOverItsWorkersAndEachLocalityAnAdvancedWorker) {
  for (const DemoTeam& t : demo_teams()) {
    const DemoPerson& manager = demo_person_in_role("first_line_manager", t.id);
    const auto holders = demo_case_holders(t.id);
    EXPECT_GE(holders.size(), 2u) << t.id;
    for (const DemoPerson* w : holders) EXPECT_EQ(w->line_manager, manager.username);
    EXPECT_EQ(find_demo_person(manager.line_manager)->role, "service_manager");
  }
  for (std::string_view team : {"locality-north", "locality-south"}) {
    EXPECT_EQ(demo_person_in_role("advanced_social_worker", team).team, team);
    EXPECT_GE(demo_case_holders(team).size(), 4u);
  }
  for (const DemoPerson& p : demo_people()) {
    EXPECT_TRUE(p.line_manager.empty() || find_demo_person(p.line_manager) != nullptr);
    EXPECT_TRUE(p.team.empty() || find_demo_team(p.team) != nullptr);
  }
}

TEST(DemoPeople, TwoPartnerProfessionalsOfTheSchoolAndOfHealth) {
  std::set<std::string_view> agencies;
  for (const DemoPerson& p : demo_people()) {
    if (p.role == "partner_professional") {
      agencies.insert(p.agency);
      EXPECT_TRUE(p.team.empty());
    } else {
      EXPECT_TRUE(p.agency.empty()) << p.username;
    }
  }
  EXPECT_EQ(agencies, (std::set<std::string_view>{kDemoPartnerSchool, kDemoHealthService}));
}

TEST(DemoPeople, DescribedInTheProfilesWordsWithTheirTeam) {
  const Profile& london = **test_profiles().find("london-cyps");
  const Profile& bolton = **test_profiles().find("bolton");
  const DemoPerson& manager = demo_person_in_role("first_line_manager", "locality-north");
  EXPECT_EQ(describe_demo_person(manager, london), "Practice Lead, Locality Team North");
  EXPECT_EQ(describe_demo_person(manager, bolton),
            "line manager (team manager), Locality Team North");
  EXPECT_EQ(describe_demo_person(
                demo_person_in_role("partner_professional", {}, kDemoPartnerSchool), london),
            "partner professional (Oakfield Academy)");
  EXPECT_EQ(describe_demo_person(demo_person_in_role("head_of_service"), london),
            "head of service");
}

}  // namespace
TEST(DemoPeople, TheDefaultDemoHasOnlyTheNamedStaff) {
  EXPECT_EQ(demo_staff(kChildrenPerBlock).size(), demo_people().size());
  EXPECT_EQ(demo_staff(1).size(), demo_people().size());
}

TEST(DemoPeople, ALargerDemoTakesOnReliefWorkersSoNoCaseloadOverflows) {
  const auto staff = demo_staff(kMaxDemoChildren);
  ASSERT_GT(staff.size(), demo_people().size());
  std::set<std::string_view> usernames;
  std::set<std::string> passwords;
  for (const DemoPerson* p : staff) {
    EXPECT_TRUE(is_first_dot_last(p->username)) << p->username;
    EXPECT_TRUE(usernames.insert(p->username).second) << p->username;
    EXPECT_TRUE(passwords.insert(p->password).second) << p->password;
    EXPECT_EQ(find_demo_person(p->username), p);
  }
  // Relief workers number on from the named social workers and are managed
  // by their team's first-line manager.
  const DemoPerson& first_relief = *staff[demo_people().size()];
  EXPECT_EQ(first_relief.role, "social_worker");
  EXPECT_EQ(first_relief.password, "demo-social-worker-11");
  EXPECT_EQ(first_relief.line_manager,
            demo_person_in_role("first_line_manager", first_relief.team).username);

  // Every child of the largest demo is held by one of its staff, and no
  // worker holds more than 40 of them.
  const std::set<const DemoPerson*> known(staff.begin(), staff.end());
  std::map<const DemoPerson*, int> caseload;
  for (std::size_t i = 0; i < kMaxDemoChildren; ++i) {
    const DemoCasePlan plan = plan_demo_case(7, Date::from_ymd(2026, 12, 1).value(), i);
    ASSERT_TRUE(known.count(plan.worker)) << i;
    ASSERT_TRUE(known.count(plan.assessor)) << i;
    ++caseload[plan.worker];
  }
  int most = 0;
  for (const auto& [worker, n] : caseload) most = std::max(most, n);
  EXPECT_LE(most, 40);
  EXPECT_GT(caseload.size(), staff.size() / 2);
}

}  // namespace cinplan::app
