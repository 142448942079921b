#include "core/obligations/obligations.h"

#include <algorithm>
#include <array>

#include "core/obligations/matching.h"
#include "core/obligations/small_list.h"

namespace cinplan {
namespace {

constexpr std::int32_t kNever = std::numeric_limits<std::int32_t>::max();

// The registry ids the engine names, looked up once (find_event_type compares
// strings; doing it for every case cost about 5% of a scan).
struct Types {
  EventTypeId meeting, invitations, cancelled, closed, order, order_extended, pathway, plan;
  std::uint64_t cin_kinds;
  std::uint64_t between_kinds;
};
const Types& types() {
  static const Types t = [] {
    Types x{};
    x.meeting = *find_event_type("meeting");
    x.invitations = *find_event_type("invitations_sent");
    x.cancelled = *find_event_type("meeting_cancelled");
    x.closed = *find_event_type("closed");
    x.order = *find_event_type("supervision_order");
    x.order_extended = *find_event_type("supervision_order_extended");
    x.pathway = *find_event_type("pathway");
    x.plan = *find_event_type("plan_updated");
    const FieldSpec* kind = find_field(event_type(x.meeting), "kind");
    x.cin_kinds = (std::uint64_t{1} << enum_index(*kind, "initial")) |
                  (std::uint64_t{1} << enum_index(*kind, "review")) |
                  (std::uint64_t{1} << enum_index(*kind, "transfer_in"));
    x.between_kinds = std::uint64_t{1} << enum_index(*kind, "midpoint");
    return x;
  }();
  return t;
}

// The latest of date-sorted `facts` matching `m` dated within [from, to].
const Fact* latest(std::span<const Fact> facts, const EventMatcher& m, std::int32_t from,
                   std::int32_t to) {
  for (auto it = facts.rbegin(); it != facts.rend(); ++it) {
    if (it->date > to) continue;
    if (it->date < from) break;
    if (matches(m, *it)) return &*it;
  }
  return nullptr;
}

// The latest two (either may be null).
std::pair<const Fact*, const Fact*> latest_two(std::span<const Fact> facts, const EventMatcher& m,
                                               std::int32_t from, std::int32_t to) {
  const Fact* first = nullptr;
  for (auto it = facts.rbegin(); it != facts.rend(); ++it) {
    if (it->date > to) continue;
    if (it->date < from) break;
    if (!matches(m, *it)) continue;
    if (first != nullptr) return {first, &*it};
    first = &*it;
  }
  return {first, nullptr};
}

// The earliest fact matching any matcher with from <= date <= to, or null.
const Fact* first_match(const CaseState& s, std::span<const EventMatcher> ms, std::int32_t from,
                        std::int32_t to) {
  const Fact* best = nullptr;
  for (const EventMatcher& m : ms) {
    const auto facts = s.facts(m.type);
    const Fact* f = facts.data();
    const Fact* const end = f + facts.size();
    if (from != kNoDate) {
      f = std::lower_bound(f, end, from, [](const Fact& x, std::int32_t d) { return x.date < d; });
    }
    for (; f != end; ++f) {
      if (f->date > to || (best != nullptr && f->date >= best->date)) break;
      if (matches(m, *f)) {
        best = f;
        break;
      }
    }
  }
  return best;
}

// The latest fact matching any matcher with from <= date <= to, or null.
const Fact* last_match(const CaseState& s, std::span<const EventMatcher> ms, std::int32_t from,
                       std::int32_t to) {
  const Fact* best = nullptr;
  for (const EventMatcher& m : ms) {
    // On a tie the earlier matcher's fact stays.
    const std::int32_t after = best == nullptr ? from : std::max(from, best->date + 1);
    if (const Fact* f = latest(s.facts(m.type), m, after, to)) best = f;
  }
  return best;
}

using FactList = SmallList<const Fact*, 64>;
using DateList = SmallList<std::int32_t, 32>;

// Sorts `dates` (by insertion: they come in a few ascending runs) and removes
// repeats.
void settle(DateList& dates) {
  std::int32_t* b = dates.begin();
  const std::size_t n = dates.size();
  for (std::size_t i = 1; i < n; ++i) {
    const std::int32_t d = b[i];
    std::size_t k = i;
    for (; k > 0 && b[k - 1] > d; --k) b[k] = b[k - 1];
    b[k] = d;
  }
  dates.shrink(static_cast<std::size_t>(std::unique(b, b + n) - b));
}

class Evaluator {
 public:
  Evaluator(const Profile& p, const CaseState& s, Date today, std::vector<Obligation>& out)
      : p_(p), s_(s), today_(today.days()), out_(out) {
    const Types& t = types();
    meeting_type_ = t.meeting;
    invitations_type_ = t.invitations;
    cancelled_type_ = t.cancelled;
    cin_kinds_ = t.cin_kinds;
    between_kinds_ = t.between_kinds;
    if (const Fact* c = last_match(s_, closed_matcher(), kNoDate, today_)) closed_ = c->date;
    read_supervision_order();
    active_ = active_pathways(s_, Date::from_days(std::min(today_, closed_)));
    // Only the entries of this profile's rules are read.
    std::fill_n(scheduled_.begin(), std::min(p_.rules.size(), scheduled_.size()), kNoDate);
  }

