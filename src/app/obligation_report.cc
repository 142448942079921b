#include "app/obligation_report.h"

#include <fmt/format.h>

namespace cinplan::app {
namespace {

std::string anchor_words(const Rule& rule) {
  std::string out;
  for (const EventMatcher& m : rule.after) out += (out.empty() ? "" : " or ") + m.text;
  return out;
}

}  // namespace

std::string describe_timescale(const Rule& rule, PathwaySet active) {
  const auto& due = rule.due_on(active);
  const auto& target = rule.target_on(active);
  std::string out;
  switch (rule.kind) {
    case RuleKind::kOnce:
    case RuleKind::kEach:
      out = due ? "within " + due->describe() + " of " + anchor_words(rule)
                : "after " + anchor_words(rule) + " (no timescale stated)";
      break;
    case RuleKind::kRecurring:
      out = "every " + due->describe() + " from " + anchor_words(rule);
      break;
    case RuleKind::kBefore:
      out = due->describe() + " before " +
            (rule.before_date == DateAnchor::kSupervisionOrderEnd
                 ? std::string("the supervision order ends")
                 : std::string("the meeting"));
      break;
  }
  if (target) out += " (aim: " + target->describe() + ")";
  return out;
}

std::string citation_line(const Citation& citation) {
  return "\"" + citation.quote + "\"" +
         (citation.section.empty() ? "" : " (" + citation.section + ")");
}

std::string obligation_header() {
  return fmt::format("{:<11} {:<10}  {:<10}  {:<28} {}", "STATUS", "DUE", "TARGET", "RULE", "WHAT");
}

std::string obligation_line(const Profile& profile, const CaseHistory& history,
                            const Obligation& o) {
  const Rule& rule = profile.rules[o.rule];
  std::string line = fmt::format("{:<11} {:<10}  {:<10}  {:<28} {}", to_string(o.status),
                                 o.has_due ? o.due.to_string() : "-",
                                 o.has_target ? o.target.to_string() : "", rule.id, rule.title);
  if (o.met_by >= 0) {
    line += fmt::format(" [met {} by {}]", o.met_on.to_string(),
                        history.events[static_cast<std::size_t>(o.met_by)].type_id());
  } else {
    line += fmt::format(" [{} {}]", rule.kind == RuleKind::kBefore ? "before" : "from",
                        o.anchor.to_string());
  }
  return line;
}

nlohmann::ordered_json obligation_json(const Profile& profile, const CaseHistory& history,
                                       const Obligation& o) {
  const Rule& rule = profile.rules[o.rule];
  nlohmann::ordered_json j;
  j["rule"] = rule.id;
  j["title"] = rule.title;
  j["status"] = to_string(o.status);
  j["due"] =
      o.has_due ? nlohmann::ordered_json(o.due.to_string()) : nlohmann::ordered_json(nullptr);
  if (o.has_target) j["target"] = o.target.to_string();
  j[rule.kind == RuleKind::kBefore ? "before" : "from"] = o.anchor.to_string();
  j["kind"] = to_string(rule.kind);
  j["strength"] = to_string(rule.strength);
  if (!rule.who.empty()) j["who"] = profile.role_label(rule.who);
  if (o.met_by >= 0) {
    const Event& e = history.events[static_cast<std::size_t>(o.met_by)];
    // met_on: the date of the record as corrected (an event keeps its index
    // when a correction changes its date).
    j["met_by"] = {{"event", o.met_by}, {"type", e.type_id()}, {"date", o.met_on.to_string()}};
  }
  nlohmann::ordered_json cites = nlohmann::ordered_json::array();
  for (const Citation& c : rule.cite) {
    nlohmann::ordered_json cj;
    cj["quote"] = c.quote;
    if (!c.section.empty()) cj["section"] = c.section;
    cites.push_back(cj);
  }
  j["cite"] = cites;
  j["source"] = profile.source;
  return j;
}

std::string finding_line(const Profile& profile, const CaseHistory& history, const Finding& f) {
  const Constraint& c = profile.constraints[f.constraint];
  return fmt::format("{} {}: {} ({}: {})", to_string(c.strength), history.describe_event(f.event),
                     f.detail, c.id, c.message);
}

}  // namespace cinplan::app
