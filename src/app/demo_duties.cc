#include "app/demo_duties.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

#include "app/demo_duty_events.h"
#include "app/demo_meetings.h"
#include "core/obligations/matching.h"

namespace cinplan::app {
namespace {

using json = nlohmann::ordered_json;

EventTypeId meeting_type() {
  static const EventTypeId t = *find_event_type("meeting");
  return t;
}

bool is_meeting_rule(const Rule& r) {
  return !r.met_by.empty() && r.met_by.front().type == meeting_type();
}

bool applies(const Rule& r, PathwaySet active) {
  return (r.pathways & active) != 0 && (r.except_pathways & active) == 0;
}

// The first meeting kind a matcher allows.
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

class Writer {
 public:
  Writer(DemoDraft& d, DemoCase& c) : d_(d), c_(c), p_(d.profile()) {}

 public:
  // The duties up to the closure a meeting or the family decides (or up to
  // today), the closure, and then the closure's own duties (the minutes of
  // the meeting that closed the plan).
  Result<void> write() {
    if (auto ok = run(); !ok) return ok;
    if (auto ok = usual_visits(); !ok) return ok;
    if (!c_.closing_on || *c_.closing_on > c_.today) return {};
    if (c_.closing_reason == "step_up_child_protection") {
      json up = demo_event("stepped_up", *c_.closing_on);
      up["to"] = "child_protection";
      if (auto ok = d_.add(up); !ok) return ok;
    }
    json closed = demo_event("closed", *c_.closing_on);
    closed["reason"] = c_.closing_reason;
    closed["endorsed_at"] =
        c_.closing_reason == "consent_withdrawn" ? "first_line_manager" : "review";
    if (auto ok = d_.add(closed); !ok) return ok;
    closed_ = true;
    left_.clear();
    tries_.clear();
    return run();
  }

 private:
  // Where the procedure sets no frequency of visits, the child is still
  // visited: every four to six weeks from the start of the plan.
  Result<void> usual_visits() {
    const EventTypeId visit = *find_event_type("visit");
    for (const Rule& r : p_.rules) {
      if (r.kind == RuleKind::kRecurring && r.met_by.front().type == visit) return {};
    }
    const Event* start = d_.latest("plan_decided");
    if (start == nullptr) return {};
    std::vector<Date> seen;
    for (const Event& e : d_.events())
      if (e.type == visit && e.bool_field("child_seen")) seen.push_back(e.date);
    for (Date day = add_days(start->date, 28);; day = add_days(day, c_.random.range(28, 42))) {
      day = working(day, day);
      if (day > last_day()) return {};
      const bool recent = std::any_of(
          seen.begin(), seen.end(), [&](Date s) { return s <= day && days_between(s, day) < 28; });
      if (recent) continue;
      if (auto ok = d_.add(routine_visit(c_, day)); !ok) return ok;
      seen.push_back(day);
    }
  }

  Result<void> run() {
    for (int step = 0; step < 20000; ++step) {
      const std::vector<Obligation> obs = d_.obligations(c_.today);
      const Obligation* next = nullptr;
      Date next_base;
      for (const Obligation& o : obs) {
        if (!is_open(o.status) || left_.count(key(o)) != 0) continue;
        const Date base = base_of(o);
        if (next == nullptr || base < next_base || (base == next_base && before_first(o, *next))) {
          next = &o;
          next_base = base;
        }
      }
      if (next == nullptr) return {};
      const Obligation o = *next;
      const Date act = act_day(o, next_base, obs);
      if (act > last_day()) {
        left_.insert(key(o));
        continue;
      }
      if (++tries_[key(o)] > 2) {
        if (std::getenv("DEMO_DEBUG")) {
          for (const auto& e : d_.events_json()) std::fprintf(stderr, "%s\n", e.dump().c_str());
          for (const Obligation& x : obs)
            std::fprintf(stderr, "%s %s anchor %s arose %s due %s target %s%s\n",
                         p_.rules[x.rule].id.c_str(), std::string(to_string(x.status)).c_str(),
                         x.anchor.to_string().c_str(), x.arose.to_string().c_str(),
                         x.due.to_string().c_str(),
                         x.has_target ? x.target.to_string().c_str() : "-",
                         x.target_agreed ? " agreed" : "");
          std::fprintf(stderr, "act %s\n", act.to_string().c_str());
        }
        return std::unexpected(Error{ErrorCode::kInternal,
                                     "the demo cannot meet " + p_.id + "'s rule " +
                                         p_.rules[o.rule].id + " due " + o.due.to_string() +
                                         " in case " + c_.plan.case_id,
                                     {}});
      }
      if (auto ok = perform(o, act, obs); !ok) return ok;
    }
    return std::unexpected(Error{
        ErrorCode::kInternal, "the demo history of " + c_.plan.case_id + " does not end", {}});
  }

