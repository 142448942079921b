#include "app/demo_names.h"

#include <gtest/gtest.h>

#include <set>

#include "core/casefile/child_identifiers.h"

namespace cinplan::app {
namespace {

TEST(DemoNames, NhsNumbersAreInTheTestingRangeWithAValidCheckDigit) {
  DemoRandom random(1, 0);
  for (int i = 0; i < 500; ++i) {
    const std::string n = demo_nhs_number(random);
    EXPECT_EQ(n.substr(0, 3), "999");
    EXPECT_TRUE(is_valid_nhs_number(n)) << n;
  }
}

TEST(DemoNames, UpnsHaveAValidCheckLetterAndTheYearOfIssue) {
  DemoRandom random(1, 0);
  for (int i = 0; i < 500; ++i) {
    const std::string upn = demo_upn(random, 2019);
    EXPECT_TRUE(is_valid_upn(upn)) << upn;
    EXPECT_EQ(upn.substr(8, 2), "19");
  }
}

TEST(DemoNames, NoTwoChildrenOfADemoShareAName) {
  for (unsigned seed : {1u, 2u}) {
    std::set<std::string> names;
    for (std::size_t i = 0; i < 400; ++i) {
      DemoRandom random(seed, i);
      const DemoFamily f = demo_family(random, seed, i);
      EXPECT_TRUE(names.insert(f.child_first + " " + f.surname).second)
          << f.child_first << " " << f.surname << " (child " << i << ")";
      EXPECT_TRUE(f.sex == "male" || f.sex == "female");
      EXPECT_FALSE(f.heritage.ethnicity.empty());
    }
  }
}

TEST(DemoNames, TheSameRandomSourceGivesTheSameFamily) {
  DemoRandom a(7, 3), b(7, 3), c(8, 3);
  const DemoFamily fa = demo_family(a, 7, 3), fb = demo_family(b, 7, 3);
  EXPECT_EQ(fa.child_first + fa.surname + fa.mother_first,
            fb.child_first + fb.surname + fb.mother_first);
  EXPECT_EQ(demo_address(a), demo_address(b));
  EXPECT_NE(demo_address(a), demo_address(c));
}

TEST(DemoNames, PlacesAndNumbersAreFictional) {
  DemoRandom random(1, 0);
  for (int i = 0; i < 50; ++i) {
    EXPECT_NE(demo_address(random).find(", Northbridge NB"), std::string::npos);
    EXPECT_EQ(demo_phone(random).substr(0, 9), "07700 900");
  }
}

}  // namespace
}  // namespace cinplan::app
