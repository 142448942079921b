#include "app/procedure_view.h"

#include <algorithm>

#include "app/profile_catalog.h"
#include "app/wording.h"

namespace cinplan::app {
namespace {

using json = nlohmann::ordered_json;

json cites_json(const std::vector<Citation>& cites) {
  json out = json::array();
  for (const Citation& c : cites) out.push_back(citation_words(c));
  return out;
}

json rule_json(const Profile& p, const Rule& r) {
  json out;
  out["id"] = r.id;
  out["title"] = r.title;
  out["timescale"] = timescale_words(p, r, kMainPathways);
  out["strength"] = std::string(to_string(r.strength));
  out["who"] = r.who.empty() ? json(nullptr) : json(p.role_label(r.who));
  out["cites"] = cites_json(r.cite);
  out["reading"] = r.reading.empty() ? json(nullptr) : json(r.reading);
  return out;
}

json labels_json(const std::map<std::string, std::string>& labels, const char* key) {
  json out = json::array();
  for (const auto& [id, label] : labels) out.push_back({{key, id}, {"label", label}});
  return out;
}

}  // namespace

json procedure_json(const Profile& p) {
  json out;
  out["id"] = p.id;
  out["name"] = p.name;
  out["source"] = p.source;
  json rules = json::array();
  for (const Rule& r : p.rules) rules.push_back(rule_json(p, r));
  out["rules"] = std::move(rules);
  json constraints = json::array();
  for (const Constraint& c : p.constraints)
    constraints.push_back({{"id", c.id},
                           {"message", c.message},
                           {"strength", std::string(to_string(c.strength))},
                           {"cites", cites_json(c.cite)}});
  out["constraints"] = std::move(constraints);
  out["meetings"] = labels_json(p.meeting_labels, "kind");
  out["roles"] = labels_json(p.role_labels, "role");
  return out;
}

json comparison_json(const Profile& a, const Profile& b) {
  json out;
  out["a"] = {{"id", a.id}, {"name", a.name}};
  out["b"] = {{"id", b.id}, {"name", b.name}};
  auto find = [](const Profile& p, const std::string& id) -> const Rule* {
    for (const Rule& r : p.rules)
      if (r.id == id) return &r;
    return nullptr;
  };
  json rows = json::array();
  auto add = [&](const std::string& id) {
    const Rule* ra = find(a, id);
    const Rule* rb = find(b, id);
    json row;
    row["id"] = id;
    row["a"] = ra ? rule_json(a, *ra) : json(nullptr);
    row["b"] = rb ? rule_json(b, *rb) : json(nullptr);
    row["same"] = ra && rb && row["a"]["timescale"] == row["b"]["timescale"];
    rows.push_back(std::move(row));
  };
  for (const Rule& r : a.rules) add(r.id);
  for (const Rule& r : b.rules)
    if (!find(a, r.id)) add(r.id);
  out["rows"] = std::move(rows);
  return out;
}

Result<json> procedure_page_json(const ProfileCatalog& catalog, std::string_view id,
                                 std::string_view compare, std::string_view fallback) {
  auto p = catalog.find(id.empty() ? fallback : id);
  if (!p) return std::unexpected(p.error());
  json out;
  out["procedure"] = procedure_json(**p);
  json profiles = json::array();
  for (const Profile& each : catalog.profiles())
    profiles.push_back({{"id", each.id}, {"name", each.name}});
  out["profiles"] = std::move(profiles);
  out["comparison"] = nullptr;
  if (!compare.empty() && compare != (*p)->id) {
    auto other = catalog.find(compare);
    if (!other) return std::unexpected(other.error());
    out["comparison"] = comparison_json(**p, **other);
  }
  return out;
}

}  // namespace cinplan::app
