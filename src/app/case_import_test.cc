// Importing case files into a real store (a temporary SQLite file, and the
// PostgreSQL server of CINPLAN_TEST_POSTGRES_URL when set): what is written,
// and that bad input of every kind writes nothing.
#include "app/case_import.h"
#include "app/app_test_support.h"
#include "store/store_test_support.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>

namespace cinplan::app {
namespace {

namespace fs = std::filesystem;

using store::testing::unique_token;

class Import : public StoreBackendTest {
 protected:
  void SetUp() override {
    StoreBackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    id_ = "I" + unique_token();
    head_ = store_->head().value();
  }

  // A small valid case, with this test's unique id and `events` inside the list.
  std::string case_text(
      const std::string& events = R"({"type": "plan_decided", "date": "2025-03-03"})") const {
    return R"({"case_id": ")" + id_ + R"(", "child": {"id": "P-1", "name": "Sam"}, "events": [)" +
           events + "]}";
  }

  Result<ImportedCase> import(const std::string& text, const fs::path& file = "cases/x.json",
                              const std::string& profile = "bolton") {
    return import_case(*store_, test_profiles(), text, file, {profile, "tester"}, clock_);
  }

  // Nothing was written: the log's head has not moved and there is no stream.
  void expect_nothing_written() {
    EXPECT_EQ(store_->head().value(), head_);
    auto stream = store_->find_stream(id_);
    ASSERT_TRUE(stream) << stream.error().message;
    EXPECT_FALSE(stream->has_value());
  }

  std::string id_;
  std::int64_t head_ = 0;
  // 2026-11-22T10:15:30.123Z
  const FixedClock clock_{TimePoint{} + std::chrono::milliseconds(1795342530123)};
};

TEST_P(Import, WritesOneStreamWithTheHeaderAndEachEventAsWritten) {
  const std::string text =
      case_text(R"({"type": "assessment_completed", "date": "2025-03-03", "s17_need": true},)"
                R"( {"date": "2025-03-04", "type": "plan_decided", "by_the_way": [1, 2]})");
  auto imported = import(text);
  ASSERT_TRUE(imported) << imported.error().message;
  EXPECT_EQ(imported->case_id, id_);
  EXPECT_EQ(imported->profile, "bolton");
  EXPECT_EQ(imported->events, 2u);
  EXPECT_EQ(imported->version, 2);

  auto stream = store_->find_stream(id_).value();
  ASSERT_TRUE(stream.has_value());
  EXPECT_EQ(stream->kind, "cin_case");
  EXPECT_EQ(stream->profile, "bolton");
  EXPECT_EQ(stream->version, 2);
  EXPECT_EQ(stream->header,
            R"({"case_id":")" + id_ + R"(","child":{"id":"P-1","name":"Sam"},"events":null})");

  auto events = store_->read_stream(id_).value();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].type, "assessment_completed");
  EXPECT_EQ(events[0].date, "2025-03-03");
  EXPECT_EQ(events[0].payload,
            R"({"type":"assessment_completed","date":"2025-03-03","s17_need":true})");
  EXPECT_EQ(events[1].type, "plan_decided");
  EXPECT_EQ(events[1].date, "2025-03-04");
  EXPECT_EQ(events[1].payload, R"({"date":"2025-03-04","type":"plan_decided","by_the_way":[1,2]})");
  for (const auto& e : events) {
    EXPECT_EQ(e.recorded_by, "tester");
    EXPECT_EQ(e.recorded_at, "2026-11-22T10:15:30.123Z");
  }
  EXPECT_EQ(store_->head().value(), events[1].sequence);
}

TEST_P(Import, TheProfileIsTheFoldersNameWhenNotGiven) {
  auto imported = import(case_text(), "examples/worcestershire/x.json", "");
  ASSERT_TRUE(imported) << imported.error().message;
  EXPECT_EQ(imported->profile, "worcestershire");
  EXPECT_EQ(store_->find_stream(id_).value()->profile, "worcestershire");
}

TEST_P(Import, AGivenProfileWinsOverTheFolder) {
  auto imported = import(case_text(), "examples/worcestershire/x.json", "london-cyps");
  ASSERT_TRUE(imported) << imported.error().message;
  EXPECT_EQ(store_->find_stream(id_).value()->profile, "london-cyps");
}

TEST_P(Import, MalformedJsonNamesTheFileAndWritesNothing) {
  auto imported = import(R"({"case_id": ")" + id_ + R"(", "events": [)");
  ASSERT_FALSE(imported);
  EXPECT_EQ(imported.error().code, ErrorCode::kBadInput);
  EXPECT_EQ(imported.error().message.rfind("cases/x.json: not valid JSON", 0), 0u)
      << imported.error().message;
  expect_nothing_written();
}