  void run() {
    for (std::size_t i = 0; i < p_.rules.size(); ++i) {
      const Rule& r = p_.rules[i];
      // An order counts for its own rules from the day it is made (so that
      // what it left undone shows after it ends), but displaces other rules
      // only while in force.
      PathwaySet excluding = active_;
      if (so_end_ == kNoDate || so_end_ < today_)
        excluding &= static_cast<PathwaySet>(~bit(Pathway::kSupervisionOrder));
      if ((r.pathways & active_) == 0 || (r.except_pathways & excluding) != 0) continue;
      rule_ = static_cast<std::uint16_t>(i);
      stop_ = closed_;
      if (r.pathways == bit(Pathway::kSupervisionOrder) && so_end_ != kNoDate && so_end_ < today_) {
        stop_ = std::min(stop_, so_end_);
      }
      switch (r.kind) {
        case RuleKind::kOnce:
          once(r);
          break;
        case RuleKind::kEach:
          each(r);
          break;
        case RuleKind::kRecurring:
          recurring(r);
          break;
        case RuleKind::kBefore:
          if (r.before_date == DateAnchor::kSupervisionOrderEnd) {
            before_order_end(r);
          } else {
            before_meeting(r);
          }
          break;
      }
    }
  }

 private:
  std::span<const EventMatcher> closed_matcher() {
    closed_m_.type = types().closed;
    return {&closed_m_, 1};
  }

  void read_supervision_order() {
    const auto order_type = types().order;
    const auto ext_type = types().order_extended;
    const Fact* order = nullptr;
    for (const Fact& f : s_.facts(order_type)) {
      if (f.date > today_) break;
      order = &f;
    }
    if (order == nullptr) return;
    so_end_ = order->ref_date;
    so_set_ = order->date;
    for (const Fact& f : s_.facts(ext_type)) {
      if (f.date > today_) break;
      if (f.date >= order->date && f.ref_date > so_end_) {
        so_end_ = f.ref_date;
        so_set_ = f.date;
      }
    }
  }

  Date day(std::int32_t d) const { return Date::from_days(d); }

  std::int32_t add(std::int32_t d, const Duration& dur, int sign = +1) const {
    return apply(day(d), dur, *p_.calendar, sign).days();
  }

  ObligationStatus open_status(const Obligation& o) const {
    if (!o.has_due) return ObligationStatus::kOutstanding;
    if (today_ > o.due.days()) return ObligationStatus::kOverdue;
    if (o.has_target && today_ > o.target.days()) return ObligationStatus::kTargetMissed;
    if (o.next_date(day(today_)).days() - today_ <= p_.due_soon_days)
      return ObligationStatus::kDueSoon;
    return ObligationStatus::kUpcoming;
  }

