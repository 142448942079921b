#include "app/profile_choices.h"

#include <algorithm>

#include "app/wording.h"
#include "core/casefile/event_types.h"

namespace cinplan::app {
namespace {

using json = nlohmann::ordered_json;

std::string sentence_case(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string plain(std::string_view id) {
  std::string s(id);
  std::replace(s.begin(), s.end(), '_', ' ');
  return s;
}

// Whether rule `r` comes before meetings of the kind numbered `kind` (its
// index among meeting_kind_values()); any kind when `kind` is negative.
bool precedes(const Profile& p, const Rule& r, int kind) {
  if (kind < 0) return true;
  const auto meeting = find_event_type("meeting");
  for (std::uint16_t i : r.before_meeting) {
    if (i >= p.rules.size()) continue;
    for (const EventMatcher& m : p.rules[i].met_by)
      if (meeting && m.type == *meeting && (m.subtypes == 0 || ((m.subtypes >> kind) & 1u)))
        return true;
  }
  return false;
}

// The first rule before a meeting (of the kind numbered `kind`, or any)
// met by an event of `type`, in words.
json rule_before_meeting(const Profile& p, std::string_view type, int kind = -1) {
  const auto id = find_event_type(type);
  if (!id) return nullptr;
  for (const Rule& r : p.rules) {
    if (r.kind != RuleKind::kBefore || !precedes(p, r, kind)) continue;
    const bool met = std::any_of(r.met_by.begin(), r.met_by.end(),
                                 [&](const EventMatcher& m) { return m.type == *id; });
    if (!met) continue;
    json out;
    out["title"] = r.title;
    out["timescale"] = timescale_words(p, r, kMainPathways);
    out["quote"] = r.cite.empty() ? json(nullptr) : json(citation_words(r.cite.front()));
    out["document"] = p.name;
    return out;
  }
  return nullptr;
}

}  // namespace

namespace {

// The titles of the rules a significant change to the plan starts (London
// CYPS: the plan signed by the family again); none where the procedure asks
// nothing of one.
json significant_change_duties(const Profile& p) {
  const EventTypeId plan = *find_event_type("plan_updated");
  const int bit = flag_index(event_type(plan), "significant");
  json out = json::array();
  if (bit < 0) return out;
  const auto flag = static_cast<std::uint16_t>(1u << bit);
  for (const Rule& r : p.rules) {
    for (const EventMatcher& m : r.after) {
      if (m.type == plan && (m.flags_mask & flag) && (m.flags_value & flag)) {
        out.push_back(r.title);
        break;
      }
    }
  }
  return out;
}

// What the procedure asks of a closure: each constraint on the closed
// event, as {"message", "quote"}, and the places a closure is endorsed,
// those the constraints name first.
void closure_choices(const Profile& p, json& out) {
  const EventTypeId closed = *find_event_type("closed");
  json rules = json::array();
  std::vector<std::string> places;
  for (const Constraint& c : p.constraints) {
    if (c.applies_to.type != closed) continue;
    rules.push_back({{"message", c.message},
                     {"quote", c.cite.empty() ? json(nullptr) : json(citation_words(c.cite[0]))}});
    for (const Requirement& r : c.require)
      if (r.field == "endorsed_at")
        for (const std::string& v : r.allowed)
          if (std::find(places.begin(), places.end(), v) == places.end()) places.push_back(v);
  }
  static constexpr std::pair<std::string_view, std::string_view> kPlaces[] = {
      {"review", "At a review of the plan"},
      {"panel", "At the Child in Need panel"},
      {"supervision_order_review", "At a supervision order review"},
      {"first_line_manager", ""},
      {"service_manager", ""}};
  // The places the procedure names first; the others after them, since a
  // constraint may cover only some reasons for closing.
  json offered = json::array();
  for (const bool named : {true, false}) {
    for (const auto& [value, words] : kPlaces) {
      const bool in = std::find(places.begin(), places.end(), std::string(value)) != places.end();
      if (in != named) continue;
      std::string label(words);
      if (label.empty()) label = "By the " + title_in_prose(p.role_label(value));
      offered.push_back({{"value", std::string(value)}, {"label", label}});
    }
  }
  out["closure_rules"] = std::move(rules);
  out["closure_places"] = std::move(offered);
}

// The family's copy of the plan: the profile's sections, or the plain
// headings every profile shares, as [{"part", "heading", "quote"}].
json family_plan_sections(const Profile& p) {
  static constexpr std::pair<std::string_view, std::string_view> kPlain[] = {
      {"worries", "What we are worried about"},
      {"working_well", "What is working well"},
      {"outcomes", "What needs to change"},
      {"actions", "Who will do what, and by when"},
      {"contingency", "What happens if the plan does not work"},
      {"review", "How we will know it is working"},
  };
  json out = json::array();
  if (p.family_plan.empty()) {
    for (const auto& [part, heading] : kPlain)
      out.push_back(
          {{"part", std::string(part)}, {"heading", std::string(heading)}, {"quote", nullptr}});
    return out;
  }
  for (const Labelled& s : p.family_plan)
    out.push_back({{"part", s.id},
                   {"heading", s.label},
                   {"quote", s.cite.empty() ? json(nullptr) : json(citation_words(s.cite[0]))}});
  return out;
}

}  // namespace

json form_choices(const Profile& p) {
  json out;
  json kinds = json::array();
  for (std::string_view kind : meeting_kind_values()) {
    const bool named = p.meeting_labels.count(std::string(kind)) > 0;
    if (!named && kind != "initial" && kind != "review") continue;
    std::string label = named ? sentence_case(p.meeting_label(kind)) : sentence_case(plain(kind));
    kinds.push_back({{"value", std::string(kind)}, {"label", label}});
  }
  // Counted before any is renamed, so that every one of a shared name is.
  std::vector<long> shared;
  for (const json& k : kinds)
    shared.push_back(std::count_if(kinds.begin(), kinds.end(),
                                   [&](const json& o) { return o["label"] == k["label"]; }));
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    if (shared[i] < 2) continue;
    json& k = kinds[i];
    const std::string kind = k["value"];
    k["label"] = k["label"].get<std::string>() + (kind == "initial"  ? " (the first)"
                                                  : kind == "review" ? " (a review)"
                                                                     : " (" + plain(kind) + ")");
  }
  out["meeting_kinds"] = std::move(kinds);
  json chairs = json::array();
  for (std::string_view role : role_values()) {
    if (role == "partner_professional" || role == "administrator") continue;
    const bool named = p.role_labels.count(std::string(role)) > 0;
    chairs.push_back(
        {{"value", std::string(role)},
         {"label", sentence_case(named ? title_in_prose(p.role_label(role)) : plain(role))}});
  }
  out["chairs"] = std::move(chairs);
  json outcomes = json::array();
  if (p.outcomes.empty()) {
    for (std::string_view o : meeting_outcome_values())
      outcomes.push_back({{"value", std::string(o)}, {"label", sentence_case(plain(o))}});
  } else {
    for (const Labelled& o : p.outcomes)
      outcomes.push_back({{"value", o.id}, {"label", o.label.empty() ? plain(o.id) : o.label}});
  }
  out["outcomes"] = std::move(outcomes);
  auto term = p.terms.find("meeting");
  out["meeting_word"] = term == p.terms.end() ? std::string("Child in Need meeting") : term->second;
  out["significant_change_duties"] = significant_change_duties(p);
  out["invitations_rule"] = rule_before_meeting(p, "invitations_sent");
  out["pre_meeting_rule"] = rule_before_meeting(p, "visit");
  // The same, for each kind of meeting offered: a review may ask for less
  // notice than the first meeting, or none.
  json by_kind = json::object();
  const auto all = meeting_kind_values();
  for (const json& k : out["meeting_kinds"]) {
    const std::string kind = k["value"];
    const auto at = std::find(all.begin(), all.end(), kind);
    const int n = static_cast<int>(at - all.begin());
    by_kind[kind] = {{"invitations_rule", rule_before_meeting(p, "invitations_sent", n)},
                     {"pre_meeting_rule", rule_before_meeting(p, "visit", n)}};
  }
  out["rules_by_kind"] = std::move(by_kind);
  closure_choices(p, out);
  out["family_plan"] = family_plan_sections(p);
  return out;
}

}  // namespace cinplan::app
