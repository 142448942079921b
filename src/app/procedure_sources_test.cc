#include "app/procedure_sources.h"

#include <gtest/gtest.h>

#include "app/profile_catalog.h"

namespace cinplan::app {
namespace {

namespace fs = std::filesystem;

// Every quote of every rule, override, constraint, pathway and outcome of the
// shipped profiles is in the authority's document word for word.
TEST(ProcedureSources, EveryShippedQuoteAppearsVerbatimInItsDocument) {
  const fs::path docs = fs::path(CINPLAN_SHARED_DIR) / "procedures";
  if (!fs::exists(docs)) GTEST_SKIP() << "no " << docs << " beside the repository";
  auto catalog = ProfileCatalog::load(fs::path(CINPLAN_SOURCE_DIR) / "profiles");
  ASSERT_TRUE(catalog) << catalog.error().message;
  for (const Profile& p : catalog->profiles()) {
    auto ok = check_quotes(p, docs);
    EXPECT_TRUE(ok) << ok.error().message;
  }
}

TEST(ProcedureSources, NamesTheRuleWhoseQuoteIsNotInTheDocument) {
  const fs::path docs = fs::path(CINPLAN_SHARED_DIR) / "procedures";
  if (!fs::exists(docs)) GTEST_SKIP() << "no " << docs << " beside the repository";
  auto catalog = ProfileCatalog::load(fs::path(CINPLAN_SOURCE_DIR) / "profiles");
  ASSERT_TRUE(catalog) << catalog.error().message;
  Profile p = *catalog->find("bolton").value();
  p.rules.front().cite.front().quote = "visited daily by the mayor";
  auto ok = check_quotes(p, docs);
  ASSERT_FALSE(ok);
  EXPECT_NE(
      ok.error().message.find("rule " + p.rules.front().id + " quotes a sentence that is not in"),
      std::string::npos)
      << ok.error().message;
  p.source = "missing.txt";
  EXPECT_FALSE(check_quotes(p, docs));
}

}  // namespace
}  // namespace cinplan::app