  // An obligation counted from `anchor` (forwards, or for before rules
  // backwards). Nothing is due, or aimed at, before the day the duty arose
  // (`arose`, when known): a timescale that would put it earlier is moved to
  // that day and the obligation marked as a clash. Counted forwards, the
  // anchor is the day it arose.
  Obligation make(std::int32_t anchor, const std::optional<Duration>& due,
                  const std::optional<Duration>& target, int sign = +1,
                  std::int32_t arose = kNoDate) const {
    Obligation o;
    o.rule = rule_;
    o.anchor = day(anchor);
    const std::int32_t from = arose;  // kNoDate: not known, nothing is moved
    o.arose = day(arose == kNoDate ? anchor : arose);
    if (due) {
      o.has_due = true;
      std::int32_t d = add(anchor, *due, sign);
      if (from != kNoDate && d < from) {
        d = from;
        o.clash = true;
      }
      o.due = day(d);
    }
    if (target) {
      o.has_target = true;
      std::int32_t t = add(anchor, *target, sign);
      if (from != kNoDate && t < from) {
        t = from;
        o.clash = true;
      }
      o.target = day(t);
    }
    return o;
  }

  // Sets the status from the meeting fact (if any) and emits, applying the
  // closure: an open obligation anchored before the stop day is missed when
  // due by then and otherwise not reported.
  void finish(Obligation o, const Fact* met) {
    if (met != nullptr) {
      o.met_by = static_cast<std::int32_t>(met->event);
      o.met_on = day(met->date);
      o.status = (!o.has_due || met->date <= o.due.days()) ? ObligationStatus::kMet
                                                           : ObligationStatus::kMetLate;
      out_.push_back(o);
      return;
    }
    // Only once and each rules have duties of the closure's own (anchored on
    // or after it); a recurring interval or a meeting to prepare ends there.
    const RuleKind kind = p_.rules[rule_].kind;
    const bool own_duty =
        o.anchor.days() >= stop_ && (kind == RuleKind::kOnce || kind == RuleKind::kEach);
    if (stop_ <= today_ && !own_duty) {
      if (!o.has_due || o.due.days() > stop_) return;
      o.status = ObligationStatus::kMissed;
      out_.push_back(o);
      return;
    }
    o.status = open_status(o);
    out_.push_back(o);
  }

  // For rules counted by meetings: the date agreed for the meeting that will
  // meet the obligation anchored at `anchor` (the anchor meeting's
  // next_meeting, or invitations sent since), or kNoDate.
  // `until`: the last day invitations count (for an interval a meeting
  // closed, the meeting's day: invitations sent after it are for the next).
  std::int32_t agreed_date(const Rule& r, const Fact* anchor_fact, std::int32_t anchor,
                           std::int32_t until) const {
    // A date agreed names the next meeting of a series (the review, the
    // panel): a rule also met by a meeting held between them (a mid point
    // meeting) waits for that one, and is not told the series' date.
    for (const EventMatcher& m : r.met_by) {
      if (m.type == meeting_type_ && (m.subtypes & between_kinds_) != 0) return kNoDate;
    }
    std::int32_t agreed = kNoDate;
    if (anchor_fact != nullptr && anchor_fact->type == meeting_type_)
      agreed = anchor_fact->ref_date;
    bool counts_cin = false;
    for (const EventMatcher& m : r.met_by) {
      if (m.type == meeting_type_ && (m.subtypes == 0 || (m.subtypes & cin_kinds_)))
        counts_cin = true;
    }
    if (counts_cin) {
      const auto invitations = s_.facts(invitations_type_);
      for (auto it = invitations.rbegin(); it != invitations.rend(); ++it) {
        if (it->date > until) continue;
        if (it->date < anchor) break;
        // Invitations recorded before the anchor meeting, on its day, were
        // for that meeting (held earlier than the date they named), not the
        // next one.
        if (anchor_fact != nullptr && anchor_fact->type == meeting_type_ &&
            it->date == anchor_fact->date && it->event < anchor_fact->event)
          continue;
        if (it->ref_date > anchor && !cancelled(*it, until)) {
          agreed = it->ref_date;
          break;
        }
      }
    }
    return agreed;
  }

