#include <gtest/gtest.h>

#include <string>

#include "core/access/permissions.h"

namespace cinplan::access {
namespace {

const PermissionTable& shipped() {
  static const PermissionTable table =
      PermissionTable::load(std::string(CINPLAN_SOURCE_DIR) + "/config/permissions.toml").value();
  return table;
}

// A table with one action per scope, so each is tested on its own.
const PermissionTable& scopes_table() {
  static const PermissionTable table = PermissionTable::parse(R"(
[actions."case.look"]
summary = "look at the case"
on_case = true
writes = false
social_worker = "own"
first_line_manager = "team"
service_manager = "authority"
partner_professional = "consented-agency"
head_of_service = "granted"
[actions."list.look"]
summary = "look at a list"
on_case = false
writes = false
social_worker = "own"
first_line_manager = "team"
service_manager = "authority"
)",
                                                              "scopes.toml")
                                           .value();
  return table;
}

Caller caller(std::string username, std::string role, std::string team = "north",
              std::string agency = "") {
  return {username, username, std::move(role), std::move(team), std::move(agency)};
}

CaseAccess a_case() {
  CaseAccess c;
  c.case_id = "C-1";
  c.worker = "sam.worker";
  c.team = "north";
  c.iro = "ira.iro";
  c.shared_with = {"school", "health"};
  return c;
}

TEST(Authorize, OwnIsTheAllocatedWorkerOrIro) {
  const CaseAccess c = a_case();
  Decision d = authorize(scopes_table(), caller("sam.worker", "social_worker"), "case.look", &c);
  EXPECT_TRUE(d.allowed) << d.reason;
  EXPECT_EQ(d.reason, "own");
  EXPECT_TRUE(
      authorize(scopes_table(), caller("ira.iro", "social_worker"), "case.look", &c).allowed);
  d = authorize(scopes_table(), caller("other.worker", "social_worker"), "case.look", &c);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.reason, "A social worker may look at the case only on a case allocated to them.");
  // An empty username never matches an unallocated case.
  CaseAccess unallocated = c;
  unallocated.worker.clear();
  unallocated.iro.clear();
  EXPECT_FALSE(
      authorize(scopes_table(), caller("", "social_worker"), "case.look", &unallocated).allowed);
}

TEST(Authorize, TeamIsOwnOrTheCasesTeam) {
  const CaseAccess c = a_case();
  Decision d = authorize(scopes_table(), caller("tm", "first_line_manager"), "case.look", &c);
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(d.reason, "team");
  d = authorize(scopes_table(), caller("tm", "first_line_manager", "south"), "case.look", &c);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.reason,
            "A first-line manager may look at the case only on a case allocated to them or to "
            "their team.");
  // Allocated to them though another team's case.
  EXPECT_TRUE(authorize(scopes_table(), caller("sam.worker", "first_line_manager", "south"),
                        "case.look", &c)
                  .allowed);
  // No team on either side is not a match.
  CaseAccess teamless = c;
  teamless.team.clear();
  d = authorize(scopes_table(), caller("tm", "first_line_manager", ""), "case.look", &teamless);
  EXPECT_FALSE(d.allowed);
  EXPECT_NE(d.reason.find("this account has no team"), std::string::npos) << d.reason;
}

TEST(Authorize, AuthorityIsAnyCase) {
  const CaseAccess c = a_case();
  const Decision d =
      authorize(scopes_table(), caller("sm", "service_manager", "elsewhere"), "case.look", &c);
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(d.reason, "authority");
}

TEST(Authorize, ConsentedAgencyNeedsTheCallersAgencyInTheSharing) {
  const CaseAccess c = a_case();
  Decision d = authorize(scopes_table(), caller("nurse", "partner_professional", "", "health"),
                         "case.look", &c);
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(d.reason, "consented-agency");
  d = authorize(scopes_table(), caller("pc", "partner_professional", "", "police"), "case.look",
                &c);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.reason,
            "A partner professional may see only the plans of families who consented to share "
            "with their agency.");
  d = authorize(scopes_table(), caller("x", "partner_professional", "", ""), "case.look", &c);
  EXPECT_FALSE(d.allowed);
  EXPECT_NE(d.reason.find("names no agency"), std::string::npos) << d.reason;
}

TEST(Authorize, GrantedIsOnlyAGrant) {
  CaseAccess c = a_case();
  Decision d = authorize(scopes_table(), caller("hos", "head_of_service"), "case.look", &c);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.reason,
            "A head of service may look at the case only on a case they have been granted access "
            "to.");
  c.granted = true;
  d = authorize(scopes_table(), caller("hos", "head_of_service"), "case.look", &c);
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(d.reason, "granted");
}

TEST(Authorize, ARestrictedCaseNeedsAGrantWhateverTheScope) {
  CaseAccess c = a_case();
  c.restricted = true;
  for (const Caller& who :
       {caller("sam.worker", "social_worker"), caller("tm", "first_line_manager"),
        caller("sm", "service_manager"), caller("n", "partner_professional", "", "health")}) {
    const Decision d = authorize(scopes_table(), who, "case.look", &c);
    EXPECT_FALSE(d.allowed) << who.role;
    EXPECT_EQ(d.reason, "This record is restricted: only people granted access may see it.");
  }
  c.granted = true;
  EXPECT_TRUE(authorize(scopes_table(), caller("sm", "service_manager"), "case.look", &c).allowed);
  // A grant lifts the restriction, not the scope.
  EXPECT_FALSE(
      authorize(scopes_table(), caller("other", "social_worker"), "case.look", &c).allowed);
}

