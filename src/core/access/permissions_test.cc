#include "core/access/permissions.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

#include "core/casefile/event_types.h"

namespace cinplan::access {
namespace {

const std::string kShipped = std::string(CINPLAN_SOURCE_DIR) + "/config/permissions.toml";

Result<PermissionTable> parse(const std::string& text) {
  return PermissionTable::parse(text, "perm.toml");
}

std::string error_of(const std::string& text) {
  auto t = parse(text);
  EXPECT_FALSE(t) << "parsed:\n" << text;
  if (t) return {};
  EXPECT_EQ(t.error().code, ErrorCode::kBadInput);
  return t.error().message;
}

constexpr const char* kVisit = R"([actions."visit.record"]
summary = "record a visit to the child"
on_case = true
writes = true
social_worker = "own"
first_line_manager = "team"
administrator = "none"
)";

TEST(Scope, WordsRoundTrip) {
  for (Scope s : {Scope::kNone, Scope::kOwn, Scope::kTeam, Scope::kAuthority,
                  Scope::kConsentedAgency, Scope::kGranted}) {
    EXPECT_EQ(parse_scope(to_string(s)), s) << to_string(s);
  }
  EXPECT_EQ(to_string(Scope::kConsentedAgency), "consented-agency");
  EXPECT_FALSE(parse_scope("Own"));
  EXPECT_FALSE(parse_scope("consented_agency"));
  EXPECT_FALSE(parse_scope(""));
}

TEST(RoleWords, EveryRoleHasWords) {
  for (std::string_view role : role_values()) EXPECT_FALSE(role_words(role).empty()) << role;
  EXPECT_EQ(role_words("first_line_manager"), "first-line manager");
  EXPECT_EQ(role_words("chief_executive"), "");
}

TEST(PermissionTable, ParsesAnAction) {
  auto t = parse(kVisit);
  ASSERT_TRUE(t) << t.error().message;
  ASSERT_EQ(t->actions().size(), 1u);
  const Action* a = t->find("visit.record");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->summary, "record a visit to the child");
  EXPECT_TRUE(a->on_case);
  EXPECT_TRUE(a->writes);
  EXPECT_EQ(t->scope("visit.record", "social_worker"), Scope::kOwn);
  EXPECT_EQ(t->scope("visit.record", "first_line_manager"), Scope::kTeam);
  // Deny by default: named "none", not named, unknown role, unknown action.
  EXPECT_EQ(t->scope("visit.record", "administrator"), Scope::kNone);
  EXPECT_EQ(t->scope("visit.record", "head_of_service"), Scope::kNone);
  EXPECT_EQ(t->scope("visit.record", "wizard"), Scope::kNone);
  EXPECT_EQ(t->scope("visit.delete", "social_worker"), Scope::kNone);
  EXPECT_EQ(t->find("visit.delete"), nullptr);
}

TEST(PermissionTable, RefusesAnUnknownRoleNamingLineAndAction) {
  const std::string m = error_of(std::string(kVisit) + "social_workr = \"own\"\n");
  EXPECT_NE(m.find("perm.toml:8:"), std::string::npos) << m;
  EXPECT_NE(m.find("action \"visit.record\""), std::string::npos) << m;
  EXPECT_NE(m.find("\"social_workr\""), std::string::npos) << m;
}

TEST(PermissionTable, RefusesAnUnknownKey) {
  const std::string m = error_of(std::string(kVisit) + "audited = true\n");
  EXPECT_NE(m.find("perm.toml:8:"), std::string::npos) << m;
  EXPECT_NE(m.find("unknown key \"audited\""), std::string::npos) << m;
  EXPECT_NE(error_of(std::string("version = 1\n") + kVisit).find("perm.toml:1: unknown key"),
            std::string::npos);
}