  // Whether the meeting `invitations` were sent for was cancelled after
  // they were sent, by `until`: the date is no longer agreed.
  bool cancelled(const Fact& invitations, std::int32_t until) const {
    for (const Fact& c : s_.facts(cancelled_type_)) {
      if (c.date > until) break;
      if (c.ref_date == invitations.ref_date && c.event > invitations.event) return true;
    }
    return false;
  }

  bool met_by_meetings(const Rule& r) const {
    for (const EventMatcher& m : r.met_by) {
      if (m.type != meeting_type_) return false;
    }
    return true;
  }

  // Records when the open obligation of a meeting rule expects its meeting,
  // and makes an earlier agreed date its target.
  void schedule(const Rule& r, Obligation& o, const Fact* anchor_fact) {
    if (!met_by_meetings(r)) return;
    const std::int32_t agreed = agree(r, o, anchor_fact);
    scheduled_[rule_] = agreed != kNoDate ? agreed : (o.has_due ? o.due.days() : kUndated);
    opened_[rule_] = o.anchor.days();
  }

  // Makes the date agreed for the meeting the target when it is earlier than
  // the due date; returns the agreed date (or kNoDate).
  std::int32_t agree(const Rule& r, Obligation& o, const Fact* anchor_fact,
                     std::int32_t until = kNever) const {
    if (!met_by_meetings(r)) return kNoDate;
    const std::int32_t agreed =
        agreed_date(r, anchor_fact, o.anchor.days(), std::min(until, today_));
    if (agreed != kNoDate && o.has_due && agreed < o.due.days()) {
      o.has_target = true;
      o.target_agreed = true;
      o.target = day(agreed);
    } else if (agreed != kNoDate && o.has_due && agreed > o.due.days()) {
      o.agreed_after_due = true;  // the meeting was arranged for after its limit
      o.agreed = day(agreed);
    }
    return agreed;
  }

  void once(const Rule& r) {
    const Fact* anchor = first_match(s_, r.after, kNoDate, today_);
    if (anchor == nullptr) return;
    Obligation o = make(anchor->date, r.due_on(active_), r.target_on(active_));
    const Fact* met = first_match(s_, r.met_by, anchor->date, today_);
    if (met == nullptr) schedule(r, o, nullptr);
    finish(o, met);
  }

  void each(const Rule& r) {
    // Anchors in date order, merged across matchers: every one of them, so
    // that no unmet duty is dropped however long the history.
    FactList anchors;
    for (const EventMatcher& m : r.after) {
      for (const Fact& f : s_.facts(m.type)) {
        if (f.date > today_) break;
        if (matches(m, f)) anchors.push(&f);
      }
    }
    const std::size_t n = anchors.size();
    if (n == 0) return;
    if (r.after.size() > 1) {
      std::stable_sort(anchors.begin(), anchors.end(),
                       [](const Fact* a, const Fact* b) { return a->date < b->date; });
    }
    // Where each met_by matcher's facts dated on or after the anchor begin:
    // anchors come in date order, so these only move forward.
    std::array<const Fact*, 8> from{};
    const std::size_t cursors = std::min(r.met_by.size(), from.size());
    for (std::size_t k = 0; k < cursors; ++k) from[k] = s_.facts(r.met_by[k].type).data();
    for (std::size_t i = 0; i < n; ++i) {
      const std::int32_t a = anchors[i]->date;
      // A meeting is named by its date; an event about a meeting (IRO
      // recommendations, a significant plan change) by the meeting it names.
      const bool about_meeting =
          anchors[i]->type != meeting_type_ && anchors[i]->ref_date != kNoDate;
      const std::int32_t key = about_meeting ? anchors[i]->ref_date : a;
      const std::int32_t next = i + 1 < n ? anchors[i + 1]->date : kNever;
      const Fact* met = nullptr;
      for (std::size_t k = 0; k < r.met_by.size(); ++k) {
        const EventMatcher& m = r.met_by[k];
        const auto facts = s_.facts(m.type);
        const Fact* const end = facts.data() + facts.size();
        const Fact* fp = k < cursors ? from[k] : facts.data();
        while (fp != end && fp->date < a) ++fp;
        if (k < cursors) from[k] = fp;
        for (; fp != end; ++fp) {
          const Fact& f = *fp;
          if (f.date > today_) break;
          if (!matches(m, f)) continue;
          const bool named = f.ref_date == key;
          const bool in_window = f.ref_date == kNoDate && f.date < next;
          if ((named || in_window) && (met == nullptr || f.date < met->date)) {
            met = &f;
            break;
          }
        }
      }
      // A duty whose next anchor is itself of a type that meets it was taken
      // on by that next event (an escalation not resolved, escalated again:
      // the matter moved to the next level, where it is now open).
      if (met == nullptr && i + 1 < n) {
        for (const EventMatcher& m : r.met_by)
          if (m.type == anchors[i + 1]->type) met = anchors[i + 1];
      }
      if (met != nullptr && i + 1 < n) continue;  // history that was met is not reported
      finish(make(a, r.due_on(active_), r.target_on(active_)), met);
    }
  }