TEST(Authorize, NonCaseActionsNeedOnlyAScope) {
  for (const char* role : {"social_worker", "first_line_manager", "service_manager"}) {
    const Decision d = authorize(scopes_table(), caller("x", role, ""), "list.look", nullptr);
    EXPECT_TRUE(d.allowed) << role;
  }
  EXPECT_EQ(
      authorize(scopes_table(), caller("x", "first_line_manager"), "list.look", nullptr).reason,
      "team");
  const Decision d =
      authorize(scopes_table(), caller("x", "head_of_service"), "list.look", nullptr);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.reason, "A head of service may not look at a list.");
}

TEST(Authorize, RefusesUnknownActionsRolesAndAMissingCase) {
  const CaseAccess c = a_case();
  Decision d = authorize(scopes_table(), caller("sm", "service_manager"), "case.delete", &c);
  EXPECT_FALSE(d.allowed);
  EXPECT_NE(d.reason.find("\"case.delete\" is not an action"), std::string::npos) << d.reason;
  d = authorize(scopes_table(), caller("sm", "wizard"), "case.look", &c);
  EXPECT_FALSE(d.allowed);
  EXPECT_NE(d.reason.find("role \"wizard\" is not one cinplan knows"), std::string::npos);
  d = authorize(scopes_table(), caller("sm", ""), "case.look", &c);
  EXPECT_FALSE(d.allowed);
  EXPECT_NE(d.reason.find("has no role"), std::string::npos);
  d = authorize(scopes_table(), caller("sm", "service_manager"), "case.look", nullptr);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.reason, "To look at the case, the case must be named.");
}

TEST(AuthorizeShipped, SocialWorkerRecordsOnlyOnTheirOwnCases) {
  const CaseAccess c = a_case();
  EXPECT_TRUE(
      authorize(shipped(), caller("sam.worker", "social_worker"), "visit.record", &c).allowed);
  const Decision d = authorize(shipped(), caller("jo", "social_worker"), "visit.record", &c);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.reason,
            "A social worker may record a visit to the child only on a case allocated to them.");
  // They may read any non-restricted case of the authority, but not decide.
  EXPECT_TRUE(authorize(shipped(), caller("jo", "social_worker"), "case.read", &c).allowed);
  EXPECT_EQ(
      authorize(shipped(), caller("sam.worker", "social_worker"), "manager.decide", &c).reason,
      "A social worker may not make a manager's decision on a case.");
}

TEST(AuthorizeShipped, AdministratorsMayNotReadACase) {
  const CaseAccess c = a_case();
  const Caller admin = caller("root", "administrator", "");
  Decision d = authorize(shipped(), admin, "case.read", &c);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.reason, "Administrators manage accounts and may not read a child's record.");
  d = authorize(shipped(), admin, "visit.record", &c);
  EXPECT_EQ(d.reason, "Administrators manage accounts and may not change a child's record.");
  EXPECT_TRUE(authorize(shipped(), admin, "accounts.manage", nullptr).allowed);
  EXPECT_FALSE(
      authorize(shipped(), caller("hos", "head_of_service"), "accounts.manage", nullptr).allowed);
}

TEST(AuthorizeShipped, APartnerContributesOnlyWithConsent) {
  const CaseAccess c = a_case();
  const Caller nurse = caller("nurse", "partner_professional", "", "health");
  const Caller police = caller("pc", "partner_professional", "", "police");
  EXPECT_TRUE(authorize(shipped(), nurse, "partner.contribute", &c).allowed);
  EXPECT_TRUE(authorize(shipped(), nurse, "case.read_shared", &c).allowed);
  Decision d = authorize(shipped(), police, "partner.contribute", &c);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.reason,
            "A partner professional may add a written update or a scaling score to the plan only "
            "for a family who consented to share with their agency.");
  d = authorize(shipped(), police, "case.read_shared", &c);
  EXPECT_EQ(d.reason,
            "A partner professional may see only the plans of families who consented to share "
            "with their agency.");
  // Nothing else, even with consent.
  d = authorize(shipped(), nurse, "case.read", &c);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.reason,
            "A partner professional may see only the plans of families who consented to share "
            "with their agency.");
  d = authorize(shipped(), nurse, "visit.record", &c);
  EXPECT_FALSE(d.allowed);
  EXPECT_NE(d.reason.find("may add only a written update and a scaling score"), std::string::npos);
  EXPECT_TRUE(authorize(shipped(), nurse, "cases.shared", nullptr).allowed);
  EXPECT_FALSE(authorize(shipped(), nurse, "cases.search", nullptr).allowed);
}

TEST(AuthorizeShipped, IroAndManagers) {
  const CaseAccess c = a_case();
  EXPECT_TRUE(
      authorize(shipped(), caller("ira.iro", "independent_reviewing_officer"), "iro.recommend", &c)
          .allowed);
  const Decision d =
      authorize(shipped(), caller("ian", "independent_reviewing_officer"), "iro.recommend", &c);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.reason,
            "An independent reviewing officer may make a reviewing officer's recommendation only "
            "on a case allocated to them.");
  EXPECT_TRUE(
      authorize(shipped(), caller("tm", "first_line_manager"), "manager.decide", &c).allowed);
  EXPECT_FALSE(
      authorize(shipped(), caller("tm", "first_line_manager", "south"), "manager.decide", &c)
          .allowed);
  EXPECT_TRUE(authorize(shipped(), caller("gm", "group_manager", ""), "panel.decide", &c).allowed);
  EXPECT_FALSE(
      authorize(shipped(), caller("sm", "service_manager", ""), "panel.decide", &c).allowed);
}

}  // namespace
}  // namespace cinplan::access
