#include "core/obligations/obligations.h"

#include <algorithm>
#include <array>

#include "core/obligations/matching.h"

namespace cinplan {
namespace {

constexpr std::int32_t kNever = std::numeric_limits<std::int32_t>::max();

// The registry ids the engine names, looked up once (find_event_type compares
// strings; doing it for every case cost about 5% of a scan).
struct Types {
  EventTypeId meeting, invitations, closed, order, order_extended, pathway;
  std::uint64_t cin_kinds;
};
const Types& types() {
  static const Types t = [] {
    Types x{};
    x.meeting = *find_event_type("meeting");
    x.invitations = *find_event_type("invitations_sent");
    x.closed = *find_event_type("closed");
    x.order = *find_event_type("supervision_order");
    x.order_extended = *find_event_type("supervision_order_extended");
    x.pathway = *find_event_type("pathway");
    const FieldSpec* kind = find_field(event_type(x.meeting), "kind");
    x.cin_kinds = (std::uint64_t{1} << enum_index(*kind, "initial")) |
                  (std::uint64_t{1} << enum_index(*kind, "review")) |
                  (std::uint64_t{1} << enum_index(*kind, "transfer_in"));
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

class Evaluator {
 public:
  Evaluator(const Profile& p, const CaseState& s, Date today, std::vector<Obligation>& out)
      : p_(p), s_(s), today_(today.days()), out_(out) {
    const Types& t = types();
    meeting_type_ = t.meeting;
    invitations_type_ = t.invitations;
    cin_kinds_ = t.cin_kinds;
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
    if (o.due.days() - today_ <= p_.due_soon_days) return ObligationStatus::kDueSoon;
    return ObligationStatus::kUpcoming;
  }

  Obligation make(std::int32_t anchor, const std::optional<Duration>& due,
                  const std::optional<Duration>& target, int sign = +1) const {
    Obligation o;
    o.rule = rule_;
    o.anchor = day(anchor);
    if (due) {
      o.has_due = true;
      o.due = day(add(anchor, *due, sign));
    }
    if (target) {
      o.has_target = true;
      o.target = day(add(anchor, *target, sign));
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
  std::int32_t agreed_date(const Rule& r, const Fact* anchor_fact, std::int32_t anchor) const {
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
        if (it->date > today_) continue;
        if (it->date < anchor) break;
        if (it->ref_date > anchor) {
          agreed = it->ref_date;
          break;
        }
      }
    }
    return agreed;
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
  std::int32_t agree(const Rule& r, Obligation& o, const Fact* anchor_fact) const {
    if (!met_by_meetings(r)) return kNoDate;
    const std::int32_t agreed = agreed_date(r, anchor_fact, o.anchor.days());
    if (agreed != kNoDate && o.has_due && agreed < o.due.days()) {
      o.has_target = true;
      o.target = day(agreed);
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
    // Anchors in date order, merged across matchers.
    // At most the latest 256 anchors are kept (a case with more meetings
    // than that is decades old); the first n are set.
    std::array<const Fact*, 256> anchors;
    std::size_t n = 0;
    bool overflowed = false;
    for (const EventMatcher& m : r.after) {
      for (const Fact& f : s_.facts(m.type)) {
        if (f.date > today_) break;
        if (!matches(m, f)) continue;
        if (n < anchors.size()) {
          anchors[n++] = &f;
          continue;
        }
        overflowed = true;
        auto earliest =
            std::min_element(anchors.begin(), anchors.end(),
                             [](const Fact* a, const Fact* b) { return a->date < b->date; });
        if ((*earliest)->date <= f.date) *earliest = &f;
      }
    }
    if (n == 0) return;
    if (r.after.size() > 1 || overflowed) {
      std::sort(anchors.begin(), anchors.begin() + static_cast<std::ptrdiff_t>(n),
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
      if (met != nullptr && i + 1 < n) continue;  // history that was met is not reported
      finish(make(a, r.due_on(active_), r.target_on(active_)), met);
    }
  }

  void recurring(const Rule& r) {
    const Fact* start = first_match(s_, r.after, kNoDate, today_);
    if (start == nullptr) return;
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
      agree(r, closed, from_fact);
      finish(closed, last_met);
      last = last_met;
    }
    if (stopped(r)) return;
    Obligation o = make(last->date, due, target);
    schedule(r, o, last);
    finish(o, nullptr);
  }

  // Whether an `until` event ended the rule with no `resume` event since.
  bool stopped(const Rule& r) const {
    if (r.until.empty()) return false;
    const Fact* until = last_match(s_, r.until, kNoDate, today_);
    if (until == nullptr) return false;
    return r.resume.empty() || last_match(s_, r.resume, until->date + 1, today_) == nullptr;
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

  // The meetings counted by the rules a before rule names: the latest held
  // (and the one before it), and the date the next is expected.
  void before_meeting(const Rule& r) {
    std::int32_t held = kNoDate, previous = kNoDate;
    for (std::uint16_t ix : r.before_meeting) {
      for (const EventMatcher& m : p_.rules[ix].met_by) {
        // This matcher's latest two distinct dates are all the merge needs.
        const Fact* f = latest(s_.facts(m.type), m, kNoDate, today_);
        if (f == nullptr) continue;
        const Fact* g = latest(s_.facts(m.type), m, kNoDate, f->date - 1);
        for (const std::int32_t d : {f->date, g != nullptr ? g->date : kNoDate}) {
          if (d == kNoDate) continue;
          if (d > held) {
            previous = held;
            held = d;
          } else if (d < held && d > previous) {
            previous = d;
          }
        }
      }
    }
    const auto& due = r.due_on(active_);
    const auto& target = r.target_on(active_);
    if (held != kNoDate) {
      const Fact* met =
          first_match(s_, r.met_by, previous == kNoDate ? kNoDate : previous + 1, held);
      Obligation o = make(held, due, target, -1);
      if (met == nullptr) {
        o.status = ObligationStatus::kMissed;
        out_.push_back(o);
      } else {
        finish(o, met);
      }
    }
    std::int32_t next = kNoDate;
    std::int32_t undated_from = kNoDate;  // a meeting is due but has no date yet
    for (std::uint16_t ix : r.before_meeting) {
      if (scheduled_[ix] == kUndated) {
        undated_from = opened_[ix];
      } else if (scheduled_[ix] != kNoDate && (next == kNoDate || scheduled_[ix] < next)) {
        next = scheduled_[ix];
      }
    }
    if (next == kNoDate && undated_from != kNoDate) {
      // The meeting has no timescale and no date yet: the duty before it is
      // open now, with no due date of its own.
      finish(make(undated_from, std::nullopt, std::nullopt),
             first_match(s_, r.met_by, held == kNoDate ? kNoDate : held + 1, today_));
      return;
    }
    if (next == kNoDate || next <= held) return;
    const Fact* met =
        first_match(s_, r.met_by, held == kNoDate ? kNoDate : held + 1, std::min(next, today_));
    finish(make(next, due, target, -1), met);
  }

  void before_order_end(const Rule& r) {
    if (so_end_ == kNoDate) return;
    Obligation o = make(so_end_, r.due_on(active_), r.target_on(active_), -1);
    const Fact* met = first_match(s_, r.met_by, so_set_, std::min(so_end_, today_));
    if (met == nullptr && o.has_due) scheduled_[rule_] = o.due.days();
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
  std::uint64_t cin_kinds_ = 0;
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