  // Every interval a later restart (a new decision, a new first meeting)
  // closed unmet: it stays on the record as missed. The interval in force
  // before a restart counts from the latest restart or meeting event before
  // it, by the timescale in force then.
  void missed_windows(const Rule& r, const Fact* start) {
    DateList restarts;
    for (const EventMatcher& m : r.after) {
      for (const Fact& f : s_.facts(m.type)) {
        if (f.date > today_) break;
        if (f.date > start->date && matches(m, f)) restarts.push(f.date);
      }
    }
    if (restarts.size() == 0) return;
    settle(restarts);
    std::int32_t previous = start->date;
    for (std::size_t k = 0; k < restarts.size(); ++k) {
      const std::int32_t at = restarts[k];
      const std::int32_t restarted = previous;
      previous = at;
      // A meeting event on the restart's own day met the interval.
      if (last_match(s_, r.met_by, at, at) != nullptr) continue;
      std::int32_t from = restarted;
      if (const Fact* met = last_match(s_, r.met_by, restarted, at - 1)) from = met->date;
      if (stop_ < at) return;  // closed before it: the closure says what was missed
      const PathwaySet then = r.overrides.empty() ? active_ : active_pathways(s_, day(at - 1));
      Obligation o = make(from, r.due_on(then), r.target_on(then));
      if (!o.has_due || o.due.days() >= at) continue;
      o.status = ObligationStatus::kMissed;
      out_.push_back(o);
    }
  }

