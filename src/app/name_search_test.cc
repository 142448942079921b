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
  // Letters beyond Latin-1: Polish, Czech, Turkish.
  EXPECT_EQ(fold_name("Wiśniewski Łukasz Dvořák Yılmaz Œuvre"),
            "wisniewski lukasz dvorak yilmaz oeuvre");
  EXPECT_TRUE(name_matches(*read_search("Wiśniewski"), fold_name("Anna Wisniewski")));
  EXPECT_TRUE(name_matches(*read_search("wisniewski"), fold_name("Anna Wiśniewski")));
}

TEST(NameSearch, NumbersAndDatesAreReadForWhatTheyAre) {
  EXPECT_EQ(read_search("943 476 5919")->kind, SearchTerms::Kind::kNhsNumber);
  EXPECT_EQ(read_search("943 476 5919")->value, "9434765919");
  EXPECT_EQ(read_search("a123456789012")->kind, SearchTerms::Kind::kUpn);
  EXPECT_EQ(read_search("a123456789012")->value, "A123456789012");
  EXPECT_EQ(read_search("14/05/2016")->value, "2016-05-14");
  // A date as the pages write it, or as people type it: day first.
  EXPECT_EQ(read_search("2 March 2011")->value, "2011-03-02");
  EXPECT_EQ(read_search("2 mar 2011")->kind, SearchTerms::Kind::kDateOfBirth);
  EXPECT_EQ(read_search("2/3/2011")->value, "2011-03-02");
  EXPECT_EQ(read_search("2.3.2011")->value, "2011-03-02");
  EXPECT_EQ(read_search("2-3-2011")->value, "2011-03-02");
  // Not a date that exists, or not a date: a name.
  EXPECT_EQ(read_search("30 February 2011")->kind, SearchTerms::Kind::kName);
  EXPECT_EQ(read_search("May Smith")->kind, SearchTerms::Kind::kName);
  EXPECT_EQ(read_search("2016-05-14")->kind, SearchTerms::Kind::kDateOfBirth);
  EXPECT_EQ(read_search("c-1001")->value, "C-1001");
  EXPECT_FALSE(read_search("   "));
  EXPECT_FALSE(read_search("--"));
}

}  // namespace
TEST(NameSearch, ThePartOfACaseIdFindsTheCasesItIsPartOf) {
  auto start = read_search("nb-100");
  ASSERT_TRUE(start);
  EXPECT_EQ(start->id_upper, "NB-100");
  EXPECT_TRUE(case_id_matches(*start, "NB-10019"));
  EXPECT_FALSE(case_id_matches(*start, "NB-20019"));
  auto undashed = read_search("nb10019");
  ASSERT_TRUE(undashed);
  EXPECT_TRUE(case_id_matches(*undashed, "NB-10019"));
  auto digits = read_search(" 019 ");
  ASSERT_TRUE(digits);
  EXPECT_TRUE(case_id_matches(*digits, "NB-10019"));
  EXPECT_FALSE(case_id_matches(*digits, "NB-10091"));
  // A name is no part of an id; ten digits are an NHS number, not a case's.
  EXPECT_FALSE(case_id_matches(*read_search("Amy"), "NB-10019"));
  EXPECT_FALSE(case_id_matches(*read_search("9434765919"), "NB-9434765919"));
}

}  // namespace cinplan::app
