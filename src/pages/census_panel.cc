#include "pages/census_panel.h"

#include "pages/views.h"

namespace cinplan::pages {

nlohmann::ordered_json census_panel(const nlohmann::ordered_json& case_view) {
  using json = nlohmann::ordered_json;
  if (!case_view.contains("census") || !case_view["census"].is_object()) return nullptr;
  const json& c = case_view["census"];
  json v;
  const int year = c.value("collection_year", 0);
  v["collection_words"] = std::to_string(year - 1) + "-" + std::to_string(year % 100);
  v["start_words"] = date_in_words(c["period"].value("start", ""));
  v["in_return"] = c.value("in_return", false);
  const std::size_t errors = c.value("errors", std::size_t{0});
  const std::size_t queries = c.value("queries", std::size_t{0});
  v["has_findings"] = errors + queries > 0;
  std::string count;
  if (errors > 0) count = std::to_string(errors) + (errors == 1 ? " error" : " errors");
  if (queries > 0)
    count += (count.empty() ? "" : " and ") + std::to_string(queries) +
             (queries == 1 ? " query" : " queries");
  v["count_words"] = count;
  json findings = json::array();
  for (const json& f : c.value("findings", json::array())) {
    const bool error = f.value("type", "") == "ERROR";
    findings.push_back({{"code", f.value("rule", "")},
                        {"is_error", error},
                        {"type_words", error ? "Error" : "Query"},
                        {"message", f.value("message", "")},
                        {"where", f.value("where", "")},
                        {"values", f.value("values", "")}});
  }
  v["findings"] = std::move(findings);
  return v;
}

}  // namespace cinplan::pages
