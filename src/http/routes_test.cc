#include "http/routes.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "core/access/permissions.h"

namespace cinplan::http {
namespace {

TEST(Routes, EveryRouteNeedsAnActionOfTheShippedPermissionTableOrIsPublic) {
  auto table =
      access::PermissionTable::load(std::string(CINPLAN_SOURCE_DIR) + "/config/permissions.toml");
  ASSERT_TRUE(table) << table.error().describe();
  for (const Route& r : routes()) {
    if (r.access == Access::kPublic) continue;
    const access::Action* a = table->find(r.action);
    ASSERT_NE(a, nullptr) << r.method << " " << r.pattern << " needs " << r.action;
    EXPECT_EQ(a->on_case, r.on_case()) << r.pattern << ": the table and the route disagree";
    if (r.page() && r.method == "GET" && a->writes) {
      // A form's page asks what sending it asks: the POST of the same
      // address, with the same action.
      const bool posted = std::any_of(routes().begin(), routes().end(), [&](const Route& p) {
        return p.method == "POST" && p.pattern == r.pattern && p.action == r.action;
      });
      EXPECT_TRUE(posted) << r.pattern << ": a form with no POST of its own";
      continue;
    }
    EXPECT_EQ(a->writes, r.writes()) << r.pattern << ": the table and the route disagree";
  }
}

TEST(Routes, EveryCommandHasARouteAndEveryPathIsUnique) {
  std::set<std::string> commands, paths;
  for (const Route& r : routes()) {
    if (!r.command.empty()) commands.insert(std::string(r.command));
    EXPECT_TRUE(paths.insert(std::string(r.method) + " " + std::string(r.pattern)).second)
        << r.pattern;
  }
  for (const app::CommandSpec& c : app::command_specs())
    EXPECT_TRUE(commands.count(std::string(c.name))) << c.name << " has no route";
}

TEST(Routes, MatchDecodesParametersAndSaysWhichMethodsAPathTakes) {
  auto m = match("GET", "/api/cases/C-10%2001");
  ASSERT_TRUE(m);
  ASSERT_NE(m->route, nullptr);
  EXPECT_EQ(m->route->action, "case.read");
  EXPECT_EQ(m->params["id"], "C-10 01");
  auto wrong = match("PUT", "/api/cases/C-1");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->route, nullptr);
  EXPECT_EQ(wrong->allowed, std::vector<std::string_view>{"GET"});
  auto none = match("GET", "/api/cases/C-1/nothing");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->route, nullptr);
  EXPECT_TRUE(none->allowed.empty());
  EXPECT_FALSE(match("GET", "/api/cases/%G1"));
  auto empty = match("GET", "/api/cases/");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->route, nullptr);
}

TEST(Routes, PagesAreOutsideApiAndAssetsTakeTheRestOfThePath) {
  auto m = match("GET", "/assets/fonts/bold.woff2");
  ASSERT_TRUE(m);
  ASSERT_NE(m->route, nullptr);
  EXPECT_TRUE(m->route->page());
  EXPECT_EQ(m->route->access, Access::kPublic);
  EXPECT_EQ(m->params["*"], "fonts/bold.woff2");
  auto home = match("GET", "/");
  ASSERT_TRUE(home && home->route);
  EXPECT_EQ(home->route->access, Access::kSession);
  auto page = match("GET", "/cases/C-1");
  ASSERT_TRUE(page && page->route);
  EXPECT_EQ(page->route->action, "case.read");
  EXPECT_TRUE(page->route->page());
  EXPECT_FALSE(match("GET", "/api/cases/C-1")->route->page());
  EXPECT_EQ(match("GET", "/assets")->route, nullptr);
}

TEST(OpenApi, DescribesEveryRouteWithItsAction) {
  const auto doc = openapi();
  std::size_t operations = 0;
  for (auto& [path, methods] : doc["paths"].items()) operations += methods.size();
  std::size_t api = 0;
  for (const Route& r : routes()) api += r.page() ? 0 : 1;
  EXPECT_EQ(operations, api);
  EXPECT_FALSE(doc["paths"].contains("/caseload"));
  const auto& visit = doc["paths"]["/api/cases/{id}/visits"]["post"];
  EXPECT_EQ(visit["x-action"], "visit.record");
  EXPECT_EQ(visit["requestBody"]["content"]["application/json"]["schema"]["required"][0],
            "child_seen");
}

}  // namespace
}  // namespace cinplan::http