 private:
  using Key = std::pair<std::uint16_t, std::int32_t>;
  static Key key(const Obligation& o) { return {o.rule, o.anchor.days()}; }

  // Until the closure is written, nothing on or after its day; a worker
  // who has fallen behind does nothing after the day they stopped.
  Date last_day() const {
    Date last = c_.today;
    if (c_.plan.stalled_from) last = std::min(last, *c_.plan.stalled_from);
    if (c_.closing_on && !closed_) last = std::min(last, add_days(*c_.closing_on, -1));
    return last;
  }

  // The duties before a meeting come before the meeting, on the same day.
  bool before_first(const Obligation& a, const Obligation& b) const {
    const bool ab = p_.rules[a.rule].kind == RuleKind::kBefore;
    const bool bb = p_.rules[b.rule].kind == RuleKind::kBefore;
    return ab != bb ? ab : a.rule < b.rule;
  }

  // The day the duty is worked to: its target, else its limit, else (no
  // timescale) a few working days after it arose.
  Date base_of(const Obligation& o) const {
    if (o.has_target) return o.target;
    if (o.has_due) return o.due;
    return p_.calendar->add_working_days(o.anchor, is_meeting_rule(p_.rules[o.rule]) ? 15 : 5);
  }

  bool late() { return c_.random.chance(c_.plan.late_rate); }

  // Whether a before rule that applies names `rule` among its meetings.
  bool prepared(std::uint16_t rule, PathwaySet active) const {
    for (const Rule& r : p_.rules) {
      if (r.kind != RuleKind::kBefore || !applies(r, active)) continue;
      if (std::find(r.before_meeting.begin(), r.before_meeting.end(), rule) !=
          r.before_meeting.end())
        return true;
    }
    return false;
  }

  // The day the engine expects the meeting of an open meeting obligation,
  // as the duties before it are counted back from: the date agreed for it,
  // else its limit, else (no timescale) the date invitations gave.
  std::optional<Date> expected(const Obligation& o, const std::vector<Obligation>& obs) const {
    if (o.target_agreed) return o.target;
    if (o.has_due) return o.due;
    std::optional<Date> out;
    const Date after = after_last(p_.rules[o.rule].met_by);
    for (const Obligation& b : obs) {
      const Rule& r = p_.rules[b.rule];
      if (r.kind != RuleKind::kBefore || !b.has_due || b.anchor < after) continue;
      if (std::find(r.before_meeting.begin(), r.before_meeting.end(), o.rule) ==
          r.before_meeting.end())
        continue;
      if (!out || b.anchor < *out) out = b.anchor;
    }
    return out;
  }

  // Whether the meeting day an open before obligation counts back from was
  // agreed (a meeting's next_meeting, or invitations already sent).
  bool agreed(const Obligation& before, const std::vector<Obligation>& obs) const {
    const Rule& r = p_.rules[before.rule];
    for (const Obligation& o : obs) {
      if (!is_open(o.status) || !o.target_agreed || o.target != before.anchor) continue;
      if (std::find(r.before_meeting.begin(), r.before_meeting.end(), o.rule) !=
          r.before_meeting.end())
        return true;
    }
    return false;
  }

  // The day after the latest meeting held that a before rule prepares for
  // (what is done for the next one comes after it); the earliest day if none.
  Date last_held(const Rule& before) const {
    Date out = Date::from_days(kNoDate + 2);
    for (std::uint16_t ix : before.before_meeting)
      out = std::max(out, after_last(p_.rules[ix].met_by));
    return out;
  }

  // The day after the latest event matching one of `ms`; the earliest day
  // if none.
  Date after_last(const std::vector<EventMatcher>& ms) const {
    Date out = Date::from_days(kNoDate + 2);
    for (const EventMatcher& m : ms) {
      for (const Event& e : d_.events()) {
        if (e.date <= c_.today && e.date >= out && d_.meets(m, e)) out = add_days(e.date, 1);
      }
    }
    return out;
  }

  Date clamp(Date day, Date lo, Date hi) const { return std::max(lo, std::min(day, hi)); }

