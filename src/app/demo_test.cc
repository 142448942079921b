#include "app/demo.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "app/app_test_support.h"
#include "app/case_import.h"
#include "app/security.h"
#include "store/accounts.h"

namespace cinplan::app {
namespace {

const Date kToday = *parse_date("2026-03-16");

// A fresh SQLite database with its event log and account tables. (The
// PostgreSQL test database is shared with other tests, so it always holds
// records the demo did not make.)
class Demo : public ::testing::Test {
 protected:
  void SetUp() override {
    url_ = dir_.sqlite_url("demo.db");
    auto events = store::open_store(url_, {.create = true});
    ASSERT_TRUE(events) << events.error().message;
    events_ = std::move(*events);
    auto accounts = store::open_account_store(url_);
    ASSERT_TRUE(accounts) << accounts.error().message;
    accounts_ = std::move(*accounts);
  }

  Result<DemoResult> demo(std::string profile, std::size_t children) {
    return create_demo(*events_, *accounts_, test_profiles(), clock_,
                       {std::move(profile), children, kToday});
  }
  std::int64_t head() { return events_->head().value(); }
  std::size_t streams() { return events_->list_streams().value().size(); }
  std::size_t people() { return accounts_->list_accounts().value().size(); }

  store::testing::TempDir dir_;
  std::string url_;
  std::unique_ptr<store::EventStore> events_;
  std::unique_ptr<store::AccountStore> accounts_;
  FixedClock clock_{std::chrono::sys_days{std::chrono::year{2026} / 3 / 16}};
};

TEST_F(Demo, WritesTheTeamsThePeopleAndTheChildrenAllMarkedAsTheDemos) {
  auto made = demo("london-cyps", 6);
  ASSERT_TRUE(made) << made.error().message;
  EXPECT_EQ(made->cases, 6u);
  EXPECT_EQ(made->cases_present, 0u);
  EXPECT_EQ(static_cast<std::int64_t>(made->events), head());

  const auto teams = accounts_->list_teams().value();
  ASSERT_EQ(teams.size(), 4u);
  for (const store::Team& t : teams) EXPECT_TRUE(t.demo) << t.id;
  const auto accounts = accounts_->list_accounts().value();
  ASSERT_EQ(accounts.size(), made->sign_ins.size());
  for (const store::Account& a : accounts) EXPECT_TRUE(a.demo) << a.username;
  const auto tom = accounts_->find_account("tom.hughes").value();
  ASSERT_TRUE(tom);
  EXPECT_EQ(tom->display_name, "Tom Hughes");
  EXPECT_EQ(tom->team, "assessment");
  EXPECT_EQ(tom->line_manager, "grace.adeyemi");
  EXPECT_TRUE(verify_password(tom->password_hash, "demo-social-worker-1"));
  EXPECT_FALSE(verify_password(tom->password_hash, "demo-social-worker-2"));

  const auto streams = events_->list_streams().value();
  for (const store::StreamInfo& s : streams) {
    EXPECT_EQ(s.profile, "london-cyps");
    const auto header = nlohmann::json::parse(s.header);
    EXPECT_EQ(header.at("demo"), true) << s.id;
    EXPECT_EQ(header.at("profile"), "london-cyps");
    // Recorded by the allocated worker.
    const auto events = events_->read_stream(s.id).value();
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.front().type, "child_registered");
    EXPECT_NE(events.front().recorded_by, "");
    // Each event recorded on or soon after its own day, never after the
    // demo was made; the case itself was made then.
    for (const store::StoredEvent& e : events) {
      EXPECT_GE(e.recorded_at.substr(0, 10), e.date) << s.id << " " << e.version;
      EXPECT_LE(e.recorded_at, "2026-03-16T00:00:00.000Z") << s.id << " " << e.version;
    }
    EXPECT_EQ(s.created, "2026-03-16T00:00:00.000Z");
  }
  EXPECT_FALSE(accounts_->holds_non_demo_data().value());

