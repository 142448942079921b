#include "core/obligations/findings.h"

#include <algorithm>

#include "core/casefile/case_state.h"
#include "core/casefile/corrections.h"

#include "core/obligations/matching.h"

namespace cinplan {
namespace {

// Empty when the requirement holds, else what is wrong.
std::string check(const Requirement& r, const Event& e) {
  auto it = e.body.find(r.field);
  const bool present = it != e.body.end() && !it->is_null();
  switch (r.kind) {
    case Requirement::Kind::kPresent:
      return present ? "" : r.field + " is not recorded";
    case Requirement::Kind::kBool:
      if (present && it->is_boolean() && it->get<bool>() == r.boolean) return "";
      return r.field + " must be " + (r.boolean ? "true" : "false");
    case Requirement::Kind::kOneOf: {
      if (!present) return r.field + " is not recorded";
      const std::string value = it->is_string() ? it->get<std::string>() : it->dump();
      if (std::find(r.allowed.begin(), r.allowed.end(), value) != r.allowed.end()) return "";
      std::string allowed;
      for (const auto& a : r.allowed) allowed += (allowed.empty() ? "" : " or ") + a;
      return r.field + " is " + value + ", not " + allowed;
    }
  }
  return "";
}

}  // namespace

std::vector<Finding> check_constraints(const Profile& profile, const CaseHistory& history) {
  std::vector<Finding> out;
  // The record as corrected: a struck-out event raises nothing, a replaced one
  // is judged as it now reads. A history that parsed always has one.
  const auto record = CorrectedRecord::of(history);
  if (!record) return out;
  for (const auto& entry : record->entries()) {
    const Event& e = *entry.event;
    const std::uint32_t i = entry.index;
    const Fact f = to_fact(e, i);
    for (std::size_t c = 0; c < profile.constraints.size(); ++c) {
      const Constraint& constraint = profile.constraints[c];
      if (constraint.applies_to.type != f.type || !matches(constraint.applies_to, f)) continue;
      std::string detail;
      for (const Requirement& r : constraint.require) {
        const std::string wrong = check(r, e);
        if (!wrong.empty()) detail += (detail.empty() ? "" : "; ") + wrong;
      }
      if (!detail.empty()) {
        out.push_back({static_cast<std::uint16_t>(c), i, detail});
      }
    }
  }
  return out;
}

}  // namespace cinplan
