#include "core/obligations/findings.h"

#include <algorithm>

#include "core/casefile/case_state.h"
#include "core/casefile/corrections.h"
#include "core/obligations/matching.h"

namespace cinplan {
namespace {

// Whether the event meets the requirement; when not, what it recorded.
bool holds(const Requirement& r, const Event& e, FailedRequirement& failed) {
  auto it = e.body.find(r.field);
  failed.recorded = it != e.body.end() && !it->is_null();
  if (failed.recorded) failed.value = it->is_string() ? it->get<std::string>() : it->dump();
  switch (r.kind) {
    case Requirement::Kind::kPresent:
      return failed.recorded;
    case Requirement::Kind::kBool:
      return failed.recorded && it->is_boolean() && it->get<bool>() == r.boolean;
    case Requirement::Kind::kOneOf:
      return failed.recorded &&
             std::find(r.allowed.begin(), r.allowed.end(), failed.value) != r.allowed.end();
  }
  return true;
}

}  // namespace

std::vector<Finding> check_constraints(const Profile& profile, const CaseHistory& history,
                                       std::optional<Date> as_at) {
  std::vector<Finding> out;
  // The record as corrected: a struck-out event raises nothing, a replaced one
  // is judged as it now reads. A history that parsed always has one.
  const auto record = CorrectedRecord::of(history);
  if (!record) return out;
  const auto entries = record->entries();
  std::vector<Fact> facts;
  facts.reserve(entries.size());
  for (const auto& entry : entries) facts.push_back(to_fact(*entry.event, entry.index));
  // Per constraint, the first day an event it is excepted after happened.
  std::vector<std::int32_t> excepted_from(profile.constraints.size(), kNoDate);
  for (std::size_t c = 0; c < profile.constraints.size(); ++c) {
    for (const EventMatcher& m : profile.constraints[c].except_after) {
      for (const Fact& f : facts) {
        if (m.type != f.type || !matches(m, f)) continue;
        if (excepted_from[c] == kNoDate || f.date < excepted_from[c]) excepted_from[c] = f.date;
      }
    }
  }
  for (std::size_t k = 0; k < entries.size(); ++k) {
    const Event& e = *entries[k].event;
    const Fact& f = facts[k];
    if (as_at && e.date > *as_at) continue;
    for (std::size_t c = 0; c < profile.constraints.size(); ++c) {
      const Constraint& constraint = profile.constraints[c];
      if (constraint.applies_to.type != f.type || !matches(constraint.applies_to, f)) continue;
      if (excepted_from[c] != kNoDate && excepted_from[c] <= f.date) continue;
      Finding finding{static_cast<std::uint16_t>(c), entries[k].index, {}};
      for (std::size_t i = 0; i < constraint.require.size(); ++i) {
        FailedRequirement failed{static_cast<std::uint16_t>(i), false, {}};
        if (!holds(constraint.require[i], e, failed)) finding.failed.push_back(std::move(failed));
      }
      if (!finding.failed.empty()) out.push_back(std::move(finding));
    }
  }
  return out;
}

}  // namespace cinplan
