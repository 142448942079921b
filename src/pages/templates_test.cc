#include "pages/templates.h"

#include <gtest/gtest.h>

namespace cinplan::pages {
namespace {

TEST(Templates, EscapesWhatItIsGivenAndPutsPartialsInPlace) {
  auto t =
      Templates::from_texts({{"page", "{{> top}}<p>{{name}}</p>{{#items}}<i>{{.}}</i>{{/items}}"},
                             {"top", "<h1>{{title}}</h1>"}});
  ASSERT_TRUE(t) << t.error().message;
  auto html = t->render(
      "page", {{"title", "Case"}, {"name", "<script>x</script> & \"q\""}, {"items", {"a", "b"}}});
  ASSERT_TRUE(html);
  EXPECT_EQ(
      *html,
      "<h1>Case</h1><p>&lt;script&gt;x&lt;/script&gt; &amp; &quot;q&quot;</p><i>a</i><i>b</i>");
}

TEST(Templates, FalseNullAndEmptyListsHideASection) {
  auto t = Templates::from_texts({{"p", "{{#a}}A{{/a}}{{^b}}not B{{/b}}{{#c}}C{{/c}}{{n}}"}});
  ASSERT_TRUE(t);
  EXPECT_EQ(
      *t->render("p",
                 {{"a", false}, {"b", nullptr}, {"c", nlohmann::ordered_json::array()}, {"n", 30}}),
      "not B30");
}

TEST(Templates, ATemplateThatDoesNotParseIsRefusedNamingIt) {
  auto bad = Templates::from_texts({{"case", "{{#plan}}no end"}});
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("case.mustache"), std::string::npos);
  auto missing = Templates::from_texts({{"case", "{{> nowhere}}"}});
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("no partial nowhere.mustache"), std::string::npos);
  auto loop = Templates::from_texts({{"a", "{{> b}}"}, {"b", "{{> a}}"}});
  ASSERT_FALSE(loop);
  EXPECT_NE(loop.error().message.find("nest more than 8"), std::string::npos);
}

TEST(Templates, TheShippedTemplatesLoad) {
  auto t = Templates::load(std::string(CINPLAN_SOURCE_DIR) + "/templates");
  ASSERT_TRUE(t) << t.error().message;
  for (const char* name : {"sign_in", "caseload", "case", "search", "error"})
    EXPECT_TRUE(t->has(name)) << name;
  EXPECT_FALSE(t->render("nothing", {}));
}

}  // namespace
}  // namespace cinplan::pages
