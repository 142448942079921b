// Import then export through a real store (a temporary SQLite file, and the
// PostgreSQL server of CINPLAN_TEST_POSTGRES_URL when set): every scenario
// and example file comes back as its canonical JSON, and its obligations read
// from the store are those read from the file.
#include "app/case_export.h"
#include "app/app_test_support.h"
#include "store/store_test_support.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>

#include "app/case_import.h"
#include "app/obligation_report.h"
#include "core/casefile/case_state.h"
#include "core/obligations/findings.h"
#include "core/obligations/obligations.h"

namespace cinplan::app {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

const fs::path kSource = CINPLAN_SOURCE_DIR;

using store::testing::unique_token;

// Every case file the engine's tests and the examples use.
std::vector<fs::path> case_files() {
  std::vector<fs::path> out;
  for (const fs::path& root : {kSource / "tests" / "scenarios", kSource / "examples"}) {
    for (const auto& dir : fs::directory_iterator(root)) {
      if (!dir.is_directory()) continue;
      for (const auto& f : fs::directory_iterator(dir.path())) {
        const std::string name = f.path().filename().string();
        if (name.ends_with(".json") && !name.ends_with(".expected.json")) out.push_back(f.path());
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The document with its case id prefixed, so cases are unique on a shared
// database. Tests compare against the same rewritten document.
std::string with_prefix(const std::string& text, const std::string& prefix) {
  json doc = json::parse(text);
  doc["case_id"] = prefix + doc["case_id"].get<std::string>();
  return doc.dump(2);
}

// The day a scenario states its obligations for; 2025-06-01 for examples.
Date today_for(const fs::path& file) {
  fs::path expected = file;
  expected.replace_extension(".expected.json");
  if (fs::exists(expected)) {
    const json e = json::parse(read_file(expected).value());
    return parse_date(e.at("today").get<std::string>()).value();
  }
  return parse_date("2025-06-01").value();
}

// What the obligations command prints, as data: every obligation's JSON and
// every finding's line.
json report(const Profile& profile, const CaseHistory& history, Date today) {
  json out = json::object();
  out["obligations"] = json::array();
  const CaseState state = fold(history);
  const PathwaySet active = active_pathways(state, today);
  for (const Obligation& o : obligations(profile, state, today))
    out["obligations"].push_back(obligation_json(profile, &history, o, active));
  out["findings"] = json::array();
  for (const Finding& f : check_constraints(profile, history))
    out["findings"].push_back(finding_line(profile, history, f));
  return out;
}

class CaseStore : public StoreBackendTest {
 protected:
  void SetUp() override {
    StoreBackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    prefix_ = "X" + unique_token() + "-";
  }

  std::string prefix_;
  const FixedClock clock_{TimePoint{} + std::chrono::hours(24 * 20000)};
};

TEST_P(CaseStore, EveryCaseFileComesBackAsItsCanonicalJsonWithTheSameObligations) {
  const auto files = case_files();
  ASSERT_GT(files.size(), 100u);
  for (std::size_t i = 0; i < files.size(); ++i) {
    const fs::path& file = files[i];
    SCOPED_TRACE(file.string());
    const std::string text =
        with_prefix(read_file(file).value(), prefix_ + std::to_string(i) + "-");
    auto parsed = parse_case_history(text);
    ASSERT_TRUE(parsed) << parsed.error().message;

    // No --profile: the folder names it (tests/scenarios/bolton/x.json).
    auto imported = import_case(*store_, test_profiles(), text, file, {"", "tester"}, clock_);
    ASSERT_TRUE(imported) << imported.error().message;
    EXPECT_EQ(imported->profile, file.parent_path().filename().string());
    EXPECT_EQ(imported->events, parsed->events.size());

    auto exported = export_case(*store_, parsed->case_id);
    ASSERT_TRUE(exported) << exported.error().message;
    EXPECT_EQ(*exported, to_canonical_json(*parsed));

    auto stored = load_case(*store_, parsed->case_id);
    ASSERT_TRUE(stored) << stored.error().message;
    EXPECT_EQ(stored->profile, imported->profile);
    EXPECT_EQ(stored->version, static_cast<std::int64_t>(parsed->events.size()));
    const Profile& profile = *test_profiles().find(stored->profile).value();
    const Date today = today_for(file);
    EXPECT_EQ(report(profile, stored->history, today).dump(1),
              report(profile, *parsed, today).dump(1));
  }
}

TEST_P(CaseStore, AnExportImportsAgainWithoutNamingItsProfile) {
  const std::string id = prefix_ + "C-8";
  const std::string text =
      R"({"case_id": ")" + id + R"(", "events": [{"type": "plan_decided", "date": "2025-03-03"}]})";
  ASSERT_TRUE(
      import_case(*store_, test_profiles(), text, "x.json", {"london-cyps", "tester"}, clock_));
  auto exported = export_case(*store_, id);
  ASSERT_TRUE(exported) << exported.error().message;
  // Into another case id, from a file in no profile's folder, with no --profile.
  std::string again = *exported;
  again.replace(again.find(id), id.size(), id + "b");
  auto reimported =
      import_case(*store_, test_profiles(), again, "/tmp/x.json", {"", "tester"}, clock_);
  ASSERT_TRUE(reimported) << reimported.error().message;
  EXPECT_EQ(reimported->profile, "london-cyps");
  auto second = export_case(*store_, id + "b");
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(*second, again);  // a file that names its profile comes back unchanged
  // A file that names one profile cannot be imported under another.
  std::string other = again;
  other.replace(other.find(id + "b"), id.size() + 1, id + "c");
  auto refused =
      import_case(*store_, test_profiles(), other, "x.json", {"bolton", "tester"}, clock_);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("names the profile london-cyps"), std::string::npos)
      << refused.error().message;
}

TEST_P(CaseStore, FieldsOutsideTheRegistryAndTheirOrderSurviveTheRoundTrip) {
  const std::string id = prefix_ + "C-7";
  const std::string text = R"({"note": "first", "case_id": ")" + id +
                           R"(", "events": [{"date": "2025-03-03", "type": "plan_decided",)" +
                           R"( "extra": {"b": 1, "a": [1.5, "é"]}}], "z_last": null})";
  auto parsed = parse_case_history(text);
  ASSERT_TRUE(parsed) << parsed.error().message;
  ASSERT_TRUE(import_case(*store_, test_profiles(), text, "x.json", {"bolton", "tester"}, clock_));
  auto exported = export_case(*store_, id);
  ASSERT_TRUE(exported) << exported.error().message;
  // The file did not name its profile: the export names it after the id, and
  // is otherwise the canonical form.
  auto named = parsed->document;
  nlohmann::ordered_json with_profile = nlohmann::ordered_json::object();
  for (auto& [key, value] : named.items()) {
    with_profile[key] = value;
    if (key == "case_id") with_profile["profile"] = "bolton";
  }
  parsed->document = with_profile;
  EXPECT_EQ(*exported, to_canonical_json(*parsed));
  EXPECT_LT(exported->find("\"case_id\""), exported->find("\"profile\": \"bolton\""));
  EXPECT_LT(exported->find("\"note\""), exported->find("\"case_id\""));
  EXPECT_LT(exported->find("\"events\""), exported->find("\"z_last\""));
  EXPECT_LT(exported->find("\"date\""), exported->find("\"type\""));
}

// A case is created with its first events (event_store.h), so a file with
// none is refused, naming the file, and nothing is written.
TEST_P(CaseStore, ACaseWithNoEventsIsRefused) {
  const std::string id = prefix_ + "C-0";
  const std::string text = R"({"case_id": ")" + id + R"(", "events": []})";
  auto imported =
      import_case(*store_, test_profiles(), text, "x.json", {"bolton", "tester"}, clock_);
  ASSERT_FALSE(imported);
  EXPECT_EQ(imported.error().code, ErrorCode::kBadInput);
  EXPECT_NE(imported.error().message.find("x.json"), std::string::npos);
  EXPECT_NE(imported.error().message.find("at least one event"), std::string::npos);
  auto exported = export_case(*store_, id);
  ASSERT_FALSE(exported);
  EXPECT_EQ(exported.error().code, ErrorCode::kNotFound);
}

TEST_P(CaseStore, AnUnknownCaseIsNotFoundNamingTheDatabase) {
  auto exported = export_case(*store_, prefix_ + "C-9");
  ASSERT_FALSE(exported);
  EXPECT_EQ(exported.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(exported.error().message,
            "no case " + prefix_ + "C-9 in " + store::redact_url(store_->describe()));
  EXPECT_FALSE(load_case(*store_, prefix_ + "C-9"));
}

INSTANTIATE_TEST_SUITE_P(Backends, CaseStore, testing::ValuesIn(store::testing::test_backends()),
                         [](const auto& param_info) { return param_info.param; });

TEST(OpenExistingStore, AMissingSqliteDatabaseIsNotFoundAndNotCreated) {
  const fs::path dir = fs::temp_directory_path() / ("cinplan-open-" + unique_token());
  fs::create_directories(dir);
  const fs::path db = dir / "none.db";
  auto opened = open_existing_store("sqlite:" + db.string());
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(opened.error().message.rfind("no database at " + db.string(), 0), 0u)
      << opened.error().message;
  EXPECT_FALSE(fs::exists(db));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace cinplan::app