TEST(PermissionTable, RefusesAnUnknownScopeNamingTheRole) {
  std::string text = kVisit;
  text.replace(text.find("\"team\""), 6, "\"teams\"");
  const std::string m = error_of(text);
  EXPECT_NE(m.find("perm.toml:6:"), std::string::npos) << m;
  EXPECT_NE(m.find("role first_line_manager: unknown scope \"teams\""), std::string::npos) << m;
  EXPECT_NE(error_of(std::string(kVisit) + "head_of_service = true\n").find("unknown scope"),
            std::string::npos);
}

TEST(PermissionTable, RefusesAMissingSummaryOrFlag) {
  std::string text = kVisit;
  text.erase(text.find("summary"), text.find("on_case") - text.find("summary"));
  EXPECT_NE(error_of(text).find("missing \"summary\""), std::string::npos);
  EXPECT_NE(error_of("[actions.\"a.b\"]\nsummary = \"\"\non_case = true\nwrites = false\n")
                .find("\"summary\" must be non-empty text"),
            std::string::npos);
  EXPECT_NE(
      error_of("[actions.\"a.b\"]\nsummary = \"x\"\nwrites = false\n").find("missing \"on_case\""),
      std::string::npos);
  EXPECT_NE(
      error_of("[actions.\"a.b\"]\nsummary = \"x\"\non_case = true\n").find("missing \"writes\""),
      std::string::npos);
  EXPECT_NE(error_of("[actions.\"a.b\"]\nsummary = \"x\"\non_case = \"yes\"\nwrites = false\n")
                .find("\"on_case\" must be true or false"),
            std::string::npos);
}

TEST(PermissionTable, RefusesCaseScopesOnANonCaseAction) {
  for (const char* scope : {"consented-agency", "granted"}) {
    const std::string m =
        error_of(std::string("[actions.\"cases.shared\"]\nsummary = \"list\"\non_case = false\n"
                             "writes = false\npartner_professional = \"") +
                 scope + "\"\n");
    EXPECT_NE(m.find("perm.toml:5:"), std::string::npos) << m;
    EXPECT_NE(m.find("role partner_professional"), std::string::npos) << m;
    EXPECT_NE(m.find("concerns none"), std::string::npos) << m;
  }
}

TEST(PermissionTable, RefusesAnActionGivenTwice) {
  const std::string m = error_of(std::string(kVisit) + "\n" + kVisit);
  EXPECT_NE(m.find("perm.toml:9:"), std::string::npos) << m;
  EXPECT_NE(m.find("given twice"), std::string::npos) << m;
}

TEST(PermissionTable, RefusesBadIdsAndAnEmptyTable) {
  EXPECT_NE(error_of("").find("no [actions"), std::string::npos);
  EXPECT_NE(error_of("[actions]\n").find("no [actions"), std::string::npos);
  EXPECT_NE(error_of("[actions.\"Visit Record\"]\nsummary = \"x\"\non_case = true\n"
                     "writes = true\n")
                .find("lower-case words"),
            std::string::npos);
  EXPECT_NE(error_of("[actions.\"visit.\"]\nsummary = \"x\"\non_case = true\nwrites = true\n")
                .find("lower-case words"),
            std::string::npos);
  EXPECT_NE(error_of("actions = 3\n").find("no [actions"), std::string::npos);
  EXPECT_NE(error_of("[actions]\n\"a.b\" = 3\n").find("must be a table"), std::string::npos);
  EXPECT_NE(error_of("[actions.\"a.b\"\n").find("perm.toml:1:"), std::string::npos);
}

TEST(PermissionTable, LoadNamesAMissingFile) {
  auto t = PermissionTable::load("/nonexistent/permissions.toml");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().code, ErrorCode::kNotFound);
  EXPECT_NE(t.error().message.find("/nonexistent/permissions.toml"), std::string::npos);
  EXPECT_FALSE(PermissionTable::load(CINPLAN_SOURCE_DIR));  // a folder
}

