#include "app/event_catalog.h"

#include <gtest/gtest.h>

#include "app/profile_catalog.h"

namespace cinplan::app {
namespace {

TEST(EventCatalog, DocsEventsMdIsTheRegistryAsWritten) {
  auto doc = read_file(std::filesystem::path(CINPLAN_SOURCE_DIR) / "docs" / "events.md");
  ASSERT_TRUE(doc) << doc.error().message;
  EXPECT_EQ(*doc, render_event_catalog(true))
      << "docs/events.md is out of date: regenerate it with `cinplan events --markdown > "
         "docs/events.md`";
}

TEST(ProfileCatalog, LoadsTheShippedFolderAndNamesKnownIdsWhenOneIsMissing) {
  auto catalog = ProfileCatalog::load(std::filesystem::path(CINPLAN_SOURCE_DIR) / "profiles");
  ASSERT_TRUE(catalog) << catalog.error().message;
  EXPECT_EQ(catalog->profiles().size(), 5u);
  auto missing = catalog->find("york");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("known: bolton, brighton-and-hove"), std::string::npos);
  EXPECT_FALSE(ProfileCatalog::load("/nonexistent/profiles"));
}

}  // namespace
}  // namespace cinplan::app
