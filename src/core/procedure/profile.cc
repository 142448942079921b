#include "core/procedure/profile.h"

namespace cinplan {

std::string Citation::full() const {
  std::string out = quote;
  while (!out.empty() && out.back() == ' ') out.pop_back();
  for (const std::string& item : items) out += " " + item;
  return out;
}

std::string_view to_string(Pathway p) {
  switch (p) {
    case Pathway::kStandard:
      return "standard";
    case Pathway::kDisability:
      return "disability";
    case Pathway::kDirectPayments:
      return "direct_payments";
    case Pathway::kSupervisionOrder:
      return "supervision_order";
  }
  return "standard";
}

std::optional<Pathway> parse_pathway(std::string_view text) {
  for (Pathway p : {Pathway::kStandard, Pathway::kDisability, Pathway::kDirectPayments,
                    Pathway::kSupervisionOrder}) {
    if (to_string(p) == text) return p;
  }
  return std::nullopt;
}

std::string_view to_string(RuleKind kind) {
  switch (kind) {
    case RuleKind::kOnce:
      return "once";
    case RuleKind::kEach:
      return "each";
    case RuleKind::kRecurring:
      return "recurring";
    case RuleKind::kBefore:
      return "before";
  }
  return "once";
}

std::string_view to_string(Strength strength) {
  switch (strength) {
    case Strength::kMust:
      return "must";
    case Strength::kShould:
      return "should";
    case Strength::kConsider:
      return "consider";
  }
  return "must";
}

const std::optional<Duration>& Rule::due_on(PathwaySet active) const {
  for (const RuleOverride& o : overrides) {
    if ((o.pathways & active) && o.due) return o.due;
  }
  return due;
}

const std::optional<Duration>& Rule::target_on(PathwaySet active) const {
  for (const RuleOverride& o : overrides) {
    if ((o.pathways & active) && (o.due || o.target)) return o.target;
  }
  return target;
}

Strength Rule::strength_on(PathwaySet active) const {
  for (const RuleOverride& o : overrides) {
    if ((o.pathways & active) && o.due) return o.strength.value_or(strength);
  }
  return strength;
}

const Rule* Profile::find_rule(std::string_view rule_id) const {
  for (const Rule& r : rules) {
    if (r.id == rule_id) return &r;
  }
  return nullptr;
}

std::string Profile::role_label(std::string_view role) const {
  auto it = role_labels.find(std::string(role));
  return it == role_labels.end() ? std::string(role) : it->second;
}

std::string Profile::meeting_label(std::string_view kind) const {
  auto it = meeting_labels.find(std::string(kind));
  return it == meeting_labels.end() ? std::string(kind) : it->second;
}

std::span<const std::string_view> family_plan_parts() {
  static constexpr std::string_view kParts[] = {"worries",      "working_well", "danger_statements",
                                                "safety_goals", "outcomes",     "actions",
                                                "contingency",  "review"};
  return kParts;
}

}  // namespace cinplan
