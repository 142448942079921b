#include "app/demo_duties.h"

#include <algorithm>
#include <map>
#include <set>

#include "app/demo_duty_events.h"
#include "app/demo_meetings.h"
#include "app/demo_timing.h"

namespace cinplan::app {
namespace {

using json = nlohmann::ordered_json;

class Writer {
 public:
  Writer(DemoDraft& d, DemoCase& c) : d_(d), c_(c), p_(d.profile()), t_(d, c) {}

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
      day = t_.working(day, day);
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
        const Date base = t_.base_of(o);
        if (next == nullptr || base < next_base || (base == next_base && before_first(o, *next))) {
          next = &o;
          next_base = base;
        }
      }
      if (next == nullptr) return {};
      const Obligation o = *next;
      const Date act = t_.act_day(o, next_base, obs);
      if (act > last_day()) {
        left_.insert(key(o));
        continue;
      }
      if (++tries_[key(o)] > 2) {
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

  // The kind of meeting to hold for `o` on `day`: its rule's own, or that
  // of another meeting falling due within a month that would also meet it
  // (a final review instead of the last regular one).
  std::string kind_for(const Obligation& o, Date day, const std::vector<Obligation>& obs) const {
    const Rule& r = p_.rules[o.rule];
    for (const Obligation& other : obs) {
      const Rule& q = p_.rules[other.rule];
      if (other.rule == o.rule || !is_open(other.status) || !is_meeting_rule(q)) continue;
      const std::string kind = kind_of(q.met_by.front());
      if (t_.base_of(other) > add_days(day, 31) ||
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
      const Date lo = std::max(b.arose, t_.last_held(r));
      const auto& lead = r.due_on(active);
      const Date at = lead ? apply(day, *lead, *p_.calendar, -1) : day;
      const Date when =
          t_.working(std::max(lo, std::min(add_days(at, -c_.random.range(0, 2)), day)), lo);
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
      m.next_meeting = t_.next_meeting(m.kind, day);
    }
    return hold_meeting(d_, c_, m);
  }

  Result<void> perform(const Obligation& o, Date day, const std::vector<Obligation>& obs) {
    const Rule& r = p_.rules[o.rule];
    if (is_meeting_rule(r)) return meet(o, day, obs);
    if (event_type(r.met_by.front().type).id == "visit" && r.kind == RuleKind::kRecurring &&
        c_.random.chance(0.06)) {
      const Date earlier = t_.working(add_days(day, -c_.random.range(2, 4)), o.anchor);
      if (earlier > o.anchor) {
        if (auto ok = d_.add(visit_not_seen(c_, earlier)); !ok) return ok;
      }
    }
    auto e = duty_event(c_, r, day, t_.about(o));
    if (!e) return std::unexpected(e.error());
    // A worker who has fallen behind records some visits in haste: whether
    // the child was seen alone and whether the visit was announced left out,
    // which a procedure may say should be recorded (never what it says must).
    if (c_.plan.story == DemoStory::kFallingBehind && (*e)["type"] == "visit" &&
        c_.random.chance(0.2)) {
      e->erase("seen_alone");
      e->erase("announced");
      return d_.add(std::move(*e), true);
    }
    return d_.add(std::move(*e));
  }

  DemoDraft& d_;
  DemoCase& c_;
  const Profile& p_;
  std::set<Key> left_;
  std::map<Key, int> tries_;
  DemoTiming t_;
  bool closed_ = false;  // the closure is written
};

}  // namespace

Result<void> write_duties(DemoDraft& draft, DemoCase& c) {
  return Writer(draft, c).write();
}

}  // namespace cinplan::app
