#include "census/census_report.h"

#include <nlohmann/json.hpp>

namespace cinplan::census {
namespace {

using json = nlohmann::ordered_json;

std::string child_words(const Finding& f) {
  if (f.child.empty() && f.line == 0) return "the whole return";
  std::string out = "child " + (f.child.empty() ? std::string("(no LAchildID)") : f.child);
  if (f.line > 0) out += " (line " + std::to_string(f.line) + ")";
  return out;
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

}  // namespace

void TextReport::finding(const Finding& f) {
  out_ << to_string(f.rule->severity) << " " << f.rule->code << ", " << child_words(f) << ": "
       << f.failure.where;
  if (!f.failure.values.empty()) out_ << ": " << f.failure.values;
  out_ << "\n  " << f.rule->message << "\n";
}

void TextReport::end(const ValidationSummary& s) {
  if (!s.counts.empty()) {
    out_ << "\nBy rule:\n";
    for (const auto& [code, n] : s.counts) {
      const CensusRule* rule = find_rule(code);
      out_ << "  " << code << " " << to_string(rule->severity) << " " << n << "  " << rule->message
           << "\n";
    }
  }
  if (!s.skipped.empty()) {
    out_ << "\nNot in the 2025-26 layout, so not read:";
    for (const auto& [name, n] : s.skipped) out_ << " " << name << " (" << n << ")";
    out_ << "\n";
  }
  out_ << "\n"
       << s.file << ": checked against the DfE rules of the 2025-26 CIN census\n"
       << "Collection year " << s.year << "; census period " << s.period.start.to_string() << " to "
       << s.period.end.to_string() << "; LA " << s.header.lea.value_or("(none)") << "; "
       << plural(s.children, "child", "children") << "\n"
       << plural(s.errors, "error", "errors") << ", " << plural(s.queries, "query", "queries")
       << "\n";
}

JsonReport::JsonReport(std::ostream& out) : out_(out) {
  out_ << "{\"findings\": [";
}

void JsonReport::finding(const Finding& f) {
  json j;
  j["rule"] = f.rule->code;
  j["type"] = to_string(f.rule->severity);
  j["module"] = f.rule->module;
  j["message"] = f.rule->message;
  j["fields"] = f.rule->fields;
  j["child"] = f.child.empty() ? json(nullptr) : json(f.child);
  j["line"] = f.line > 0 ? json(f.line) : json(nullptr);
  j["where"] = f.failure.where;
  j["values"] = f.failure.values;
  out_ << (first_ ? "\n  " : ",\n  ") << j.dump();
  first_ = false;
}

void JsonReport::end(const ValidationSummary& s) {
  json sum;
  sum["file"] = s.file;
  sum["rules"] = "2025-26";
  sum["collection_year"] = s.year;
  sum["period"] = {{"start", s.period.start.to_string()}, {"end", s.period.end.to_string()}};
  sum["la"] = s.header.lea ? json(*s.header.lea) : json(nullptr);
  sum["children"] = s.children;
  sum["errors"] = s.errors;
  sum["queries"] = s.queries;
  sum["counts"] = s.counts;
  sum["skipped"] = s.skipped;
  out_ << (first_ ? "]" : "\n]") << ",\n\"summary\": " << sum.dump(2) << "}\n";
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

CsvReport::CsvReport(std::ostream& out) : out_(out) {
  out_ << "LAchildID,Line,Rule,Type,Module,Message,Fields,Where,Values\r\n";
}

void CsvReport::finding(const Finding& f) {
  const std::string cells[] = {f.child,
                               f.line > 0 ? std::to_string(f.line) : "",
                               std::string(f.rule->code),
                               std::string(to_string(f.rule->severity)),
                               std::string(f.rule->module),
                               std::string(f.rule->message),
                               std::string(f.rule->fields),
                               f.failure.where,
                               f.failure.values};
  for (std::size_t i = 0; i < std::size(cells); ++i) out_ << (i ? "," : "") << csv_cell(cells[i]);
  out_ << "\r\n";
}

}  // namespace cinplan::census