  void recurring(const Rule& r) {
    const Fact* start = first_match(s_, r.after, kNoDate, today_);
    if (start == nullptr) return;
    missed_windows(r, start);
    // The latest two events that (re)start the interval, and whether the
    // latest was a meeting event (it then closed the previous interval).
    // Read from the latest back; ties go to the later matcher, as the
    // forward scan's >= gave.
    const Fact* last = start;
    const Fact* last_met = nullptr;
    std::int32_t before_last_met = start->date;
    for (const EventMatcher& m : r.after) {
      const Fact* f = latest(s_.facts(m.type), m, start->date, today_);
      if (f != nullptr && f->date >= last->date) last = f;
    }
    for (const EventMatcher& m : r.met_by) {
      const auto [f, g] = latest_two(s_.facts(m.type), m, start->date, today_);
      if (f != nullptr) {
        if (last_met == nullptr || f->date >= last_met->date) {
          if (last_met != nullptr) before_last_met = std::max(before_last_met, last_met->date);
          last_met = f;
        } else {
          before_last_met = std::max(before_last_met, f->date);
        }
      }
      if (g != nullptr) before_last_met = std::max(before_last_met, g->date);
    }
    const auto& due = r.due_on(active_);
    const auto& target = r.target_on(active_);
    if (last_met != nullptr && last_met->date >= last->date) {
      // The interval the latest meeting event closed: counted from the
      // latest restart before it.
      std::int32_t from = before_last_met;
      const Fact* from_fact = nullptr;
      for (const EventMatcher& m : r.after) {
        const Fact* f = latest(s_.facts(m.type), m, start->date, last_met->date - 1);
        if (f != nullptr && f->date >= from) {
          from = f->date;
          from_fact = f;
        }
      }
      if (last_met->event == last->event) from = std::min(from, last_met->date);
      if (from_fact == nullptr || from_fact->date != from)
        from_fact = previous_met(r, start->date, last_met);
      // The interval the meeting event closed is judged by the timescale in
      // force on the day it was met, not today's.
      const PathwaySet then =
          r.overrides.empty() ? active_ : active_pathways(s_, day(last_met->date));
      Obligation closed = make(from, r.due_on(then), r.target_on(then));
      agree(r, closed, from_fact, last_met->date);
      planned(r, closed, last_met->date);
      finish(closed, last_met);
      last = last_met;
    }
    if (const Fact* until = stopped(r)) {
      // The interval open when the rule ended stays on the record as missed
      // if it was already overdue then.
      if (last->date < until->date && last->event != until->event) {
        Obligation o = make(last->date, due, target);
        if (o.has_due && o.due.days() < until->date && until->date <= stop_) {
          o.status = ObligationStatus::kMissed;
          out_.push_back(o);
        }
      }
      return;
    }
    Obligation o = make(last->date, due, target);
    schedule(r, o, last);
    planned(r, o, today_);
    finish(o, nullptr);
  }

  // The `visit` rule of the common vocabulary aims at the visiting frequency
  // the plan agreed (plan_updated.visiting_frequency_days, from the latest
  // plan dated on or before `as_of` that sets one), when that comes sooner
  // than the procedure's own aim and limit: the procedure sets the longest
  // interval, the plan may set a shorter one. Not aimed at before the day
  // the plan agreed it.
  void planned(const Rule& r, Obligation& o, std::int32_t as_of) const {
    if (!o.has_due || r.id != "visit") return;
    const auto plans = s_.facts(types().plan);
    for (auto it = plans.rbegin(); it != plans.rend(); ++it) {
      if (it->date > as_of) continue;
      const int every = fact_number(*it);
      if (every == 0) continue;
      const std::int32_t aim = std::max(o.anchor.days() + every, it->date);
      if (aim < o.due.days() && (!o.has_target || aim < o.target.days())) {
        o.has_target = true;
        o.target_agreed = false;
        o.target_planned = true;
        o.planned_every = static_cast<std::uint16_t>(every);
        o.target = day(aim);
      }
      return;
    }
  }

  // The `until` event that ended the rule with no `resume` event since, or
  // null.
  const Fact* stopped(const Rule& r) const {
    if (r.until.empty()) return nullptr;
    const Fact* until = last_match(s_, r.until, kNoDate, today_);
    if (until == nullptr) return nullptr;
    if (r.resume.empty() || last_match(s_, r.resume, until->date + 1, today_) == nullptr)
      return until;
    return nullptr;
  }

  // The latest met_by fact before `met` (on or after `from`), or null.
  const Fact* previous_met(const Rule& r, std::int32_t from, const Fact* met) const {
    const Fact* best = nullptr;
    for (const EventMatcher& m : r.met_by) {
      const Fact* f = latest(s_.facts(m.type), m, from, met->date - 1);
      if (f != nullptr && (best == nullptr || f->date >= best->date)) best = f;
    }
    return best;
  }

  // The earliest event matching `ms` dated from `from` to `to`, where a
  // matcher with a `within` window counts only what is dated within that long
  // before `before` (the meeting or date the rule precedes); with no such day
  // (kNoDate: a meeting not yet dated), such a matcher counts nothing.
  const Fact* first_before(std::span<const EventMatcher> ms, std::int32_t from, std::int32_t to,
                           std::int32_t before) const {
    const Fact* best = nullptr;
    for (const EventMatcher& m : ms) {
      std::int32_t lo = from;
      if (m.within) {
        if (before == kNoDate) continue;
        lo = std::max(lo, add(before, *m.within, -1));
      }
      const Fact* f = first_match(s_, std::span<const EventMatcher>(&m, 1), lo, to);
      if (f != nullptr && (best == nullptr || f->date < best->date)) best = f;
    }
    return best;
  }

