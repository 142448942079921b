#include "core/census/code_sets.h"

#include <gtest/gtest.h>

#include "core/census/census_test_support.h"

namespace cinplan::census {
namespace {

TEST(CensusCodeSets, TheShippedSetsLoadWithTheirCodes) {
  const CodeSets& c = testing::shipped_code_sets();
  EXPECT_TRUE(c.ethnicity.contains("WBRI"));
  EXPECT_TRUE(c.primary_need.contains("N0"));
  EXPECT_TRUE(c.reason_for_closure.contains("RC9"));
  EXPECT_TRUE(c.sex.contains("U"));
  EXPECT_FALSE(c.sex.contains("1"));
  EXPECT_TRUE(c.la_numbers.contains("201"));
}

TEST(CensusCodeSets, AMissingListACodeTwiceOrAnUnknownListIsRefusedNamingIt) {
  std::string all;
  for (const char* name :
       {"ethnicity", "disability", "referral_source", "primary_need", "reason_for_closure",
        "category_of_abuse", "assessment_factors", "upn_unknown", "sex", "la_numbers"})
    all += std::string(name) + " = [\"X\"]\n";
  ASSERT_TRUE(parse_code_sets(all));
  auto twice = parse_code_sets(all + "colour = [\"red\"]\n");
  ASSERT_FALSE(twice);
  EXPECT_NE(twice.error().message.find("unknown list \"colour\""), std::string::npos);
  std::string dup = all;
  dup.replace(dup.find("sex = [\"X\"]"), 11, "sex = [\"M\", \"M\"]");
  auto d = parse_code_sets(dup);
  ASSERT_FALSE(d);
  EXPECT_NE(d.error().message.find("\"M\" is listed twice in \"sex\""), std::string::npos);
  std::string missing = all;
  missing.erase(missing.find("sex = "), 12);
  auto m = parse_code_sets(missing);
  ASSERT_FALSE(m);
  EXPECT_NE(m.error().message.find("no list \"sex\""), std::string::npos);
  EXPECT_FALSE(parse_code_sets("sex = [\"M\""));
}

TEST(CensusReturn, ThePeriodRunsFromTheFirstOfAprilToTheReferenceDate) {
  const CensusPeriod p = period_ending(*Date::from_ymd(2026, 3, 31));
  EXPECT_EQ(p.start.to_string(), "2025-04-01");
  EXPECT_TRUE(p.contains(*Date::from_ymd(2026, 3, 31)));
  EXPECT_FALSE(p.contains(*Date::from_ymd(2026, 4, 1)));
  EXPECT_FALSE(p.contains(*Date::from_ymd(2025, 3, 31)));
}

TEST(CensusReturn, DatesAndFlagsReadAsTheFilesWriteThem) {
  EXPECT_EQ(date_of(Text("2025-06-02"))->to_string(), "2025-06-02");
  EXPECT_EQ(date_of(Text("2025-06-02T00:00:00"))->to_string(), "2025-06-02");
  EXPECT_FALSE(date_of(Text("2025-02-30")));
  EXPECT_FALSE(date_of(std::nullopt));
  EXPECT_EQ(flag_of(Text("1")), true);
  EXPECT_EQ(flag_of(Text("false")), false);
  EXPECT_FALSE(flag_of(Text("yes")));
}

}  // namespace
}  // namespace cinplan::census