  // A working day on or before `day` if that is not before `lo`, else after.
  Date working(Date day, Date lo) const {
    Date before = day;
    while (!p_.calendar->is_working_day(before)) before = add_days(before, -1);
    if (before >= lo) return before;
    while (!p_.calendar->is_working_day(day)) day = add_days(day, 1);
    return day;
  }

  Date act_day(const Obligation& o, Date base, const std::vector<Obligation>& obs) {
    const Rule& r = p_.rules[o.rule];
    DemoRandom& rnd = c_.random;
    const PathwaySet active = d_.pathways(c_.today);
    if (is_meeting_rule(r)) {
      const auto when = expected(o, obs);
      Date day = when && (o.target_agreed || prepared(o.rule, active))
                     ? *when
                     : add_days(base, -rnd.range(0, 5));
      if (o.has_due && late()) day = add_days(o.target_agreed ? o.target : o.due, rnd.range(1, 21));
      // A meeting before a date (the order's end) falls after the duty arose.
      const Date lo = r.kind == RuleKind::kBefore ? o.arose : add_days(o.anchor, 1);
      return working(std::max(day, lo), lo);
    }
    if (r.kind == RuleKind::kBefore) {
      // Never after the meeting it prepares for, nor before the duty arose
      // or the meeting before it.
      const Date lo = std::max(o.arose, last_held(r));
      const Date hi = o.has_due ? o.anchor : add_days(base, 10);
      Date day = add_days(base, -rnd.range(1, 4));
      if (invitations(r) && o.has_due) {
        planned_ = agreed(o, obs) ? o.anchor
                                  : working(add_days(o.anchor, -rnd.range(0, 3)), add_days(lo, 1));
        const auto& lead = r.target_on(active) ? r.target_on(active) : r.due_on(active);
        day =
            add_days(lead ? apply(planned_, *lead, *p_.calendar, -1) : planned_, -rnd.range(0, 3));
      } else if (invitations(r)) {
        planned_ = p_.calendar->add_working_days(o.anchor, 15);
      }
      if (o.has_due && late() && o.due < hi)
        day = add_days(o.due, rnd.range(1, days_between(o.due, hi)));
      const Date hi_day = invitations(r) && o.has_due ? std::min(hi, planned_) : hi;
      return working(clamp(day, lo, hi_day), lo);
    }
    const Date lo = r.kind == RuleKind::kRecurring ? add_days(o.anchor, 1) : o.anchor;
    const int room = std::max(0, days_between(lo, base));
    Date day = add_days(base, -rnd.range(0, std::min(5, room)));
    if (o.has_due && late()) day = add_days(o.due, rnd.range(1, 14));
    return working(std::max(day, lo), lo);
  }

  static bool invitations(const Rule& r) {
    return event_type(r.met_by.front().type).id == "invitations_sent";
  }

  // The meeting an event done for `o` is about, when it is about one.
  std::optional<Date> about(const Obligation& o) const {
    const Rule& r = p_.rules[o.rule];
    if (r.kind == RuleKind::kBefore) return invitations(r) ? planned_ : o.anchor;
    if (r.kind != RuleKind::kEach) return std::nullopt;
    const Event* anchor = d_.matching_on(r.after, o.anchor);
    if (anchor == nullptr) return std::nullopt;
    if (anchor->type_id() == "meeting") return anchor->date;
    return anchor->date_field("meeting_date");
  }

