// Runs every scenario in tests/scenarios/<profile>/: NAME.json is a case
// history (DESIGN.md section 9) and NAME.expected.json says, as at a day,
// which obligations the profile's procedure gives:
//
//   {"today": "2025-06-01",
//    "about": "what the scenario shows, in the procedure's words",
//    "complete": false,
//    "obligations": [{"rule": "visit", "status": "overdue", "due": "2025-05-02",
//                     "target": "...", "from": "...", "before": "..."}]}
//
// For every rule named in "obligations", the engine's obligations of that
// rule must be exactly those listed, in order (fields left out are not
// compared). With "complete": true, rules not named must have none.
// The profile is the folder's name.
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

  const auto list = obligations(**profile, fold(*history), today);
  std::map<std::string, std::vector<json>> actual;
  for (const Obligation& o : list) {
    actual[(*profile)->rules[o.rule].id].push_back(app::obligation_json(**profile, *history, o));
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
      got_text += "\n    " + g.value("status", "") + " due " +
                  (g["due"].is_null() ? "-" : g["due"].get<std::string>()) +
                  (g.contains("target") ? " target " + g["target"].get<std::string>() : "") +
                  (g.contains("from") ? " from " + g["from"].get<std::string>() : "") +
                  (g.contains("before") ? " before " + g["before"].get<std::string>() : "");
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
  if (expected.value("complete", false)) {
    for (const auto& [rule, got] : actual) {
      EXPECT_TRUE(wanted.contains(rule)) << name << ": unexpected obligations for rule " << rule;
    }
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
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Scenario);

}  // namespace
}  // namespace cinplan