  // The meetings counted by the rules a before rule names: every one held
  // (a duty missed before any of them stays missed), and the date the next
  // is expected.
  void before_meeting(const Rule& r) {
    DateList held;
    std::int32_t first_anchor = kNever;  // when the first of those meetings fell due
    for (std::uint16_t ix : r.before_meeting) {
      const Rule& named = p_.rules[ix];
      for (const EventMatcher& m : named.met_by) {
        for (const Fact& f : s_.facts(m.type)) {
          if (f.date > today_) break;
          if (matches(m, f)) held.push(f.date);
        }
      }
      if (const Fact* a = first_match(s_, named.after, kNoDate, today_))
        first_anchor = std::min(first_anchor, a->date);
      if (named.before_date == DateAnchor::kSupervisionOrderEnd && so_set_ != kNoDate)
        first_anchor = std::min(first_anchor, so_set_);
    }
    settle(held);
    const auto& due = r.due_on(active_);
    const auto& target = r.target_on(active_);
    // One sweep through each matcher's facts: the meetings come in date order
    // and each one's window starts after the one before it.
    std::array<const Fact*, 8> cursor{};
    const std::size_t cursors = std::min(r.met_by.size(), cursor.size());
    for (std::size_t k = 0; k < cursors; ++k) cursor[k] = s_.facts(r.met_by[k].type).data();
    for (std::size_t j = 0; j < held.size(); ++j) {
      const std::int32_t meeting = held[j];
      const std::int32_t previous = j > 0 ? held[j - 1] : kNoDate;
      const std::int32_t arose =
          previous != kNoDate ? previous : (first_anchor <= meeting ? first_anchor : kNoDate);
      const Fact* met = nullptr;
      for (std::size_t k = 0; k < r.met_by.size(); ++k) {
        const EventMatcher& m = r.met_by[k];
        const auto facts = s_.facts(m.type);
        const Fact* const end = facts.data() + facts.size();
        const std::int32_t after = previous == kNoDate ? kNoDate : previous + 1;
        const Fact* f = k < cursors ? cursor[k] : facts.data();
        while (f != end && f->date < after) ++f;
        const Fact* g = f;
        // The window is worked out only when there is something in it.
        if (m.within && g != end && g->date <= meeting) {
          const std::int32_t lo = add(meeting, *m.within, -1);
          while (g != end && g->date < lo) ++g;
        }
        for (; g != end && g->date <= meeting; ++g) {
          if (matches(m, *g)) {
            if (met == nullptr || g->date < met->date) met = g;
            break;
          }
        }
        if (k < cursors) {
          while (f != end && f->date <= meeting) ++f;  // the next window starts after this meeting
          cursor[k] = f;
        }
      }
      if (met != nullptr && j + 1 < held.size()) continue;  // history that was met is not reported
      Obligation o = make(meeting, due, target, -1, arose);
      if (met == nullptr) {
        o.status = ObligationStatus::kMissed;
        out_.push_back(o);
      } else {
        finish(o, met);
      }
    }
    const std::int32_t last_held = held.size() > 0 ? held[held.size() - 1] : kNoDate;
    std::int32_t next = kNoDate;
    std::int32_t next_arose = kNoDate;
    std::int32_t undated_from = kNoDate;  // a meeting is due but has no date yet
    for (std::uint16_t ix : r.before_meeting) {
      if (scheduled_[ix] == kUndated) {
        undated_from = opened_[ix];
      } else if (scheduled_[ix] != kNoDate && (next == kNoDate || scheduled_[ix] < next)) {
        next = scheduled_[ix];
        next_arose = opened_[ix];
      }
    }
    const std::int32_t after_held = last_held == kNoDate ? kNoDate : last_held + 1;
    if (next == kNoDate && undated_from != kNoDate) {
      // The meeting has no timescale and no date yet: the duty before it is
      // open now, with no due date of its own. What counts only within a
      // window before the meeting cannot be judged until it has a date.
      finish(make(undated_from, std::nullopt, std::nullopt),
             first_before(r.met_by, after_held, today_, kNoDate));
      return;
    }
    if (next == kNoDate || next <= last_held) return;
    const Fact* met = first_before(r.met_by, after_held, std::min(next, today_), next);
    finish(make(next, due, target, -1, next_arose), met);
  }

