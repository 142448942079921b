#include "app/demo_history.h"

#include <gtest/gtest.h>

#include <map>

#include "app/app_test_support.h"
#include "core/casefile/case_history.h"
#include "core/obligations/findings.h"
#include "core/obligations/obligations.h"

namespace cinplan::app {
namespace {

const Date kToday = *parse_date("2026-03-16");

class DemoHistoryTest : public ::testing::TestWithParam<std::string> {
 protected:
  const Profile& profile() const { return **test_profiles().find(GetParam()); }
};

TEST_P(DemoHistoryTest, EveryHistoryParsesAndBreaksNoMustConstraint) {
  std::map<ObligationStatus, int> statuses;
  for (std::size_t i = 0; i < 60; ++i) {
    auto h = demo_history(profile(), 1, kToday, i);
    ASSERT_TRUE(h) << h.error().message;
    auto parsed = parse_case_history(h->text);
    ASSERT_TRUE(parsed) << h->case_id << ": " << parsed.error().message;
    for (const Finding& f : check_constraints(profile(), *parsed)) {
      const Constraint& c = profile().constraints[f.constraint];
      EXPECT_NE(c.strength, Strength::kMust)
          << h->case_id << " " << parsed->describe_event(f.event) << " breaks " << c.id;
    }
    for (const Obligation& o : obligations(profile(), fold(*parsed), kToday)) ++statuses[o.status];
  }
  for (const auto& [s, n] : statuses) std::cout << to_string(s) << " " << n << "\n";
}

INSTANTIATE_TEST_SUITE_P(Profiles, DemoHistoryTest,
                         ::testing::Values("bolton", "brighton-and-hove", "cin-plans-and-reviews",
                                           "london-cyps", "worcestershire"),
                         [](const auto& param_info) {
                           std::string name = param_info.param;
                           for (char& ch : name) ch = ch == '-' ? '_' : ch;
                           return name;
                         });

}  // namespace
}  // namespace cinplan::app