TEST_P(Import, AnUnknownEventTypeNamesTheFileAndEventAndWritesNothing) {
  auto imported = import(case_text(R"({"type": "plan_decided", "date": "2025-03-03"},)"
                                   R"( {"type": "visited", "date": "2025-03-04"})"));
  ASSERT_FALSE(imported);
  EXPECT_EQ(imported.error().code, ErrorCode::kBadInput);
  EXPECT_EQ(
      imported.error().message.rfind(R"(cases/x.json: event 2: unknown event type "visited")", 0),
      0u)
      << imported.error().message;
  expect_nothing_written();
}

TEST_P(Import, AnImpossibleDateNamesTheFileAndEventAndWritesNothing) {
  auto imported = import(case_text(R"({"type": "plan_decided", "date": "2025-03-03"},)"
                                   R"( {"type": "visit", "date": "2025-02-30"})"));
  ASSERT_FALSE(imported);
  EXPECT_EQ(imported.error().code, ErrorCode::kBadInput);
  const std::string& m = imported.error().message;
  EXPECT_EQ(m.rfind("cases/x.json: event 2", 0), 0u) << m;
  EXPECT_NE(m.find("February 2025 has 28 days"), std::string::npos) << m;
  expect_nothing_written();
}

TEST_P(Import, ACaseAlreadyPresentIsAConflictAndNothingMoreIsWritten) {
  ASSERT_TRUE(import(case_text()));
  const std::int64_t head = store_->head().value();
  auto again = import(case_text(R"({"type": "plan_decided", "date": "2025-03-03"},)"
                                R"( {"type": "plan_updated", "date": "2025-03-21"})"),
                      "cases/again.json");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(again.error().message, "cases/again.json: case " + id_ + " is already in " +
                                       store_->describe() +
                                       "; nothing was imported from this file");
  EXPECT_EQ(store_->head().value(), head);
  EXPECT_EQ(store_->find_stream(id_).value()->version, 1);
}

TEST_P(Import, AnUnknownProfileWritesNothing) {
  auto named = import(case_text(), "cases/x.json", "nowhere");
  ASSERT_FALSE(named);
  EXPECT_EQ(named.error().message.rfind(R"(cases/x.json: --profile: no profile "nowhere")", 0), 0u)
      << named.error().message;
  expect_nothing_written();

  auto unnamed = import(case_text(), "cases/x.json", "");
  ASSERT_FALSE(unnamed);
  EXPECT_EQ(unnamed.error().code, ErrorCode::kBadInput);
  EXPECT_NE(unnamed.error().message.find("--profile"), std::string::npos);
  EXPECT_EQ(unnamed.error().message.rfind("cases/x.json: ", 0), 0u);
  expect_nothing_written();
}

TEST_P(Import, NoOneToRecordItIsBadInput) {
  auto imported =
      import_case(*store_, test_profiles(), case_text(), "cases/x.json", {"bolton", ""}, clock_);
  ASSERT_FALSE(imported);
  EXPECT_EQ(imported.error().code, ErrorCode::kBadInput);
  expect_nothing_written();
}

TEST_P(Import, AMissingFileIsNamed) {
  auto imported =
      import_file(*store_, test_profiles(), "no/such/file.json", {"bolton", "tester"}, clock_);
  ASSERT_FALSE(imported);
  EXPECT_EQ(imported.error().message, "cannot read no/such/file.json: no such file");
  EXPECT_EQ(store_->head().value(), head_);
}

INSTANTIATE_TEST_SUITE_P(Backends, Import, testing::ValuesIn(store::testing::test_backends()),
                         [](const auto& param_info) { return param_info.param; });

TEST(ProfileForFile, FolderNameGivenNameOrAnError) {
  EXPECT_EQ(profile_for_file(test_profiles(), "tests/scenarios/bolton/a.json", "").value(),
            "bolton");
  EXPECT_EQ(profile_for_file(test_profiles(), "bolton/a.json", "london-cyps").value(),
            "london-cyps");
  EXPECT_FALSE(profile_for_file(test_profiles(), "a.json", ""));
  EXPECT_FALSE(profile_for_file(test_profiles(), "cases/a.json", ""));
  EXPECT_FALSE(profile_for_file(test_profiles(), "bolton/a.json", "nowhere"));
}

}  // namespace
}  // namespace cinplan::app
