#include "core/procedure/vocabulary.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "core/procedure/profile_loader.h"

namespace cinplan {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(Vocabulary, EveryRuleOfEveryShippedProfileHasAMeaning) {
  int profiles = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(CINPLAN_SOURCE_DIR) / "profiles")) {
    if (entry.path().extension() != ".toml") continue;
    auto p = load_profile(slurp(entry.path()), entry.path().string());
    ASSERT_TRUE(p) << p.error().message;
    ++profiles;
    for (const Rule& r : p->rules) {
      EXPECT_NE(find_duty(r.id), nullptr)
          << p->id << " uses rule id " << r.id << ", which the vocabulary does not explain";
    }
  }
  EXPECT_GE(profiles, 5);
}

TEST(Vocabulary, HasEveryIdOfTheCommonVocabularyOfTheDesign) {
  // DESIGN.md section 4.
  for (const char* id : {"initial_meeting",
                         "pre_meeting_visit",
                         "family_network_meeting",
                         "invitations_sent",
                         "review",
                         "midpoint_meeting",
                         "visit",
                         "visit_seen_at_home",
                         "home_rooms_seen",
                         "meeting_recorded",
                         "plan_updated",
                         "plan_circulated",
                         "minutes_distributed",
                         "plan_signed_family",
                         "plan_signed_manager",
                         "service_manager_review",
                         "twelve_month_review",
                         "panel",
                         "so_review",
                         "so_form_to_reviewer",
                         "so_final_review",
                         "so_assessment_shared",
                         "transfer_in_meeting",
                         "consent_withdrawn_discussion"}) {
    EXPECT_NE(find_duty(id), nullptr) << id;
  }
  EXPECT_EQ(find_duty("no_such_duty"), nullptr);
}

TEST(Vocabulary, RecordingTheMeetingAndSendingTheMinutesAreDifferentDutiesOfOneGroup) {
  const DutyMeaning* recorded = find_duty("meeting_recorded");
  const DutyMeaning* minutes = find_duty("minutes_distributed");
  ASSERT_NE(recorded, nullptr);
  ASSERT_NE(minutes, nullptr);
  EXPECT_EQ(recorded->group, minutes->group);
  EXPECT_NE(recorded->meaning, minutes->meaning);
  EXPECT_NE(recorded->meaning.find("case record"), std::string_view::npos);
  EXPECT_NE(minutes->meaning.find("sent to"), std::string_view::npos);
}

TEST(Vocabulary, EachMeaningIsOneSentenceInAKnownGroupAndGroupsAreContiguous) {
  std::set<std::string_view> ids;
  std::size_t group_at = 0;
  for (const DutyMeaning& d : duty_meanings()) {
    EXPECT_TRUE(ids.insert(d.id).second) << "twice: " << d.id;
    ASSERT_FALSE(d.meaning.empty()) << d.id;
    EXPECT_TRUE(d.meaning.front() >= 'A' && d.meaning.front() <= 'Z') << d.id;
    EXPECT_EQ(d.meaning.back(), '.') << d.id;
    EXPECT_EQ(d.meaning.find(". "), std::string_view::npos) << "more than one sentence: " << d.id;
    ASSERT_NE(find_duty_group(d.group), nullptr) << d.id << " names group " << d.group;
    // Groups appear in their own order, each once.
    while (group_at < duty_groups().size() && duty_groups()[group_at].id != d.group) ++group_at;
    EXPECT_LT(group_at, duty_groups().size()) << d.id << " is out of its group's order";
  }
  for (const DutyGroup& g : duty_groups()) {
    bool used = false;
    for (const DutyMeaning& d : duty_meanings()) used = used || d.group == g.id;
    EXPECT_TRUE(used) << "empty group " << g.id;
    EXPECT_NE(g.title.back(), '.') << g.id;
  }
}

}  // namespace
}  // namespace cinplan
