#include "cli/profile_diff.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "app/wording.h"
#include "cli/profile_words.h"

namespace cinplan::cli {
namespace {

// What a matcher matches, comparable across profiles (its text is as
// written, and two files may write the same matcher differently).
using MatcherKey = std::tuple<int, std::uint64_t, int, int, int, int>;

MatcherKey key(const EventMatcher& m) {
  return {m.type,
          m.subtypes,
          m.flags_mask,
          m.flags_value,
          m.within ? m.within->amount : -1,
          m.within ? static_cast<int>(m.within->unit) : -1};
}

std::vector<MatcherKey> keys(const std::vector<EventMatcher>& list) {
  std::vector<MatcherKey> out;
  for (const EventMatcher& m : list) out.push_back(key(m));
  std::sort(out.begin(), out.end());
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const std::string& s : parts) out += (out.empty() ? "" : std::string(sep)) + s;
  return out;
}

// ---------------------------------------------------------------------------
// Timescales

// The rule's own pathway: standard, or the one pathway it is limited to.
PathwaySet base_pathway(const Rule& r) {
  return (r.pathways & bit(Pathway::kStandard)) ? bit(Pathway::kStandard) : r.pathways;
}

// The timescale alone, without what it counts from: "within 2 working days",
// "every 3 months (aim: 4 weeks)", "3 weeks before the meeting".
std::string limit_words(const Rule& r, const std::optional<Duration>& due,
                        const std::optional<Duration>& target) {
  if (!due) return "no timescale stated";
  const bool before = r.kind == RuleKind::kBefore;
  std::string out;
  if (before) {
    const std::string what = r.before_date == DateAnchor::kSupervisionOrderEnd
                                 ? "the supervision order ends"
                                 : "the meeting";
    out = (due->amount == 0 ? "on or" : due->describe()) + " before " + what;
  } else {
    out = (r.kind == RuleKind::kRecurring ? "every " : "within ") + due->describe();
  }
  if (target) out += " (aim: " + target->describe() + (before ? " before)" : ")");
  return out;
}

std::string override_words(const Profile& p, const Rule& r, const RuleOverride& o) {
  return pathway_words(p, o.pathways, 0) + ": " + limit_words(r, o.due, o.target);
}

RuleWords rule_words(const Profile& p, const Rule* r) {
  RuleWords w;
  if (r == nullptr) return w;
  w.rule = r;
  w.title = r->title;
  w.strength = app::strength_words(r->strength);
  w.timescale = app::timescale_words(p, *r, base_pathway(*r));
  w.limit = limit_words(*r, r->due_on(base_pathway(*r)), r->target_on(base_pathway(*r)));
  if (!r->who.empty()) w.who = app::role_words(p, r->who);
  w.pathways = pathway_words(p, r->pathways, r->except_pathways);
  for (const RuleOverride& o : r->overrides) w.overrides.push_back(override_words(p, *r, o));
  std::vector<std::string> met;
  for (const EventMatcher& m : r->met_by) met.push_back(app::event_words(p, m));
  w.done_by = join(met, " or ");
  w.reading = !r->reading.empty();
  return w;
}

std::set<std::string> before_ids(const Profile& p, const Rule& r) {
  std::set<std::string> out;
  for (std::uint16_t ix : r.before_meeting) out.insert(p.rules[ix].id);
  return out;
}

std::vector<RuleAspect> compare(const Profile& pa, const Rule* a, const Profile& pb,
                                const Rule* b) {
  if (a == nullptr || b == nullptr) return {RuleAspect::kPresence};
  std::vector<RuleAspect> out;
  auto differ = [&](bool d, RuleAspect aspect) {
    if (d) out.push_back(aspect);
  };
  differ(a->strength != b->strength, RuleAspect::kStrength);
  differ(a->kind != b->kind || a->due != b->due || a->target != b->target, RuleAspect::kTimescale);
  differ(keys(a->after) != keys(b->after) || a->before_date != b->before_date ||
             before_ids(pa, *a) != before_ids(pb, *b),
         RuleAspect::kCountedFrom);
  differ(keys(a->met_by) != keys(b->met_by), RuleAspect::kDoneBy);
  differ(a->who != b->who, RuleAspect::kWho);
  differ(a->pathways != b->pathways || a->except_pathways != b->except_pathways,
         RuleAspect::kPathways);
  using OverrideKey = std::tuple<PathwaySet, std::optional<Duration>, std::optional<Duration>>;
  auto overrides = [](const Rule& r) {
    std::vector<OverrideKey> list;
    for (const RuleOverride& o : r.overrides) list.emplace_back(o.pathways, o.due, o.target);
    std::sort(list.begin(), list.end(), [](const OverrideKey& x, const OverrideKey& y) {
      return std::get<0>(x) < std::get<0>(y);
    });
    return list;
  };
  differ(overrides(*a) != overrides(*b), RuleAspect::kOverrides);
  return out;
}

// Where an id sorts: its place in the vocabulary, then ids it lacks.
std::size_t vocabulary_place(std::string_view id) {
  const auto all = duty_meanings();
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i].id == id) return i;
  }
  return all.size();
}

