#include "app/profile_choices.h"

#include <gtest/gtest.h>

#include "app/app_test_support.h"
#include "app/command_rules.h"
#include "core/casefile/case_history.h"

namespace cinplan::app {
namespace {

using json = nlohmann::ordered_json;

const Profile& profile(std::string_view id) {
  return *test_profiles().find(id).value();
}

std::vector<std::string> values(const json& list) {
  std::vector<std::string> out;
  for (const json& o : list) out.push_back(o["value"]);
  return out;
}

TEST(FormChoices, OffersTheMeetingsTheAuthorityNamesInItsOwnWords) {
  const json bolton = form_choices(profile("bolton"));
  EXPECT_EQ(values(bolton["meeting_kinds"]),
            (std::vector<std::string>{"initial", "review", "twelve_month_review"}));
  EXPECT_EQ(bolton["meeting_kinds"][1]["label"], "Child Action Meeting");
  EXPECT_EQ(bolton["meeting_word"], "Child Action Meeting");
  // Worcestershire calls both "Child in Need Meeting": they are told apart.
  const json worcs = form_choices(profile("worcestershire"));
  EXPECT_EQ(worcs["meeting_kinds"][0]["label"], "Child in Need Meeting (the first)");
  EXPECT_EQ(worcs["meeting_kinds"][1]["label"], "Child in Need Meeting (a review)");
  // London's Practice Lead chairs; its four outcomes, not the registry's six.
  const json london = form_choices(profile("london-cyps"));
  bool practice_lead = false;
  for (const json& c : london["chairs"]) practice_lead |= c["label"] == "Practice lead";
  EXPECT_TRUE(practice_lead);
  EXPECT_EQ(london["outcomes"].size(), profile("london-cyps").outcomes.size());
  EXPECT_NE(london["invitations_rule"]["quote"].get<std::string>().find("3 to 4 weeks"),
            std::string::npos);
  EXPECT_TRUE(london["pre_meeting_rule"].is_object());
  // Brighton and Hove sets no notice for invitations.
  EXPECT_TRUE(form_choices(profile("brighton-and-hove"))["invitations_rule"].is_null());
  // London's notice is for reviews too; the CIN plans and reviews procedure
  // sets it for the initial meeting only, so a review is not told it.
  EXPECT_TRUE(london["rules_by_kind"]["review"]["invitations_rule"].is_object());
  const json cin = form_choices(profile("cin-plans-and-reviews"));
  EXPECT_TRUE(cin["rules_by_kind"]["initial"]["invitations_rule"].is_object());
  EXPECT_TRUE(cin["rules_by_kind"]["review"]["invitations_rule"].is_null());
  // Only London asks something again after a significant change to the plan.
  EXPECT_EQ(london["significant_change_duties"],
            json::array({"CIN plan shared with the family and signed by them"}));
  EXPECT_EQ(cin["significant_change_duties"], json::array());
}

CaseHistory history_with(std::string_view invited_on, std::string_view kind) {
  json doc = json::parse(R"j({"case_id": "C-1", "profile": "london-cyps",
      "child": {"id": "P-1", "name": "Sam"}, "events": [
      {"type": "plan_decided", "date": "2026-06-01", "decided_by_role": "first_line_manager"},
      {"type": "meeting", "date": "2026-06-20", "kind": "initial", "chair_role": "first_line_manager"}]})j");
  doc["events"].push_back({{"type", "meeting_scheduled"},
                           {"date", invited_on},
                           {"meeting_date", "2026-09-10"},
                           {"kind", kind}});
  doc["events"].push_back({{"type", "invitations_sent"},
                           {"date", invited_on},
                           {"meeting_date", "2026-09-10"},
                           {"distribution_list", true}});
  return case_history_from_json(doc).value();
}

TEST(ShortNotice, FlagsInvitationsLaterThanTheProfilesNotice) {
  const Profile& london = profile("london-cyps");
  // "Invitations must be sent out 3 to 4 weeks before the meeting": by 20 August.
  const CaseHistory late = history_with("2026-08-27", "review");
  const auto flagged = rules::short_notice(london, late, late.events.back());
  ASSERT_TRUE(flagged);
  EXPECT_NE(flagged->find("20 August 2026"), std::string::npos) << *flagged;
  EXPECT_NE(flagged->find("3 to 4 weeks"), std::string::npos) << *flagged;
  const CaseHistory in_time = history_with("2026-08-20", "review");
  EXPECT_FALSE(rules::short_notice(london, in_time, in_time.events.back()));
  // Brighton and Hove asks no notice of invitations.
  EXPECT_FALSE(rules::short_notice(profile("brighton-and-hove"), late, late.events.back()));
}

}  // namespace
}  // namespace cinplan::app
