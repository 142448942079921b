#include "core/procedure/clashes.h"

#include <algorithm>
#include <limits>

namespace cinplan {
namespace {

// The pathways whose timescales differ: standard and each one declared.
std::vector<PathwaySet> pathway_cases(const Profile& p) {
  std::vector<PathwaySet> out{bit(Pathway::kStandard)};
  for (Pathway pw : {Pathway::kDisability, Pathway::kDirectPayments}) {
    if (p.known_pathways & bit(pw)) out.push_back(bit(pw));
  }
  return out;
}

}  // namespace

std::vector<TimescaleClash> find_clashes(const Profile& p) {
  std::vector<TimescaleClash> out;
  const Date first = *Date::from_ymd(2025, 1, 1);
  for (std::size_t b = 0; b < p.rules.size(); ++b) {
    const Rule& before = p.rules[b];
    if (before.kind != RuleKind::kBefore || before.before_meeting.empty()) continue;
    for (std::uint16_t m : before.before_meeting) {
      const Rule& meeting = p.rules[m];
      const PathwaySet standard = bit(Pathway::kStandard);
      for (PathwaySet pw : pathway_cases(p)) {
        if ((meeting.pathways & pw) == 0 || (before.pathways & pw) == 0) continue;
        // A pathway with the standard timescales clashes as the standard does.
        if (pw != standard && meeting.due_on(pw) == meeting.due_on(standard) &&
            before.due_on(pw) == before.due_on(standard) &&
            before.target_on(pw) == before.target_on(standard))
          continue;
        const auto& held_within = meeting.due_on(pw);
        if (!held_within) continue;
        for (bool target : {false, true}) {
          const auto& notice = target ? before.target_on(pw) : before.due_on(pw);
          if (!notice) continue;
          int fewest = std::numeric_limits<int>::max();
          int most = std::numeric_limits<int>::min();
          for (int i = 0; i < 730; ++i) {
            const Date arose = add_days(first, i);
            const Date latest_meeting = apply(arose, *held_within, *p.calendar);
            const Date by = apply(latest_meeting, *notice, *p.calendar, -1);
            const int slack = by.days() - arose.days();
            fewest = std::min(fewest, slack);
            most = std::max(most, slack);
          }
          if (fewest > 0) continue;
          out.push_back({static_cast<std::uint16_t>(b), m, pw, target, fewest, most});
        }
      }
    }
  }
  return out;
}

}  // namespace cinplan
