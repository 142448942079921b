#include "pages/site.h"

#include <gtest/gtest.h>

namespace cinplan::pages {
namespace {

TEST(Site, ARenderedPageIsKeptWhileItsSourceIsTheSameAnswer) {
  auto site = Site::load(default_templates_folder(), default_assets_folder());
  ASSERT_TRUE(site) << site.error().message;
  int renders = 0;
  auto render = [&]() -> Result<std::string> { return "page " + std::to_string(++renders); };
  auto answer = std::make_shared<const std::string>("{}");
  auto first = site->cached("caseload|s1", answer, render);
  auto again = site->cached("caseload|s1", answer, render);
  ASSERT_TRUE(first && again);
  EXPECT_EQ(**again, "page 1");
  EXPECT_EQ(renders, 1);
  // A new answer, even with the same text, is rendered again; so is another key.
  auto same_text = std::make_shared<const std::string>("{}");
  EXPECT_EQ(**site->cached("caseload|s1", same_text, render), "page 2");
  EXPECT_EQ(**site->cached("caseload|s2", same_text, render), "page 3");
  // A failed render is not kept.
  auto failing = [&]() -> Result<std::string> { return std::unexpected(Error::bad_input("no")); };
  EXPECT_FALSE(site->cached("case|C-1", answer, failing));
  EXPECT_EQ(**site->cached("case|C-1", answer, render), "page 4");
}

TEST(Site, RefusesToLoadWithoutItsTemplatesOrAssets) {
  EXPECT_FALSE(Site::load("/nonexistent", default_assets_folder()));
  auto no_assets = Site::load(default_templates_folder(), "/nonexistent");
  ASSERT_FALSE(no_assets);
  EXPECT_NE(no_assets.error().message.find("assets folder"), std::string::npos);
}

}  // namespace
}  // namespace cinplan::pages
