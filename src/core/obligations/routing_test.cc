#include "core/obligations/routing.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/procedure/profile_loader.h"

namespace cinplan {
namespace {

Profile cin_plans_and_reviews() {
  const std::filesystem::path file =
      std::filesystem::path(CINPLAN_SOURCE_DIR) / "profiles/cin-plans-and-reviews.toml";
  std::ifstream in(file);
  std::ostringstream text;
  text << in.rdbuf();
  return load_profile(text.str(), file.string()).value();
}

std::optional<RoutingDecision> route(const Profile& p, const std::string& referral) {
  auto h = parse_case_history(R"({"case_id": "C", "events": [)" + referral + "]}");
  EXPECT_TRUE(h) << h.error().describe();
  return route_referral(p, *h);
}

// "a new referral, a case that has been closed for more than 3 months, or a
// case that has been closed for less than 3 months but involves a new
// safeguarding concern" go to the Assessment Team; the rest to a Locality Team.
TEST(Routing, FollowsTheAssessmentAndLocalityTeamSplit) {
  const Profile p = cin_plans_and_reviews();
  ASSERT_TRUE(p.routing);
  EXPECT_EQ(route(p, R"({"type": "referral_received", "date": "2025-05-01"})")->team,
            p.routing->new_team);
  EXPECT_EQ(
      route(
          p,
          R"({"type": "referral_received", "date": "2025-05-01", "previous_closure_date": "2025-01-31"})")
          ->team,
      p.routing->new_team);
  EXPECT_EQ(
      route(
          p,
          R"({"type": "referral_received", "date": "2025-05-01", "previous_closure_date": "2025-02-15"})")
          ->team,
      p.routing->recent_team);
  EXPECT_EQ(
      route(
          p,
          R"({"type": "referral_received", "date": "2025-05-01", "previous_closure_date": "2025-02-15",
                        "new_safeguarding_concern": true})")
          ->team,
      p.routing->new_team);
  EXPECT_FALSE(route(p, R"({"type": "plan_decided", "date": "2025-05-01"})"));
}

}  // namespace
}  // namespace cinplan