  std::optional<Date> next_meeting(std::string_view kind, Date day) {
    const PathwaySet active = d_.pathways(day);
    const Rule* best = nullptr;
    for (const Rule& r : p_.rules) {
      if (r.kind != RuleKind::kRecurring || !applies(r, active) || !is_meeting_rule(r)) continue;
      const auto named = [&](const std::vector<EventMatcher>& ms) {
        return std::any_of(ms.begin(), ms.end(),
                           [&](const EventMatcher& m) { return allows_kind(m, kind); });
      };
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
    const Date next = working(add_days(apply(day, *span, *p_.calendar), -c_.random.range(0, 6)),
                              add_days(day, 1));
    return next > day ? std::optional(next) : std::nullopt;
  }

  // The kind of meeting to hold for `o` on `day`: its rule's own, or that
  // of another meeting falling due within a month that would also meet it
  // (a final review instead of the last regular one).
  std::string kind_for(const Obligation& o, Date day, const std::vector<Obligation>& obs) const {
    const Rule& r = p_.rules[o.rule];
    for (const Obligation& other : obs) {
      const Rule& q = p_.rules[other.rule];
      if (other.rule == o.rule || !is_open(other.status) || !is_meeting_rule(q)) continue;
      const std::string kind = kind_of(q.met_by.front());
      if (base_of(other) > add_days(day, 31) ||
          std::none_of(r.met_by.begin(), r.met_by.end(),
                       [&](const EventMatcher& m) { return allows_kind(m, kind); }))
        continue;
      return kind;
    }
    return kind_of(r.met_by.front());
  }

  // Before a meeting held sooner than expected (one meeting for two rules),
  // the duties before it that are still to do, each its timescale before it.
  // Only the duties before meetings of rules a meeting of `kind` meets:
  // the others are for another meeting.
  Result<void> prepare(Date day, std::string_view kind, const std::vector<Obligation>& obs) {
    const PathwaySet active = d_.pathways(day);
    const auto counts = [&](std::uint16_t ix) {
      const auto& ms = p_.rules[ix].met_by;
      return std::any_of(ms.begin(), ms.end(),
                         [&](const EventMatcher& m) { return allows_kind(m, kind); });
    };
    for (const Obligation& b : obs) {
      const Rule& r = p_.rules[b.rule];
      if (r.kind != RuleKind::kBefore || is_meeting_rule(r) || !is_open(b.status)) continue;
      if (!b.has_due || b.anchor <= day) continue;
      if (std::none_of(r.before_meeting.begin(), r.before_meeting.end(), counts)) continue;
      const Date lo = std::max(b.arose, last_held(r));
      const auto& lead = r.due_on(active);
      const Date at = lead ? apply(day, *lead, *p_.calendar, -1) : day;
      const Date when = working(clamp(add_days(at, -c_.random.range(0, 2)), lo, day), lo);
      auto e = duty_event(c_, r, std::min(when, day), day);
      if (!e) return std::unexpected(e.error());
      if (auto ok = d_.add(std::move(*e)); !ok) return ok;
    }
    return {};
  }

  Result<void> meet(const Obligation& o, Date day, const std::vector<Obligation>& obs) {
    DemoMeeting m{kind_for(o, day, obs), day, std::nullopt, {}};
    if (auto ok = prepare(day, m.kind, obs); !ok) return ok;
    const DemoStory story = c_.plan.story;
    const bool closing = (story == DemoStory::kClosed || story == DemoStory::kSteppedDown ||
                          story == DemoStory::kSteppedUp) &&
                         m.kind == "review" && !c_.closing_on && day >= *c_.plan.close_from;
    if (closing) {
      const auto has = [&](std::string_view id) {
        return std::any_of(p_.outcomes.begin(), p_.outcomes.end(),
                           [&](const Labelled& l) { return l.id == id; });
      };
      m.outcome = story == DemoStory::kSteppedUp ? "step_up_child_protection"
                  : story == DemoStory::kSteppedDown && has("step_down_early_help")
                      ? "step_down_early_help"
                      : "close";
      Date on = p_.calendar->add_working_days(day, c_.random.range(0, 3));
      if (on > c_.today) on = day;
      c_.closing_on = on;
      c_.closing_reason = story == DemoStory::kSteppedUp     ? "step_up_child_protection"
                          : story == DemoStory::kSteppedDown ? "step_down_early_help"
                                                             : "close";
    } else {
      m.next_meeting = next_meeting(m.kind, day);
    }
    return hold_meeting(d_, c_, m);
  }

  Result<void> perform(const Obligation& o, Date day, const std::vector<Obligation>& obs) {
    const Rule& r = p_.rules[o.rule];
    if (is_meeting_rule(r)) return meet(o, day, obs);
    if (event_type(r.met_by.front().type).id == "visit" && r.kind == RuleKind::kRecurring &&
        c_.random.chance(0.06)) {
      const Date earlier = working(add_days(day, -c_.random.range(2, 4)), o.anchor);
      if (earlier > o.anchor) {
        if (auto ok = d_.add(visit_not_seen(c_, earlier)); !ok) return ok;
      }
    }
    auto e = duty_event(c_, r, day, about(o));
    if (!e) return std::unexpected(e.error());
    return d_.add(std::move(*e));
  }

  DemoDraft& d_;
  DemoCase& c_;
  const Profile& p_;
  std::set<Key> left_;
  std::map<Key, int> tries_;
  Date planned_;         // the meeting day invitations are being sent for
  bool closed_ = false;  // the closure is written
};

}  // namespace

Result<void> write_duties(DemoDraft& draft, DemoCase& c) {
  return Writer(draft, c).write();
}

}  // namespace cinplan::app
