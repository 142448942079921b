#include "core/procedure/clashes.h"

#include <gtest/gtest.h>

#include "core/procedure/profile_loader.h"

namespace cinplan {
namespace {

Profile with(const std::string& notice, const std::string& held_within) {
  const std::string text = R"(id = "t"
name = "T"
source = "t.txt"
bank_holidays = "england-and-wales"
[labels.roles]
first_line_manager = "Team Manager"
[[outcomes]]
id = "continue"
label = "continues"
cite = [{ quote = "q" }]
[[rules]]
id = "initial_meeting"
title = "Initial meeting"
kind = "once"
after = "plan_decided"
due = ")" + held_within + R"("
met_by = { event = "meeting", kind = ["initial"] }
cite = [{ quote = "q" }]
[[rules]]
id = "invitations_sent"
title = "Invitations"
kind = "before"
before_meeting = ["initial_meeting"]
)" + notice + R"(
met_by = "invitations_sent"
cite = [{ quote = "q" }]
)";
  auto p = load_profile(text, "profiles/t.toml");
  EXPECT_TRUE(p) << p.error().message;
  return p.value_or(Profile{});
}

// London CYPS: "Invitations must be sent out 3 to 4 weeks before the
// meeting" of a meeting held "within 15 working days" of the decision.
TEST(Clashes, NoticeLongerThanTheMeetingsOwnTimescale) {
  const Profile p = with("due = \"3 weeks\"\ntarget = \"4 weeks\"", "15 working_days");
  const auto clashes = find_clashes(p);
  ASSERT_EQ(clashes.size(), 2u);
  EXPECT_FALSE(clashes[0].target);
  EXPECT_LE(clashes[0].fewest_days, 0);  // can fall before the decision
  EXPECT_GT(clashes[0].most_days, 0);    // not always
  EXPECT_TRUE(clashes[1].target);
  EXPECT_LT(clashes[1].most_days, 0);  // always before the decision
  EXPECT_EQ(p.rules[clashes[1].meeting].id, "initial_meeting");
}

TEST(Clashes, NoneWhereTheNoticeFits) {
  EXPECT_TRUE(find_clashes(with("due = \"1 weeks\"", "15 working_days")).empty());
  EXPECT_TRUE(find_clashes(with("due = \"0 days\"", "15 working_days")).empty());
}

}  // namespace
}  // namespace cinplan