// The shipped file: loads, holds exactly the actions the route table uses,
// and its key cells say what DESIGN section 6 says.
TEST(ShippedPermissions, LoadsWithTheRouteTablesActions) {
  auto t = PermissionTable::load(kShipped);
  ASSERT_TRUE(t) << t.error().message;
  std::set<std::string> ids;
  for (const Action& a : t->actions()) ids.insert(a.id);
  const std::set<std::string> expected = {
      "session.create",   "session.end",   "session.read",       "profile.read",
      "caseload.mine",    "caseload.team", "cases.search",       "cases.shared",
      "cases.register",   "panel.list",    "oversight.list",     "case.read",
      "case.read_shared", "case.audit",    "case.record",        "visit.record",
      "meeting.record",   "plan.record",   "partner.contribute", "supervision_order.record",
      "iro.recommend",    "iro.respond",   "escalation.record",  "manager.decide",
      "oversight.record", "panel.decide",  "case.restrict",      "accounts.manage",
      "case.transfer"};
  EXPECT_EQ(ids, expected);
  for (const char* id : {"case.read", "case.read_shared", "case.audit"}) {
    EXPECT_TRUE(t->find(id)->on_case) << id;
    EXPECT_FALSE(t->find(id)->writes) << id;
  }
  for (const char* id : {"caseload.mine", "cases.search", "accounts.manage", "session.create"}) {
    EXPECT_FALSE(t->find(id)->on_case) << id;
  }
}

TEST(ShippedPermissions, KeyCells) {
  const PermissionTable t = PermissionTable::load(kShipped).value();
  EXPECT_EQ(t.scope("manager.decide", "social_worker"), Scope::kNone);
  EXPECT_EQ(t.scope("manager.decide", "first_line_manager"), Scope::kTeam);
  EXPECT_EQ(t.scope("visit.record", "social_worker"), Scope::kOwn);
  EXPECT_EQ(t.scope("case.read", "social_worker"), Scope::kAuthority);
  EXPECT_EQ(t.scope("partner.contribute", "partner_professional"), Scope::kConsentedAgency);
  EXPECT_EQ(t.scope("case.read_shared", "partner_professional"), Scope::kConsentedAgency);
  EXPECT_EQ(t.scope("case.read", "partner_professional"), Scope::kNone);
  EXPECT_EQ(t.scope("iro.recommend", "independent_reviewing_officer"), Scope::kOwn);
  // A reviewing officer records on the case but does not move it.
  EXPECT_EQ(t.scope("case.transfer", "independent_reviewing_officer"), Scope::kNone);
  EXPECT_EQ(t.scope("case.transfer", "social_worker"), Scope::kOwn);
  // The plan is the worker's: the reviewing officer recommends, not edits.
  EXPECT_EQ(t.scope("plan.record", "independent_reviewing_officer"), Scope::kNone);
  EXPECT_EQ(t.scope("plan.record", "social_worker"), Scope::kOwn);
  EXPECT_EQ(t.scope("iro.recommend", "service_manager"), Scope::kNone);
  EXPECT_EQ(t.scope("panel.decide", "group_manager"), Scope::kAuthority);
  EXPECT_EQ(t.scope("panel.decide", "service_manager"), Scope::kNone);
  EXPECT_EQ(t.scope("accounts.manage", "administrator"), Scope::kAuthority);
  EXPECT_EQ(t.scope("accounts.manage", "head_of_service"), Scope::kNone);
  // Administrators: nothing on a case; a partner: only the two consented actions.
  for (const Action& a : t.actions()) {
    if (!a.on_case) continue;
    EXPECT_EQ(t.scope(a.id, "administrator"), Scope::kNone) << a.id;
    if (a.id != "partner.contribute" && a.id != "case.read_shared") {
      EXPECT_EQ(t.scope(a.id, "partner_professional"), Scope::kNone) << a.id;
    }
  }
}

}  // namespace
}  // namespace cinplan::access
