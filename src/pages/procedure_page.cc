#include "pages/procedure_page.h"

namespace cinplan::pages {
namespace {

using json = nlohmann::ordered_json;

std::string strength_words(const std::string& s) {
  if (s == "must") return "Must";
  if (s == "should") return "Should";
  if (s == "consider") return "To consider";
  return s;
}

json rule_view(const json& r) {
  if (!r.is_object()) return false;
  json v = r;
  v["strength_words"] = strength_words(r.value("strength", ""));
  for (const char* k : {"who", "reading"})
    if (!v.contains(k) || v[k].is_null()) v[k] = false;
  v["has_cites"] = r.contains("cites") && !r["cites"].empty();
  return v;
}

}  // namespace

json procedure_view(const json& page) {
  json v;
  const json& p = page["procedure"];
  v["name"] = p.value("name", "");
  v["profile_id"] = p.value("id", "");
  v["source"] = p.value("source", "");
  json rules = json::array();
  for (const json& r : p["rules"]) rules.push_back(rule_view(r));
  v["rules"] = std::move(rules);
  json constraints = json::array();
  for (json c : p["constraints"]) {
    c["strength_words"] = strength_words(c.value("strength", ""));
    constraints.push_back(std::move(c));
  }
  v["has_constraints"] = !constraints.empty();
  v["constraints"] = std::move(constraints);
  v["meetings"] = p["meetings"];
  v["roles"] = p["roles"];
  v["has_words"] = !p["meetings"].empty() || !p["roles"].empty();
  const json& cmp = page["comparison"];
  const std::string other = cmp.is_object() ? cmp["b"].value("id", "") : "";
  json profiles = json::array(), compare = json::array();
  compare.push_back({{"id", ""}, {"name", "None"}, {"selected", other.empty()}});
  for (const json& each : page["profiles"]) {
    json a = each, b = each;
    a["selected"] = each["id"] == v["profile_id"];
    b["selected"] = each["id"] == other;
    profiles.push_back(std::move(a));
    compare.push_back(std::move(b));
  }
  v["profiles"] = std::move(profiles);
  v["compare_choices"] = std::move(compare);
  v["comparing"] = cmp.is_object();
  if (cmp.is_object()) {
    v["other_name"] = cmp["b"].value("name", "");
    json rows = json::array();
    for (const json& row : cmp["rows"]) {
      json r;
      r["id"] = row["id"];
      r["a"] = rule_view(row["a"]);
      r["b"] = rule_view(row["b"]);
      r["title"] = row["a"].is_object() ? row["a"]["title"] : row["b"]["title"];
      r["same"] = row["same"];
      r["differs"] = !row["same"].get<bool>();
      rows.push_back(std::move(r));
    }
    v["rows"] = std::move(rows);
  } else {
    v["rows"] = json::array();
  }
  return v;
}

}  // namespace cinplan::pages
