#include "census/census_report.h"

namespace cinplan::census {
namespace {

std::string child_words(const Finding& f) {
  if (f.child.empty() && f.line == 0) return "the whole return";
  std::string out = "child " + (f.child.empty() ? std::string("(no LAchildID)") : f.child);
  if (f.line > 0) out += " (line " + std::to_string(f.line) + ")";
  return out;
}

}  // namespace

std::string report_text(const ValidationReport& r) {
  std::string out = r.file + ": checked against the DfE rules of the 2025-26 CIN census\n";
  out += "Collection year " + std::to_string(r.year) + "; census period " +
         r.period.start.to_string() + " to " + r.period.end.to_string() + "; LA " +
         r.header.lea.value_or("(none)") + "; " + std::to_string(r.children) +
         (r.children == 1 ? " child" : " children") + "\n";
  out += std::to_string(r.errors()) + (r.errors() == 1 ? " error, " : " errors, ") +
         std::to_string(r.queries()) + (r.queries() == 1 ? " query" : " queries") + "\n";
  for (const Finding& f : r.findings) {
    out += "\n" + std::string(to_string(f.rule->severity)) + " " + std::string(f.rule->code) +
           ", " + child_words(f) + ": " + f.failure.where;
    if (!f.failure.values.empty()) out += ": " + f.failure.values;
    out += "\n  " + std::string(f.rule->message) + "\n";
  }
  const auto counts = r.counts();
  if (!counts.empty()) {
    out += "\nBy rule:\n";
    for (const auto& [code, n] : counts) {
      const CensusRule* rule = find_rule(code);
      out += "  " + code + " " + std::string(to_string(rule->severity)) + " " + std::to_string(n) +
             "  " + std::string(rule->message) + "\n";
    }
  }
  if (!r.skipped.empty()) {
    out += "\nNot in the 2025-26 layout, so not read:";
    for (const auto& [name, n] : r.skipped) out += " " + name + " (" + std::to_string(n) + ")";
    out += "\n";
  }
  return out;
}

nlohmann::ordered_json report_json(const ValidationReport& r) {
  nlohmann::ordered_json out;
  out["file"] = r.file;
  out["rules"] = "2025-26";
  out["collection_year"] = r.year;
  out["period"] = {{"start", r.period.start.to_string()}, {"end", r.period.end.to_string()}};
  out["la"] = r.header.lea ? nlohmann::ordered_json(*r.header.lea) : nullptr;
  out["children"] = r.children;
  out["errors"] = r.errors();
  out["queries"] = r.queries();
  out["counts"] = r.counts();
  auto& list = out["findings"] = nlohmann::ordered_json::array();
  for (const Finding& f : r.findings) {
    nlohmann::ordered_json j;
    j["rule"] = f.rule->code;
    j["type"] = to_string(f.rule->severity);
    j["module"] = f.rule->module;
    j["message"] = f.rule->message;
    j["fields"] = f.rule->fields;
    j["child"] =
        f.child.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(f.child);
    if (f.line > 0) j["line"] = f.line;
    j["where"] = f.failure.where;
    j["values"] = f.failure.values;
    list.push_back(std::move(j));
  }
  out["skipped"] = r.skipped;
  return out;
}

std::string csv_cell(std::string_view v) {
  std::string s(v);
  if (!s.empty() &&
      (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r'))
    s.insert(s.begin(), '\'');
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

std::string report_csv(const ValidationReport& r) {
  std::string out = "LAchildID,Line,Rule,Type,Module,Message,Fields,Where,Values\r\n";
  for (const Finding& f : r.findings) {
    const std::string cells[] = {f.child,
                                 f.line > 0 ? std::to_string(f.line) : "",
                                 std::string(f.rule->code),
                                 std::string(to_string(f.rule->severity)),
                                 std::string(f.rule->module),
                                 std::string(f.rule->message),
                                 std::string(f.rule->fields),
                                 f.failure.where,
                                 f.failure.values};
    for (std::size_t i = 0; i < std::size(cells); ++i) out += (i ? "," : "") + csv_cell(cells[i]);
    out += "\r\n";
  }
  return out;
}

}  // namespace cinplan::census
