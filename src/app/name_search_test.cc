#include "app/name_search.h"

#include <gtest/gtest.h>

namespace cinplan::app {
namespace {

TEST(NameSearch, AccentsHyphensApostrophesAndCaseAreForgiven) {
  EXPECT_EQ(fold_name("Zoë  Mary-Jane O'Neil"), "zoe mary jane oneil");
  EXPECT_EQ(fold_name("ÉMILE Brontë‐Smith"), "emile bronte smith");
  auto t = read_search("mary-jane");
  ASSERT_TRUE(t);
  EXPECT_TRUE(name_matches(*t, fold_name("Mary Jane Smith")));
  EXPECT_TRUE(name_matches(*read_search("zoe smi"), fold_name("Zoë Smith")));
  EXPECT_FALSE(name_matches(*read_search("oe"), fold_name("Zoë Smith")));
}

TEST(NameSearch, NumbersAndDatesAreReadForWhatTheyAre) {
  EXPECT_EQ(read_search("943 476 5919")->kind, SearchTerms::Kind::kNhsNumber);
  EXPECT_EQ(read_search("943 476 5919")->value, "9434765919");
  EXPECT_EQ(read_search("a123456789012")->kind, SearchTerms::Kind::kUpn);
  EXPECT_EQ(read_search("a123456789012")->value, "A123456789012");
  EXPECT_EQ(read_search("14/05/2016")->value, "2016-05-14");
  EXPECT_EQ(read_search("2016-05-14")->kind, SearchTerms::Kind::kDateOfBirth);
  EXPECT_EQ(read_search("c-1001")->value, "C-1001");
  EXPECT_FALSE(read_search("   "));
  EXPECT_FALSE(read_search("--"));
}

}  // namespace
}  // namespace cinplan::app
