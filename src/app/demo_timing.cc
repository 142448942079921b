#include "app/demo_timing.h"

#include <algorithm>

namespace cinplan::app {
namespace {

EventTypeId meeting_type() {
  static const EventTypeId t = *find_event_type("meeting");
  return t;
}

Date clamp(Date day, Date lo, Date hi) {
  return std::max(lo, std::min(day, hi));
}

bool invitations(const Rule& r) {
  return event_type(r.met_by.front().type).id == "invitations_sent";
}

bool names(const Rule& before, std::uint16_t rule) {
  return std::find(before.before_meeting.begin(), before.before_meeting.end(), rule) !=
         before.before_meeting.end();
}

}  // namespace

bool is_meeting_rule(const Rule& r) {
  return !r.met_by.empty() && r.met_by.front().type == meeting_type();
}

bool applies(const Rule& r, PathwaySet active) {
  return (r.pathways & active) != 0 && (r.except_pathways & active) == 0;
}

std::string kind_of(const EventMatcher& m) {
  const FieldSpec* kinds = find_field(event_type(meeting_type()), "kind");
  for (std::size_t v = 0; v < kinds->values.size(); ++v)
    if (m.subtypes == 0 || ((m.subtypes >> v) & 1u)) return std::string(kinds->values[v]);
  return "review";
}

bool allows_kind(const EventMatcher& m, std::string_view kind) {
  if (m.type != meeting_type()) return false;
  const int k = enum_index(*find_field(event_type(meeting_type()), "kind"), kind);
  return m.subtypes == 0 || (k >= 0 && ((m.subtypes >> k) & 1u));
}

Date DemoTiming::base_of(const Obligation& o) const {
  if (o.has_target) return o.target;
  if (o.has_due) return o.due;
  return p_.calendar->add_working_days(o.anchor, is_meeting_rule(p_.rules[o.rule]) ? 15 : 5);
}

bool DemoTiming::late() {
  return c_.random.chance(c_.plan.late_rate);
}

// Whether a before rule that applies names `rule` among its meetings.
bool DemoTiming::prepared(std::uint16_t rule, PathwaySet active) const {
  return std::any_of(p_.rules.begin(), p_.rules.end(), [&](const Rule& r) {
    return r.kind == RuleKind::kBefore && applies(r, active) && names(r, rule);
  });
}

// The day the engine expects the meeting of an open meeting obligation, as
// the duties before it are counted back from: the date agreed for it, else
// its limit, else (no timescale) the date invitations gave.
std::optional<Date> DemoTiming::expected(const Obligation& o,
                                         const std::vector<Obligation>& obs) const {
  if (o.target_agreed) return o.target;
  if (o.has_due) return o.due;
  std::optional<Date> out;
  const Date after = after_last(p_.rules[o.rule].met_by);
  for (const Obligation& b : obs) {
    const Rule& r = p_.rules[b.rule];
    if (r.kind != RuleKind::kBefore || !b.has_due || b.anchor < after || !names(r, o.rule))
      continue;
    if (!out || b.anchor < *out) out = b.anchor;
  }
  return out;
}

// Whether the meeting day an open before obligation counts back from was
// agreed (a meeting's next_meeting, or invitations already sent).
bool DemoTiming::agreed(const Obligation& before, const std::vector<Obligation>& obs) const {
  const Rule& r = p_.rules[before.rule];
  return std::any_of(obs.begin(), obs.end(), [&](const Obligation& o) {
    return is_open(o.status) && o.target_agreed && o.target == before.anchor && names(r, o.rule);
  });
}

Date DemoTiming::last_held(const Rule& before) const {
  Date out = Date::from_days(kNoDate + 2);
  for (std::uint16_t ix : before.before_meeting)
    out = std::max(out, after_last(p_.rules[ix].met_by));
  return out;
}

// The day after the latest event matching one of `ms`; the earliest day if
// none.
Date DemoTiming::after_last(const std::vector<EventMatcher>& ms) const {
  Date out = Date::from_days(kNoDate + 2);
  for (const EventMatcher& m : ms) {
    for (const Event& e : d_.events()) {
      if (e.date <= c_.today && e.date >= out && d_.meets(m, e)) out = add_days(e.date, 1);
    }
  }
  return out;
}

Date DemoTiming::working(Date day, Date lo) const {
  Date before = day;
  while (!p_.calendar->is_working_day(before)) before = add_days(before, -1);
  if (before >= lo) return before;
  while (!p_.calendar->is_working_day(day)) day = add_days(day, 1);
  return day;
}

// A meeting is held on the day the duties before it were counted back
// from, when there are such duties, else a few days before its target or
// limit; a meeting before a date (the order's end) after the duty arose.
Date DemoTiming::meeting_day(const Obligation& o, Date base, const std::vector<Obligation>& obs) {
  const Rule& r = p_.rules[o.rule];
  const auto when = expected(o, obs);
  Date day = when && (o.target_agreed || prepared(o.rule, d_.pathways(c_.today)))
                 ? *when
                 : add_days(base, -c_.random.range(0, 5));
  if (o.has_due && late())
    day = add_days(o.target_agreed ? o.target : o.due, c_.random.range(1, 21));
  const Date lo = r.kind == RuleKind::kBefore ? o.arose : add_days(o.anchor, 1);
  return working(std::max(day, lo), lo);
}

// Never after the meeting it prepares for, nor before the duty arose or the
// meeting before it. Invitations name the meeting's day: the day agreed, or
// one a little before its limit (which the engine then takes as agreed).
Date DemoTiming::before_day(const Obligation& o, Date base, const std::vector<Obligation>& obs) {
  const Rule& r = p_.rules[o.rule];
  DemoRandom& rnd = c_.random;
  const PathwaySet active = d_.pathways(c_.today);
  const Date lo = std::max(o.arose, last_held(r));
  const Date hi = o.has_due ? o.anchor : add_days(base, 10);
  Date day = add_days(base, -rnd.range(1, 4));
  if (invitations(r) && o.has_due) {
    planned_ =
        agreed(o, obs) ? o.anchor : working(add_days(o.anchor, -rnd.range(0, 3)), add_days(lo, 1));
    const auto& lead = r.target_on(active) ? r.target_on(active) : r.due_on(active);
    day = add_days(lead ? apply(planned_, *lead, *p_.calendar, -1) : planned_, -rnd.range(0, 3));
  } else if (invitations(r)) {
    planned_ = p_.calendar->add_working_days(o.anchor, 15);
  }
  if (o.has_due && late() && o.due < hi)
    day = add_days(o.due, rnd.range(1, days_between(o.due, hi)));
  const Date top = invitations(r) && o.has_due ? std::min(hi, planned_) : hi;
  return working(clamp(day, lo, top), lo);
}

Date DemoTiming::act_day(const Obligation& o, Date base, const std::vector<Obligation>& obs) {
  const Rule& r = p_.rules[o.rule];
  if (is_meeting_rule(r)) return meeting_day(o, base, obs);
  if (r.kind == RuleKind::kBefore) return before_day(o, base, obs);
  // After what gave rise to it (a recurring duty: after the last time).
  const Date lo = r.kind == RuleKind::kRecurring ? add_days(o.anchor, 1) : o.anchor;
  const int room = std::max(0, days_between(lo, base));
  Date day = add_days(base, -c_.random.range(0, std::min(5, room)));
  if (o.has_due && late()) day = add_days(o.due, c_.random.range(1, 14));
  return working(std::max(day, lo), lo);
}

std::optional<Date> DemoTiming::about(const Obligation& o) const {
  const Rule& r = p_.rules[o.rule];
  if (r.kind == RuleKind::kBefore) return invitations(r) ? planned_ : o.anchor;
  if (r.kind != RuleKind::kEach) return std::nullopt;
  const Event* anchor = d_.matching_on(r.after, o.anchor);
  if (anchor == nullptr) return std::nullopt;
  if (anchor->type_id() == "meeting") return anchor->date;
  return anchor->date_field("meeting_date");
}

std::optional<Date> DemoTiming::next_meeting(std::string_view kind, Date day) {
  const PathwaySet active = d_.pathways(day);
  const auto named = [&](const std::vector<EventMatcher>& ms) {
    return std::any_of(ms.begin(), ms.end(),
                       [&](const EventMatcher& m) { return allows_kind(m, kind); });
  };
  const Rule* best = nullptr;
  for (const Rule& r : p_.rules) {
    if (r.kind != RuleKind::kRecurring || !applies(r, active) || !is_meeting_rule(r)) continue;
    // The interval restarts at the meeting, unless the meeting ends it.
    if ((!named(r.after) && !named(r.met_by)) || named(r.until)) continue;
    const bool reviews = std::any_of(r.met_by.begin(), r.met_by.end(), [](const EventMatcher& m) {
      return allows_kind(m, "review");
    });
    if (best == nullptr || reviews) best = &r;
    if (reviews) break;
  }
  if (best == nullptr) return std::nullopt;
  const auto& span = best->target_on(active) ? best->target_on(active) : best->due_on(active);
  if (!span) return std::nullopt;
  const Date next =
      working(add_days(apply(day, *span, *p_.calendar), -c_.random.range(0, 6)), add_days(day, 1));
  return next > day ? std::optional(next) : std::nullopt;
}

}  // namespace cinplan::app