  void before_order_end(const Rule& r) {
    if (so_end_ == kNoDate) return;
    Obligation o = make(so_end_, r.due_on(active_), r.target_on(active_), -1, so_set_);
    const Fact* met = first_before(r.met_by, so_set_, std::min(so_end_, today_), so_end_);
    if (met == nullptr && o.has_due) scheduled_[rule_] = o.due.days();
    opened_[rule_] = so_set_;
    if (met == nullptr && today_ > so_end_) {
      o.status = ObligationStatus::kMissed;
      out_.push_back(o);
      return;
    }
    const std::int32_t saved = stop_;
    stop_ = closed_;
    finish(o, met);
    stop_ = saved;
  }

  const Profile& p_;
  const CaseState& s_;
  const std::int32_t today_;
  std::vector<Obligation>& out_;
  EventTypeId meeting_type_ = 0;
  EventTypeId invitations_type_ = 0;
  EventTypeId cancelled_type_ = 0;
  std::uint64_t cin_kinds_ = 0;
  std::uint64_t between_kinds_ = 0;  // meetings held between a series' meetings
  EventMatcher closed_m_;
  std::int32_t closed_ = kNever;
  std::int32_t so_end_ = kNoDate;
  std::int32_t so_set_ = kNoDate;
  PathwaySet active_ = 0;
  std::uint16_t rule_ = 0;
  std::int32_t stop_ = kNever;
  // Per rule met by meetings: when its open obligation expects the meeting
  // (kUndated: expected, but the procedure gives no timescale and no date is
  // agreed), and the day that obligation counts from.
  static constexpr std::int32_t kUndated = kNoDate + 1;
  std::array<std::int32_t, 256> scheduled_;  // set for the profile's rules
  std::array<std::int32_t, 256> opened_;
};

}  // namespace

std::string_view to_string(ObligationStatus status) {
  switch (status) {
    case ObligationStatus::kUpcoming:
      return "upcoming";
    case ObligationStatus::kDueSoon:
      return "due_soon";
    case ObligationStatus::kTargetMissed:
      return "target_missed";
    case ObligationStatus::kOverdue:
      return "overdue";
    case ObligationStatus::kMet:
      return "met";
    case ObligationStatus::kMetLate:
      return "met_late";
    case ObligationStatus::kMissed:
      return "missed";
    case ObligationStatus::kOutstanding:
      return "outstanding";
  }
  return "upcoming";
}

PathwaySet active_pathways(const CaseState& state, Date today) {
  PathwaySet set = bit(Pathway::kStandard);
  const Fact* latest = nullptr;
  for (const Fact& f : state.facts(types().pathway)) {
    if (f.date > today.days()) break;
    latest = &f;
  }
  if (latest != nullptr && latest->subtype < 3)
    set = static_cast<PathwaySet>(1u << latest->subtype);
  auto orders = state.facts(types().order);
  if (!orders.empty() && orders.front().date <= today.days())
    set |= bit(Pathway::kSupervisionOrder);
  return set;
}

void evaluate_obligations(const Profile& profile, const CaseState& state, Date today,
                          std::vector<Obligation>& out) {
  Evaluator(profile, state, today, out).run();
}

std::vector<Obligation> obligations(const Profile& profile, const CaseState& state, Date today) {
  std::vector<Obligation> out;
  evaluate_obligations(profile, state, today, out);
  return out;
}

}  // namespace cinplan