std::vector<RuleRow> timescale_rows(const Profile& a, const Profile& b) {
  std::vector<std::string> ids;
  for (const Profile* p : {&a, &b}) {
    for (const Rule& r : p->rules) {
      if (std::find(ids.begin(), ids.end(), r.id) == ids.end()) ids.push_back(r.id);
    }
  }
  std::stable_sort(ids.begin(), ids.end(), [](const std::string& x, const std::string& y) {
    return vocabulary_place(x) < vocabulary_place(y);
  });
  std::vector<RuleRow> rows;
  for (const std::string& id : ids) {
    const Rule* ra = a.find_rule(id);
    const Rule* rb = b.find_rule(id);
    rows.push_back(
        {id, find_duty(id), rule_words(a, ra), rule_words(b, rb), compare(a, ra, b, rb)});
  }
  return rows;
}

std::vector<RelatedGroup> related_groups(const std::vector<RuleRow>& rows) {
  std::vector<RelatedGroup> out;
  for (const DutyGroup& g : duty_groups()) {
    RelatedGroup group{&g, {}};
    bool in_a = false, in_b = false, same = true;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (rows[i].meaning == nullptr || rows[i].meaning->group != g.id) continue;
      group.rows.push_back(i);
      in_a = in_a || rows[i].a.rule != nullptr;
      in_b = in_b || rows[i].b.rule != nullptr;
      same = same && (rows[i].a.rule != nullptr) == (rows[i].b.rule != nullptr);
    }
    if (in_a && in_b && !same) out.push_back(std::move(group));
  }
  return out;
}

// ---------------------------------------------------------------------------
// Pathways, outcomes and words

std::optional<std::string> label_of(const std::vector<Labelled>& list, std::string_view id) {
  for (const Labelled& l : list) {
    if (l.id == id) return l.label;
  }
  return std::nullopt;
}

// Rows for every id of either list, in a's order then b's; differing when
// only one has it.
std::vector<LabelRow> labelled_rows(const std::vector<Labelled>& a,
                                    const std::vector<Labelled>& b) {
  std::vector<LabelRow> out;
  for (const auto* list : {&a, &b}) {
    for (const Labelled& l : *list) {
      if (std::any_of(out.begin(), out.end(), [&](const LabelRow& r) { return r.id == l.id; }))
        continue;
      LabelRow row{l.id, label_of(a, l.id), label_of(b, l.id), false};
      row.differs = row.a.has_value() != row.b.has_value();
      out.push_back(std::move(row));
    }
  }
  return out;
}

std::vector<LabelRow> word_rows(const std::map<std::string, std::string>& a,
                                const std::map<std::string, std::string>& b) {
  std::set<std::string> ids;
  for (const auto* m : {&a, &b}) {
    for (const auto& [id, label] : *m) ids.insert(id);
  }
  std::vector<LabelRow> out;
  for (const std::string& id : ids) {
    LabelRow row{id, std::nullopt, std::nullopt, false};
    if (auto it = a.find(id); it != a.end()) row.a = it->second;
    if (auto it = b.find(id); it != b.end()) row.b = it->second;
    row.differs = row.a != row.b;
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<LabelRow> pathway_rows(const Profile& a, const Profile& b) {
  std::vector<LabelRow> out{{"standard", "standard", "standard", false}};
  for (LabelRow& row : labelled_rows(a.pathways, b.pathways)) out.push_back(std::move(row));
  return out;
}

}  // namespace

std::string_view to_string(RuleAspect aspect) {
  switch (aspect) {
    case RuleAspect::kPresence:
      return "only in one";
    case RuleAspect::kStrength:
      return "strength";
    case RuleAspect::kTimescale:
      return "timescale";
    case RuleAspect::kCountedFrom:
      return "counted from";
    case RuleAspect::kDoneBy:
      return "done by";
    case RuleAspect::kWho:
      return "who";
    case RuleAspect::kPathways:
      return "pathways";
    case RuleAspect::kOverrides:
      return "pathway timescales";
  }
  return "only in one";
}

std::size_t ProfileDiff::timescales_differing() const {
  return static_cast<std::size_t>(std::count_if(
      timescales.begin(), timescales.end(), [](const RuleRow& r) { return !r.differs.empty(); }));
}

std::size_t ProfileDiff::constraints_differing() const {
  return static_cast<std::size_t>(std::count_if(constraints.begin(), constraints.end(),
                                                [](const ConstraintRow& r) { return r.differs; }));
}

ProfileDiff diff_profiles(const Profile& a, const Profile& b) {
  ProfileDiff d;
  d.a = &a;
  d.b = &b;
  d.timescales = timescale_rows(a, b);
  d.related = related_groups(d.timescales);
  d.constraints = constraint_rows(a, b);
  d.pathways = pathway_rows(a, b);
  d.outcomes = labelled_rows(a.outcomes, b.outcomes);
  d.roles = word_rows(a.role_labels, b.role_labels);
  d.meetings = word_rows(a.meeting_labels, b.meeting_labels);
  return d;
}

}  // namespace cinplan::cli
