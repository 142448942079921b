#include "pages/plan_versions_view.h"

#include <string>
#include <vector>

#include "app/case_view.h"
#include "pages/views.h"

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

std::string setting_words(const std::string& key, const json& value) {
  if (value.is_null()) return "not set";
  if (key == "visiting_frequency_days" && value.is_number_integer())
    return "at least every " + std::to_string(value.get<int>()) + " days";
  return value.is_string() ? value.get<std::string>() : value.dump();
}

std::string setting_name(const std::string& key) {
  if (key == "visiting_frequency_days") return "Visits";
  if (key == "lead_professional") return "Lead professional";
  if (key == "contingency") return "Contingency";
  return key;
}

std::string action_words(const json& a) {
  std::string out = text_at(a, "text");
  std::string who = text_at(a, "owner");
  if (!text_at(a, "by_date").empty())
    who += (who.empty() ? "by " : ", by ") + date_in_words(text_at(a, "by_date"));
  if (!who.empty()) out += " (" + who + ")";
  return out;
}

// What changed in one outcome or action, field by field.
std::string changed_words(const json& before, const json& after, bool action) {
  std::vector<std::string> parts;
  const auto field = [&](const char* key, const char* name, bool date) {
    const std::string b = text_at(before, key), a = text_at(after, key);
    if (a == b) return;
    parts.push_back(std::string(name) + " " +
                    (b.empty() ? "none" : "\u201c" + (date ? date_in_words(b) : b) + "\u201d") +
                    " to " +
                    (a.empty() ? "none" : "\u201c" + (date ? date_in_words(a) : a) + "\u201d"));
  };
  field("text", action ? "what" : "the outcome", false);
  if (action) {
    field("owner", "who", false);
    field("by_date", "by when", true);
    field("why", "why", false);
    if (!before.value("completed", false) && after.value("completed", false))
      parts.push_back("done");
  } else {
    field("measure", "how we will know", false);
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

json change_lines(const json& diff) {
  json lines = json::array();
  for (const char* kind : {"outcomes", "actions"}) {
    const bool action = std::string_view(kind) == "actions";
    const std::string noun = action ? "Action" : "Outcome";
    const json& d = diff[kind];
    for (const json& x : d["added"])
      lines.push_back("Added: " + (action ? action_words(x) : text_at(x, "text")));
    for (const json& x : d["changed"])
      lines.push_back(noun + " changed, " +
                      (action ? action_words(x["before"]) : text_at(x["before"], "text")) + ": " +
                      changed_words(x["before"], x["after"], action));
    for (const json& x : d["removed"])
      lines.push_back("Removed: " + (action ? action_words(x) : text_at(x, "text")));
  }
  for (const json& s : diff["settings"]) {
    const std::string key = text_at(s, "setting");
    lines.push_back(setting_name(key) + ": " + setting_words(key, s["after"]) + " (was " +
                    setting_words(key, s["before"]) + ")");
  }
  return lines;
}

}  // namespace

json plan_versions_view(const json& answer) {
  json v;
  v["case_id"] = text_at(answer, "case_id");
  v["child_name"] = text_at(answer, "child");
  if (text_at(answer, "child").empty()) v["child_name"] = text_at(answer, "case_id");
  const json versions = answer.value("versions", json::array());
  json out = json::array();
  for (std::size_t i = versions.size(); i-- > 0;) {
    const json& ver = versions[i];
    json one;
    one["version"] = ver.value("version", 0);
    one["date_words"] = date_in_words(text_at(ver, "date"));
    one["summary"] = text_at(ver, "summary").empty() ? json(false) : json(text_at(ver, "summary"));
    one["current"] = i + 1 == versions.size();
    one["significant"] = ver.value("significant", false);
    json outcomes = json::array(), actions = json::array(), settings = json::array();
    for (const json& o : ver["outcomes"]) {
      std::string line = text_at(o, "text");
      if (!text_at(o, "measure").empty()) line += ". Measured by: " + text_at(o, "measure");
      outcomes.push_back(line);
    }
    for (const json& a : ver["actions"])
      actions.push_back(action_words(a) + (a.value("completed", false) ? ": done" : ""));
    for (auto& [k, val] : ver["settings"].items())
      settings.push_back(setting_name(k) + ": " + setting_words(k, val));
    one["outcomes"] = std::move(outcomes);
    one["actions"] = std::move(actions);
    one["has_settings"] = !settings.empty();
    one["settings"] = std::move(settings);
    one["has_before"] = i > 0;
    json changes = json::array();
    if (i > 0) {
      const json diff = app::plan_diff_json(versions, static_cast<int>(i), static_cast<int>(i) + 1);
      if (!diff.is_null()) changes = change_lines(diff);
    }
    one["no_change"] = i > 0 && changes.empty();
    one["changes"] = std::move(changes);
    one["has_changes"] = !one["changes"].empty();
    out.push_back(std::move(one));
  }
  v["has_versions"] = !out.empty();
  v["versions"] = std::move(out);
  return v;
}

}  // namespace cinplan::pages