  const DemoSignIn& first = made->sign_ins.front();
  EXPECT_EQ(first.username, "grace.adeyemi");
  EXPECT_EQ(first.password, "demo-first-line-manager-1");
  EXPECT_EQ(first.role, "first_line_manager");
  EXPECT_EQ(first.description, "Practice Lead, Assessment Team");
  EXPECT_EQ(first.team, "Assessment Team");
}

TEST_F(Demo, RunAgainItAddsNothingAndGivesTheSameSignIns) {
  auto first = demo("bolton", 4);
  ASSERT_TRUE(first) << first.error().message;
  const std::int64_t before = head();
  auto again = demo("bolton", 4);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->cases, 0u);
  EXPECT_EQ(again->events, 0u);
  EXPECT_EQ(again->cases_present, 4u);
  EXPECT_EQ(head(), before);
  EXPECT_EQ(people(), first->sign_ins.size());
  ASSERT_EQ(again->sign_ins.size(), first->sign_ins.size());
  for (std::size_t i = 0; i < again->sign_ins.size(); ++i)
    EXPECT_EQ(again->sign_ins[i].password, first->sign_ins[i].password);
}

TEST_F(Demo, WithMoreChildrenItAddsOnlyTheChildrenMissing) {
  ASSERT_TRUE(demo("worcestershire", 3));
  auto more = demo("worcestershire", 5);
  ASSERT_TRUE(more) << more.error().message;
  EXPECT_EQ(more->cases, 2u);
  EXPECT_EQ(more->cases_present, 3u);
  EXPECT_EQ(streams(), 5u);
}

TEST_F(Demo, ADatabaseHoldingAnythingElseIsRefusedAndNothingIsWritten) {
  const auto file =
      std::filesystem::path(CINPLAN_SOURCE_DIR) / "examples/bolton/riley-example.json";
  ASSERT_TRUE(import_file(*events_, test_profiles(), file, {"", "someone"}, clock_));
  const std::int64_t before = head();
  auto refused = demo("bolton", 3);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kRuleViolation);
  EXPECT_NE(refused.error().message.find("holds records the demo did not make"), std::string::npos);
  EXPECT_NE(refused.error().message.find("nothing was written"), std::string::npos);
  EXPECT_EQ(head(), before);
  EXPECT_EQ(streams(), 1u);
  EXPECT_EQ(people(), 0u);
  EXPECT_TRUE(accounts_->list_teams().value().empty());
}

TEST_F(Demo, AnAccountNotOfTheDemoIsRefusedToo) {
  ASSERT_TRUE(accounts_->add_team({"north", "North", false}));
  auto refused = demo("bolton", 2);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kRuleViolation);
  EXPECT_EQ(head(), 0);
  EXPECT_EQ(people(), 0u);
}

TEST_F(Demo, TheDemoOfAnotherProfileIsRefused) {
  ASSERT_TRUE(demo("bolton", 2));
  const std::int64_t before = head();
  auto refused = demo("london-cyps", 2);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kRuleViolation);
  EXPECT_NE(refused.error().message.find("under the profile bolton"), std::string::npos);
  EXPECT_EQ(head(), before);
}

TEST_F(Demo, BadOptionsAreRefusedBeforeAnythingIsWritten) {
  for (auto [profile, children] :
       {std::pair{"nowhere", 3}, std::pair{"bolton", 0}, std::pair{"bolton", 10'001}}) {
    auto refused = demo(profile, static_cast<std::size_t>(children));
    ASSERT_FALSE(refused) << profile << " " << children;
    EXPECT_EQ(refused.error().code, ErrorCode::kBadInput);
  }
  auto old = create_demo(*events_, *accounts_, test_profiles(), clock_,
                         {"bolton", 3, *parse_date("1990-06-01")});
  ASSERT_FALSE(old);
  EXPECT_EQ(old.error().code, ErrorCode::kBadInput);
  EXPECT_FALSE(check_demo_options(test_profiles(), {"bolton", 3, *parse_date("1990-06-01")}));
  EXPECT_TRUE(check_demo_options(test_profiles(), {"bolton", 3, kToday}));
  EXPECT_EQ(head(), 0);
  EXPECT_EQ(people(), 0u);
}

}  // namespace
}  // namespace cinplan::app
