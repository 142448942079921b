// Runs every scenario in tests/scenarios/<profile>/: NAME.json is a case
// history (DESIGN.md section 9) and NAME.expected.json says, as at a day,
// which obligations the profile's procedure gives:
//
//   {"today": "2025-06-01",
//    "about": "what the scenario shows, in the procedure's words",
//    "obligations": [{"rule": "visit", "status": "overdue", "due": "2025-05-02",
//                     "target": "...", "from": "...", "before": "..."}]}
//
// For every rule named in "obligations", the engine's obligations of that
// rule must be exactly those listed, in order (fields left out are not
// compared), and rules not named must have none: every scenario lists all
// its obligations. Only a scenario with "complete": false and an
// "incomplete_because" saying why may leave rules out.
// The profile is the folder's name; a case file that names its profile must
// name that one.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "app/obligation_report.h"
#include "app/profile_catalog.h"
#include "core/casefile/case_state.h"
#include "core/obligations/obligations.h"

namespace cinplan {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

const fs::path kRoot = fs::path(CINPLAN_SOURCE_DIR) / "tests" / "scenarios";

std::vector<std::string> scenario_names() {
  std::vector<std::string> out;
  // A missing folder gives no names, and the test below fails for it.
  if (!fs::exists(kRoot)) return out;
  for (const auto& dir : fs::directory_iterator(kRoot)) {
    if (!dir.is_directory()) continue;
    for (const auto& f : fs::directory_iterator(dir.path())) {
      const std::string name = f.path().filename().string();
      if (name.ends_with(".json") && !name.ends_with(".expected.json")) {
        out.push_back(dir.path().filename().string() + "/" + name.substr(0, name.size() - 5));
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

const app::ProfileCatalog& catalog() {
  static const app::ProfileCatalog c =
      app::ProfileCatalog::load(fs::path(CINPLAN_SOURCE_DIR) / "profiles").value();
  return c;
}

// A date field of the engine's JSON for messages: "-" when null.
std::string text(const json& o, const char* key) {
  const json& v = o.at(key);
  return v.is_string() ? v.get<std::string>() : "-";
}

class Scenario : public testing::TestWithParam<std::string> {};

TEST_P(Scenario, GivesTheObligationsItsProcedureStates) {
  const std::string name = GetParam();
  const std::string profile_id = name.substr(0, name.find('/'));
  auto profile = catalog().find(profile_id);
  ASSERT_TRUE(profile) << profile.error().message;
  auto history_text = app::read_file(kRoot / (name + ".json"));
  ASSERT_TRUE(history_text) << history_text.error().message;
  auto history = parse_case_history(*history_text);
  ASSERT_TRUE(history) << history.error().describe();
  auto expected_text = app::read_file(kRoot / (name + ".expected.json"));
  ASSERT_TRUE(expected_text) << "missing " << name << ".expected.json";
  const json expected = json::parse(*expected_text);
  const Date today = parse_date(expected.at("today").get<std::string>()).value();

  if (!history->profile.empty()) {
    EXPECT_EQ(history->profile, profile_id) << name << ": the file names another profile";
  }
  const CaseState state = fold(*history);
  const auto list = obligations(**profile, state, today);
  const PathwaySet active = active_pathways(state, today);
  std::map<std::string, std::vector<json>> actual;
  for (const Obligation& o : list) {
    actual[(*profile)->rules[o.rule].id].push_back(
        app::obligation_json(**profile, &*history, o, active));
  }
  std::map<std::string, std::vector<json>> wanted;
  for (const json& w : expected.at("obligations")) {
    const std::string rule = w.at("rule").get<std::string>();
    ASSERT_NE((*profile)->find_rule(rule), nullptr) << "scenario names unknown rule " << rule;
    wanted[rule].push_back(w);
  }
  for (const auto& [rule, want] : wanted) {
    const auto& got = actual[rule];
    std::string got_text;
    for (const json& g : got) {
      got_text += "\n    " + g.value("status", "") + " due " + text(g, "due") +
                  (g.contains("target") ? " target " + text(g, "target") : "") +
                  (g.contains("from") ? " from " + text(g, "from") : "") +
                  (g.contains("before") ? " before " + text(g, "before") : "");
    }
    ASSERT_EQ(got.size(), want.size()) << name << ": rule " << rule << " gave:" << got_text;
    for (std::size_t i = 0; i < want.size(); ++i) {
      for (const auto& [key, value] : want[i].items()) {
        if (key == "rule" || key == "note") continue;
        EXPECT_EQ(got[i].contains(key) ? got[i][key] : json(), value)
            << name << ": rule " << rule << " #" << i << " field " << key
            << "; engine gave:" << got_text;
      }
    }
  }
  const bool complete = expected.value("complete", true);
  if (!complete) {
    EXPECT_TRUE(expected.contains("incomplete_because"))
        << name << ": \"complete\": false needs an \"incomplete_because\" saying why";
  }
  for (const auto& [rule, got] : actual) {
    if (!complete || wanted.contains(rule)) continue;
    std::string got_text;
    for (const json& g : got) got_text += " " + g.value("status", "") + " due " + text(g, "due");
    ADD_FAILURE() << name << ": obligations of rule " << rule << " are not listed:" << got_text;
  }
}

// The scenarios are the procedures' test cases: their folder must be there
// and hold some for every shipped profile.
TEST(Scenarios, EveryShippedProfileHasScenarios) {
  ASSERT_TRUE(fs::is_directory(kRoot)) << "no scenario folder at " << kRoot;
  const auto names = scenario_names();
  for (const Profile& p : catalog().profiles()) {
    const auto n = std::count_if(names.begin(), names.end(),
                                 [&](const std::string& s) { return s.starts_with(p.id + "/"); });
    EXPECT_GE(n, 10) << "profile " << p.id << " has " << n << " scenarios";
  }
}

INSTANTIATE_TEST_SUITE_P(All, Scenario, testing::ValuesIn(scenario_names()),
                         [](const testing::TestParamInfo<std::string>& param) {
                           std::string id = param.param;
                           for (char& c : id) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return id;
                         });

}  // namespace
}  // namespace cinplan
