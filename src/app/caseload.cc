#include "app/caseload.h"

#include <algorithm>
#include <unordered_map>

#include "core/obligations/obligations.h"

namespace cinplan::app {
namespace {

bool same_name(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return lower(x) == lower(y);
  });
}

bool is_upcoming(const Obligation& o) {
  return o.has_due &&
         (o.status == ObligationStatus::kUpcoming || o.status == ObligationStatus::kDueSoon);
}

// Most urgent first (see Caseload::cases).
bool more_urgent(const CaseloadItem& a, const CaseloadItem& b, Date today) {
  if (a.overdue.empty() != b.overdue.empty()) return !a.overdue.empty();
  if (!a.overdue.empty()) {
    if (a.overdue.front().due != b.overdue.front().due)
      return a.overdue.front().due < b.overdue.front().due;
    if (a.overdue.size() != b.overdue.size()) return a.overdue.size() > b.overdue.size();
  }
  if (a.target_missed.empty() != b.target_missed.empty()) return !a.target_missed.empty();
  if (!a.target_missed.empty() && a.target_missed.front().target != b.target_missed.front().target)
    return a.target_missed.front().target < b.target_missed.front().target;
  if (a.next_due.has_value() != b.next_due.has_value()) return a.next_due.has_value();
  if (a.next_due && a.next_due->next_date(today) != b.next_due->next_date(today))
    return a.next_due->next_date(today) < b.next_due->next_date(today);
  return a.entry->id < b.entry->id;
}

}  // namespace

const Obligation* CaseloadItem::most_urgent() const {
  if (!overdue.empty()) return &overdue.front();
  if (!target_missed.empty()) return &target_missed.front();
  return next_due ? &*next_due : nullptr;
}

bool closed_as_at(const CaseState& state, Date today) {
  static const EventTypeId closed = *find_event_type("closed");
  const auto facts = state.facts(closed);
  return !facts.empty() && facts.front().date <= today.days();
}

std::vector<const CaseEntry*> caseload_entries(const CaseProjection& projection, Date today,
                                               const CaseloadFilter& filter) {
  std::vector<const CaseEntry*> out;
  for (const CaseEntry& e : projection.entries()) {
    if (closed_as_at(e.state, today)) continue;
    std::string_view worker, team;
    if (const Allocation* a = e.allocation_on(today.days())) {
      worker = projection.name(a->worker);
      team = projection.name(a->team);
    }
    if (!filter.worker.empty() && !same_name(worker, filter.worker)) continue;
    if (!filter.team.empty() && !same_name(team, filter.team) &&
        (filter.team_id.empty() || !same_name(team, filter.team_id)))
      continue;
    out.push_back(&e);
  }
  return out;
}

Caseload caseload(const CaseProjection& projection, const ProfileCatalog& catalog, Date today,
                  const CaseloadFilter& filter) {
  Caseload out;
  out.today = today;
  std::unordered_map<std::uint32_t, Result<const Profile*>> profiles;
  std::vector<Obligation> list;
  for (const CaseEntry* entry : caseload_entries(projection, today, filter)) {
    const CaseEntry& e = *entry;
    CaseloadItem item;
    item.entry = &e;
    if (const Allocation* a = e.allocation_on(today.days())) {
      item.worker = projection.name(a->worker);
      item.team = projection.name(a->team);
    }

    auto it = profiles.find(e.profile);
    if (it == profiles.end())
      it = profiles.emplace(e.profile, catalog.find(projection.profile(e))).first;
    if (!it->second) {
      // One case whose procedure is not known does not hide the others.
      out.problems.push_back({e.id, it->second.error()});
      continue;
    }
    item.profile = *it->second;
    item.pathways = active_pathways(e.state, today);

    list.clear();
    evaluate_obligations(*item.profile, e.state, today, list);
    for (const Obligation& o : list) {
      // A duty only to be considered is never overdue on the caseload: the
      // case page shows it as to consider (blue), not late (red).
      const bool consider =
          o.rule < item.profile->rules.size() &&
          item.profile->rules[o.rule].strength_on(item.pathways) == Strength::kConsider;
      if (consider) continue;
      if (o.status == ObligationStatus::kOverdue) item.overdue.push_back(o);
      if (o.status == ObligationStatus::kTargetMissed) item.target_missed.push_back(o);
      if (o.status == ObligationStatus::kDueSoon) ++item.due_soon;
      if (o.status == ObligationStatus::kMissed) item.missed.push_back(o);
      if (is_upcoming(o) &&
          (!item.next_due || o.next_date(today) < item.next_due->next_date(today)))
        item.next_due = o;
    }
    std::stable_sort(item.overdue.begin(), item.overdue.end(),
                     [](const Obligation& a, const Obligation& b) { return a.due < b.due; });
    std::stable_sort(item.target_missed.begin(), item.target_missed.end(),
                     [](const Obligation& a, const Obligation& b) { return a.target < b.target; });
    out.with_overdue += !item.overdue.empty();
    out.with_target_missed += !item.target_missed.empty();
    out.cases.push_back(std::move(item));
  }
  std::sort(out.cases.begin(), out.cases.end(),
            [&](const CaseloadItem& a, const CaseloadItem& b) { return more_urgent(a, b, today); });
  return out;
}

}  // namespace cinplan::app
