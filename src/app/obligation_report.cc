#include "app/obligation_report.h"

#include <fmt/format.h>

#include "app/wording.h"

namespace cinplan::app {
namespace {

using json = nlohmann::ordered_json;

json cites_json(const std::vector<const Citation*>& cites) {
  json out = json::array();
  for (const Citation* c : cites) {
    json cj;
    cj["quote"] = c->full();
    if (!c->section.empty()) cj["section"] = c->section;
    out.push_back(cj);
  }
  return out;
}

}  // namespace

std::string obligation_header() {
  return fmt::format("{:<20} {:<10}  {:<10}  {:<28} {}", "STATUS", "DUE", "TARGET", "RULE", "WHAT");
}

std::string obligation_line(const Profile& profile, const CaseHistory* history,
                            const Obligation& o) {
  const Rule& rule = profile.rules[o.rule];
  std::string line = fmt::format("{:<20} {:<10}  {:<10}  {:<28} {}", status_words(o, rule.strength),
                                 o.has_due ? o.due.to_string() : "-",
                                 o.has_target ? o.target.to_string() : "", rule.id, rule.title);
  if (o.met_by >= 0) {
    line += " [done " + o.met_on.to_string();
    if (history != nullptr && static_cast<std::size_t>(o.met_by) < history->events.size()) {
      line += " by " + event_words(profile, history->events[static_cast<std::size_t>(o.met_by)]) +
              ", event " + std::to_string(o.met_by + 1);
    }
    line += "]";
  } else if (rule.kind == RuleKind::kBefore && !o.has_due) {
    line += " [before the meeting, not yet dated]";
  } else {
    line += fmt::format(" [{} {}]", rule.kind == RuleKind::kBefore ? "before" : "from",
                        o.anchor.to_string());
  }
  return line;
}

std::vector<std::string> obligation_why(const Profile& profile, const CaseHistory* history,
                                        const Obligation& o, PathwaySet active,
                                        const std::string& indent) {
  const Explanation x = explain(profile, history, o, active);
  std::vector<std::string> lines{indent + x.summary};
  for (const std::string& note : x.notes) lines.push_back(indent + note);
  for (const Citation* c : x.cites) lines.push_back(indent + citation_words(*c));
  return lines;
}

json obligation_json(const Profile& profile, const CaseHistory* history, const Obligation& o,
                     PathwaySet active) {
  const Rule& rule = profile.rules[o.rule];
  json j;
  j["rule"] = rule.id;
  j["title"] = rule.title;
  j["status"] = to_string(o.status);
  j["status_words"] = status_words(o, rule.strength);
  j["due"] = o.has_due ? json(o.due.to_string()) : json(nullptr);
  if (o.has_target) {
    j["target"] = o.target.to_string();
    j["target_kind"] = o.target_agreed ? "agreed" : o.target_planned ? "planned" : "aim";
  }
  if (rule.kind == RuleKind::kBefore) {
    // A meeting due with no date agreed and no timescale: nothing to count
    // back from yet.
    j["before"] = o.has_due ? json(o.anchor.to_string()) : json(nullptr);
  } else {
    j["from"] = o.anchor.to_string();
  }
  j["kind"] = to_string(rule.kind);
  j["strength"] = to_string(rule.strength_on(active));
  if (!rule.who.empty()) j["who"] = profile.role_label(rule.who);
  if (o.met_by >= 0) {
    // event: its position in the case, counting from 1 (its stream version);
    // date: as the record as corrected reads (a correction keeps the place).
    json met{{"event", o.met_by + 1}};
    if (history != nullptr && static_cast<std::size_t>(o.met_by) < history->events.size())
      met["type"] = history->events[static_cast<std::size_t>(o.met_by)].type_id();
    met["date"] = o.met_on.to_string();
    j["met_by"] = std::move(met);
  }
  const Explanation x = explain(profile, history, o, active);
  j["why"] = x.summary;
  j["notes"] = x.notes;
  if (o.clash) j["clash"] = true;
  if (o.agreed_after_due) j["agreed_date"] = o.agreed.to_string();
  if (!rule.reading.empty()) j["reading"] = rule.reading;
  j["cite"] = cites_json(x.cites);
  j["source"] = profile.source;
  return j;
}

std::string finding_line(const Profile& profile, const CaseHistory& history, const Finding& f) {
  const Constraint& c = profile.constraints[f.constraint];
  const Event& e = history.events[f.event];
  return fmt::format("{}: event {} on {}: {}", strength_words(c.strength), f.event + 1,
                     date_words(e.date), finding_words(profile, history, f));
}

json finding_json(const Profile& profile, const CaseHistory& history, const Finding& f) {
  const Constraint& c = profile.constraints[f.constraint];
  json j;
  j["constraint"] = c.id;
  j["strength"] = to_string(c.strength);
  j["event"] = f.event + 1;
  j["date"] = history.events[f.event].date.to_string();
  j["words"] = finding_words(profile, history, f);
  j["rule"] = c.message;
  json failed = json::array();
  for (const FailedRequirement& r : f.failed) {
    json fj{{"field", c.require[r.requirement].field}};
    fj["recorded"] = r.recorded ? json(r.value) : json(nullptr);
    failed.push_back(std::move(fj));
  }
  j["failed"] = std::move(failed);
  std::vector<const Citation*> cites;
  for (const Citation& q : c.cite) cites.push_back(&q);
  j["cite"] = cites_json(cites);
  if (!c.reading.empty()) j["reading"] = c.reading;
  return j;
}

}  // namespace cinplan::app
