#include "bench/case_builder.h"

#include <algorithm>
#include <stdexcept>

#include "core/casefile/event_types.h"

namespace cinplan::bench::detail {
namespace {

// What fold() would make of each kind, looked up in the registry once.
class FactMap {
 public:
  FactMap() {
    for (std::size_t k = 0; k < kKindCount; ++k) {
      const KindSpec& ks = kKinds[k];
      const auto type = find_event_type(ks.type_id);
      if (!type)
        throw std::logic_error("generator names unknown event type " + std::string(ks.type_id));
      Entry& e = entries_[k];
      e.type = *type;
      const EventTypeSpec& spec = event_type(*type);
      e.subtype.fill(kNone);
      if (!ks.value_field.empty() && ks.value_field == spec.fact.subtype_field) {
        const FieldSpec* field = find_field(spec, spec.fact.subtype_field);
        for (std::size_t v = 0; v < ks.values.size(); ++v) {
          const int i = enum_index(*field, ks.values[v]);
          if (i < 0) throw std::logic_error("generator value not in registry");
          e.subtype[v] = static_cast<std::uint8_t>(i);
        }
      }
      e.ref_is_fact = !ks.ref_field.empty() && ks.ref_field == spec.fact.ref_date_field;
      e.flag.fill(-1);
      for (std::size_t b = 0; b < ks.bits.size(); ++b) {
        e.flag[b] = static_cast<std::int8_t>(flag_index(spec, ks.bits[b]));
      }
      // The generator never writes a visit's purpose: fold sets the flag of
      // a field left out.
      for (std::size_t b = 0; b < spec.fact.flags.size(); ++b) {
        const std::string_view flag = spec.fact.flags[b];
        if (flag.ends_with(std::string("=") + std::string(kNotRecorded)))
          e.unrecorded = static_cast<std::uint16_t>(e.unrecorded | (1u << b));
      }
    }
  }

  Fact fact(const Ev& ev, std::uint32_t index) const {
    const Entry& e = entries_[ev.kind];
    Fact f;
    f.date = ev.date;
    f.event = index;
    f.type = e.type;
    if (e.ref_is_fact) f.ref_date = ev.ref;
    if (ev.value != kNone) f.subtype = e.subtype[ev.value];
    f.flags = e.unrecorded;
    for (unsigned bits = ev.bits, b = 0; bits != 0; bits >>= 1, ++b) {
      if ((bits & 1u) != 0 && e.flag[b] >= 0) {
        f.flags = static_cast<std::uint16_t>(f.flags | (1u << e.flag[b]));
      }
    }
    return f;
  }

 private:
  struct Entry {
    EventTypeId type = 0;
    bool ref_is_fact = false;
    std::array<std::uint8_t, 16> subtype{};
    std::array<std::int8_t, 16> flag{};
    std::uint16_t unrecorded = 0;  // flags of fields the generator leaves out
  };
  std::array<Entry, kKindCount> entries_;
};

const FactMap& fact_map() {
  static const FactMap map;
  return map;
}

// --- randomness: splitmix64, so every platform makes the same caseload -------

class Rng {
 public:
  Rng(std::uint64_t seed, std::size_t index)
      : state_(seed ^ (static_cast<std::uint64_t>(index) * 0x9E3779B97F4A7C15ULL)) {
    next();
  }
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [lo, hi].
  int range(int lo, int hi) {
    const auto span = static_cast<std::uint64_t>(static_cast<std::int64_t>(hi) - lo + 1);
    return lo + static_cast<int>(((next() >> 32) * span) >> 32);
  }
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return unit() < p; }

 private:
  std::uint64_t state_;
};

// Monday = 0 (1970-01-01 was a Thursday).
int weekday(std::int32_t d) {
  return static_cast<int>(((d % 7) + 7 + 3) % 7);
}
std::int32_t workday_on_or_after(std::int32_t d) {
  const int w = weekday(d);
  return w == 5 ? d + 2 : w == 6 ? d + 1 : d;
}
std::int32_t workday_on_or_before(std::int32_t d) {
  const int w = weekday(d);
  return w == 5 ? d - 1 : w == 6 ? d - 2 : d;
}
std::int32_t plus_months(std::int32_t d, int months) {
  return add_months(Date::from_days(d), months).days();
}

// What the case-history document needs beyond the events.

// Makes the events of one case (in generation order, some after today).
class CaseBuilder {
 public:
  CaseBuilder(const CaseloadOptions& options, std::size_t index, std::vector<Ev>& events,
              CaseloadStats& stats)
      : rng_(options.seed, index), today_(options.today.days()), ev_(events), stats_(stats) {}

  CaseChild build();

 private:
  Ev& add(K kind, std::int32_t date) {
    Ev e;
    e.kind = kind;
    e.date = date;
    ev_.push_back(e);
    return ev_.back();
  }
  bool is_cin_meeting(MK kind) const {
    return kind == kInitial || kind == kReview || kind == kTransferIn || kind == kSoReview ||
           kind == kSoFinalReview;
  }
  void hold_meeting(std::int32_t m, MK kind, std::int32_t next, Outcome outcome);
  void invite(std::int32_t m);
  void supervision_order();
  void meetings();
  void milestones();
  void visits();
  void close_case();

  Rng rng_;
  std::int32_t today_;
  std::vector<Ev>& ev_;
  CaseloadStats& stats_;

  std::int32_t start_ = 0;  // plan_decided
  std::int32_t end_ = 0;    // last day anything happens: closure or today
  std::int32_t close_ = kNever;
  Reason reason_ = kReasonClose;
  std::uint8_t pathway_ = 0;  // 0 standard, 1 disability, 2 direct payments
  bool order_ = false;
  bool moved_in_ = false;
  int cadence_ = 91;  // days between CIN meetings
  double late_rate_ = 0.2;
  bool midpoints_ = false;
  std::int32_t order_made_ = kNoDate;
  std::int32_t order_end_ = kNoDate;  // the last end, extensions included
  std::int32_t last_meeting_ = kNoDate;
  std::uint16_t next_action_ = 1;
};

CaseChild CaseBuilder::build() {
  CaseChild out;
  const int age = rng_.range(0, 3 * 365 - 1);
  start_ = workday_on_or_before(today_ - age);
  const int days_open = today_ - start_;

  // Pathway and the case's character.
  const double p = rng_.unit();
  pathway_ = p < 0.12 ? 1 : p < 0.14 ? 2 : 0;
  order_ = pathway_ == 0 && rng_.chance(0.035);
  moved_in_ = rng_.chance(0.03);
  const bool stepped_down = !order_ && rng_.chance(0.08);
  const bool withdraws = rng_.chance(0.03);
  if (order_) {
    cadence_ = 91;
  } else if (pathway_ != 0) {
    cadence_ = rng_.chance(0.7) ? 182 : 91;
  } else {
    const double c = rng_.unit();
    cadence_ = c < 0.25 ? 42 : c < 0.75 ? 91 : c < 0.85 ? 122 : 182;
  }
  late_rate_ = 0.05 + 0.35 * rng_.unit();
  midpoints_ = cadence_ >= 91 && rng_.chance(0.3);
  out.date_of_birth = start_ - rng_.range(200, order_ ? 15 * 365 : 16 * 365);

  // Closure: 45% close 3 to 24 months after the plan starts (sooner in a case
  // younger than that, none in one younger than 3 months).
  if (rng_.chance(0.45)) {
    if (days_open >= 90) {
      const int after = rng_.range(90, std::min(730, days_open));
      close_ = workday_on_or_before(start_ + after);
      const double r = rng_.unit();
      reason_ = r < 0.40   ? kReasonStepDown
                : r < 0.72 ? kReasonClose
                : r < 0.84 ? kReasonStepUp
                : r < 0.87 ? kReasonLookedAfter
                : r < 0.92 ? kReasonMovedAway
                : r < 0.96 ? kReasonTransferredOut
                           : kReasonOther;
    }
  }

  // Start of the plan.
  add(kReferral, start_ - rng_.range(7, 60)).extra = static_cast<std::uint8_t>(rng_.range(0, 3));
  add(kAssessment, workday_on_or_before(start_ - rng_.range(0, 5))).bits = 1;
  add(kPlanDecided, start_).value = kFirstLineManager;
  {
    Ev& e = add(kAllocated, start_);
    e.value = rng_.chance(0.8) ? kSocialWorker : kAdvancedSocialWorker;
    e.extra = static_cast<std::uint8_t>(rng_.range(0, 7));
  }
  add(kConsent, start_ + rng_.range(0, 3)).bits = 1;
  if (stepped_down) add(kSteppedDown, start_ - rng_.range(0, 2)).value = rng_.chance(0.9) ? 0 : 1;
  if (pathway_ != 0) {
    if (rng_.chance(0.9)) {
      add(kPathway, start_).value = pathway_;
    } else {  // recognised later
      add(kPathway, start_).value = 0;
      add(kPathway, start_ + rng_.range(60, 400)).value = pathway_;
    }
  } else if (rng_.chance(0.05)) {
    add(kPathway, start_).value = 0;
    if (rng_.chance(0.2)) add(kPathway, start_ + rng_.range(60, 400)).value = 1;
  }
  if (moved_in_) {
    add(kMovedIn, start_ - rng_.range(3, 20));
    ++stats_.moved_in;
  }
  if (order_) supervision_order();

  // Consent withdrawn: discussed with a manager, often the end of the plan.
  if (withdraws && days_open > 45) {
    const std::int32_t w = start_ + rng_.range(30, std::min(days_open, 540));
    if (w < close_ && w <= today_) {
      add(kConsentWithdrawn, w);
      ++stats_.consent_withdrawn;
      if (rng_.chance(0.7)) add(kDiscussion, w + rng_.range(0, 10)).value = 0;
      if (rng_.chance(0.6)) {
        const std::int32_t c = workday_on_or_after(w + rng_.range(0, 30));
        if (c <= today_ && c < close_) {
          close_ = c;
          reason_ = kReasonConsentWithdrawn;
        }
      }
    }
  }
  end_ = std::min(close_, today_);

  meetings();
  milestones();
  visits();
  if (close_ <= today_) close_case();

  if (pathway_ == 1) ++stats_.disability;
  if (pathway_ == 2) ++stats_.direct_payments;
  return out;
}

void CaseBuilder::supervision_order() {
  order_made_ = workday_on_or_before(start_ - rng_.range(0, 30));
  const double u = rng_.unit();
  const int extensions = u < 0.7 ? 0 : u < 0.92 ? 1 : 2;
  auto end_after = [&](int years) { return plus_months(order_made_, 12 * years) - 1; };
  {
    Ev& e = add(kSupervisionOrder, order_made_);
    e.ref = end_after(1);
    e.bits = rng_.chance(0.4) ? 1 : 0;
  }
  bool extended = false;
  for (int k = 1; k <= extensions; ++k) {
    const std::int32_t on = workday_on_or_before(end_after(k) - rng_.range(14, 60));
    add(kSoDecided, std::max(order_made_, on - rng_.range(0, 10))).value = 1;  // extend
    add(kSoExtended, on).ref = end_after(k + 1);
    extended = extended || on <= today_;
  }
  order_end_ = end_after(1 + extensions);
  ++stats_.supervision_orders;
  if (extended) ++stats_.orders_extended;
  // Most cases close when the order ends; some continue as CIN plans.
  if (rng_.chance(0.6)) {
    const std::int32_t c = workday_on_or_after(order_end_ + rng_.range(0, 21));
    if (c < close_ && c <= today_) {
      close_ = c;
      reason_ = kReasonSoExpired;
    }
  }
}

void CaseBuilder::invite(std::int32_t m) {
  if (!rng_.chance(0.9)) return;
  Ev& e = add(kInvitations, workday_on_or_before(std::max(start_, m - rng_.range(5, 28))));
  e.ref = m;
  e.bits = rng_.chance(0.7) ? 1 : 0;
}

void CaseBuilder::hold_meeting(std::int32_t m, MK kind, std::int32_t next, Outcome outcome) {
  ++stats_.meetings;
  if (is_cin_meeting(kind) || kind == kMidpoint) invite(m);
  {
    Ev& e = add(kMeeting, m);
    e.value = kind;
    e.ref = next;
    e.extra = outcome;
    e.bits = rng_.chance(0.1) ? 1 : 0;
  }
  if (rng_.chance(0.5)) {
    Ev& e = add(kAttendance, m);
    e.ref = m;
    e.aux = static_cast<std::uint16_t>(rng_.range(0, 3));
  }
  if (rng_.chance(0.35)) {
    for (int i = rng_.range(1, 3); i > 0; --i) {
      Ev& e = add(kScaling, m);
      e.ref = m;
      e.aux = static_cast<std::uint16_t>(i - 1);
      e.extra = static_cast<std::uint8_t>(rng_.range(2, 9));
    }
  }
  if (!is_cin_meeting(kind)) {
    if (rng_.chance(0.6)) add(kMinutes, m + rng_.range(1, 14)).ref = m;
    return;
  }
  last_meeting_ = std::max(last_meeting_, m);
  if (rng_.chance(0.85)) {
    add(kMinutes, m + (rng_.chance(0.85) ? rng_.range(1, 10) : rng_.range(11, 40))).ref = m;
  }
  if (rng_.chance(0.8)) {
    add(kMeetingRecorded, m + (rng_.chance(0.85) ? rng_.range(0, 2) : rng_.range(3, 15))).ref = m;
  }
  if (rng_.chance(0.8)) {
    Ev& e = add(kPlanUpdated, m + rng_.range(0, 4));
    e.ref = m;
    e.bits = kind != kInitial && kind != kTransferIn && rng_.chance(0.15) ? 1 : 0;
  }
  if (rng_.chance(0.75)) add(kPlanCirculated, m + rng_.range(1, 10)).ref = m;
  if (rng_.chance(0.6)) {
    Ev& e = add(kPlanSigned, m + rng_.range(1, 14));
    e.value = 0;  // family
    e.ref = m;
  }
  if (rng_.chance(0.6)) {
    Ev& e = add(kPlanSigned, m + rng_.range(1, 14));
    e.value = 1;  // first-line manager
    e.ref = m;
  }
  const int new_actions = kind == kInitial || kind == kTransferIn ? rng_.range(2, 4)
                          : rng_.chance(0.4)                      ? 1
                                                                  : 0;
  if (kind == kInitial || kind == kTransferIn) {
    for (std::uint16_t o = 1; o <= 2; ++o) add(kOutcomeAgreed, m).aux = o;
  }
  for (int i = 0; i < new_actions; ++i) {
    Ev& e = add(kActionAgreed, m);
    const std::uint16_t id = next_action_++;
    e.aux = id;
    e.ref = m + rng_.range(28, 120);
    e.extra = static_cast<std::uint8_t>(rng_.range(0, 3));
    const std::int32_t done = e.ref + rng_.range(-14, 14);
    if (rng_.chance(0.7) && done <= end_) add(kActionCompleted, done).aux = id;
  }
  if (rng_.chance(0.25)) {
    add(kOversight, m + rng_.range(0, 7)).value =
        rng_.chance(0.8) ? kFirstLineManager : kServiceManager;
  }
  if (kind == kSoReview || kind == kSoFinalReview) {
    if (rng_.chance(0.85)) {
      Ev& e = add(kFormSent, m - rng_.range(3, 10));
      e.ref = m;
      e.value = 0;
    }
    if (kind == kSoFinalReview && rng_.chance(0.75)) {
      add(kSoAssessment, m - rng_.range(3, 14)).ref = m;
    }
    if (rng_.chance(0.5)) {
      const std::int32_t r = m + rng_.range(1, 7);
      add(kIroRecs, r).ref = m;
      if (rng_.chance(0.8)) {
        Ev& e = add(kIroResponse, r + rng_.range(1, 20));
        e.ref = m;
        e.bits = rng_.chance(0.85) ? 1 : 0;
        e.value = kFirstLineManager;
      }
    }
    if (kind == kSoFinalReview) {
      add(kSoDecided, m + rng_.range(0, 14)).value = rng_.chance(0.85) ? 0 : 2;
    }
  }
}

void CaseBuilder::meetings() {
  std::int32_t m =
      workday_on_or_after(start_ + (rng_.chance(0.85) ? rng_.range(7, 28) : rng_.range(29, 60)));
  MK kind = moved_in_ && rng_.chance(0.6) ? kTransferIn : kInitial;
  bool final_review_held = false;
  while (true) {
    if (m > end_) {
      // The next meeting is still to come: its invitations may be out.
      if (close_ > today_) invite(m);
      break;
    }
    const std::int32_t nominal = m + cadence_;
    const std::int32_t next = rng_.chance(0.8) ? nominal : kNoDate;
    hold_meeting(m, kind, next, kContinue);
    if (kind == kInitial && rng_.chance(0.4)) {
      const std::int32_t f = workday_on_or_after(m + rng_.range(1, 14));
      if (f <= end_) hold_meeting(f, kFamilyNetwork, kNoDate, kContinue);
    }
    if (midpoints_) {
      const std::int32_t mid = workday_on_or_after(m + cadence_ / 2 + rng_.range(-7, 7));
      if (mid <= end_) hold_meeting(mid, kMidpoint, kNoDate, kContinue);
    }
    std::int32_t d =
        rng_.chance(late_rate_) ? nominal + rng_.range(1, 45) : nominal - rng_.range(0, 14);
    m = workday_on_or_after(d);
    kind = kReview;
    if (order_ && m >= order_made_ && m <= order_end_) {
      if (!final_review_held && order_end_ - m <= 100) {
        kind = kSoFinalReview;
        final_review_held = true;
      } else {
        kind = kSoReview;
      }
    }
  }
}

void CaseBuilder::milestones() {
  if (pathway_ != 1 && rng_.chance(0.7)) {
    const std::int32_t d = workday_on_or_after(start_ + rng_.range(300, 380));
    if (d <= end_) {
      if (rng_.chance(0.5)) {
        hold_meeting(d, kPanel, kNoDate, kContinue);
      } else {
        const double r = rng_.unit();
        add(kPanelDecided, d).value = r < 0.7 ? kContinue : r < 0.9 ? kStepDownEarlyHelp : kClose;
      }
    }
  }
  if (rng_.chance(0.65)) {
    const std::int32_t d = workday_on_or_after(start_ + rng_.range(240, 290));
    if (d <= end_) {
      if (rng_.chance(0.8)) {
        const double r = rng_.unit();
        add(kSmDecided, d).value = r < 0.6 ? 0 : r < 0.85 ? 1 : r < 0.95 ? 2 : 3;
      } else {
        hold_meeting(d, kSmReview, kNoDate, kContinue);
      }
    }
  }
  if (rng_.chance(0.55)) {
    const std::int32_t d = workday_on_or_after(start_ + rng_.range(330, 400));
    if (d <= end_) hold_meeting(d, kTwelveMonthReview, kNoDate, kContinue);
  }
}

void CaseBuilder::visits() {
  // A per-case cadence of 1 to 7 weeks (most 2-4), longer on the disability
  // and direct-payments pathways.
  const double c = rng_.unit();
  int weeks = c < 0.05   ? 1
              : c < 0.25 ? 2
              : c < 0.50 ? 3
              : c < 0.80 ? 4
              : c < 0.90 ? 5
              : c < 0.97 ? 6
                         : 7;
  if (pathway_ != 0) weeks = std::min(7, weeks + 2);
  std::int32_t v = workday_on_or_after(start_ + rng_.range(0, 10));
  while (v <= end_) {
    ++stats_.visits;
    const bool seen = !rng_.chance(0.10);
    const double l = rng_.unit();
    const Location where = l < 0.6 ? kHome : l < 0.85 ? kSchool : l < 0.9 ? kOffice : kOther;
    Ev& e = add(kVisit, v);
    e.value = where;
    std::uint16_t bits = 0;
    if (seen) {
      bits |= kSeen;
      if (rng_.chance(0.6)) bits |= kAlone;
    }
    if (rng_.chance(0.5)) bits |= kAnnounced;
    if (seen && where == kHome && rng_.chance(0.35)) {
      if (rng_.chance(0.6)) {
        bits |= kBathroom | kKitchen | kBedroom;
      } else {
        if (rng_.chance(0.5)) bits |= kBathroom;
        if (rng_.chance(0.5)) bits |= kKitchen;
        if (rng_.chance(0.5)) bits |= kBedroom;
      }
      if (rng_.chance(0.5)) bits |= kLivingRoom;
      if (rng_.chance(0.2)) bits |= kGarden;
    }
    e.bits = bits;
    e.extra = static_cast<std::uint8_t>(rng_.range(0, 2));
    int gap = 0;
    if (!seen) {
      ++stats_.visits_not_seen;
      add(kCaseNote, v).extra = 0;
      gap = rng_.range(1, 10);
    } else {
      if (rng_.chance(0.3)) add(kCaseNote, v + rng_.range(0, 3)).extra = 1;
      gap = std::max(5, weeks * 7 + rng_.range(-7, 7));
      if (rng_.chance(0.08)) gap += rng_.range(7, 28);  // late
    }
    v = workday_on_or_after(v + gap);
  }
}

void CaseBuilder::close_case() {
  ++stats_.closed;
  bool at_meeting = false;
  if (close_ > last_meeting_ && reason_ != kReasonSoExpired && reason_ != kReasonMovedAway &&
      reason_ != kReasonTransferredOut && rng_.chance(0.6)) {
    const Outcome outcome = reason_ == kReasonStepDown      ? kStepDownEarlyHelp
                            : reason_ == kReasonStepUp      ? kStepUpCp
                            : reason_ == kReasonLookedAfter ? kLookedAfter
                                                            : kClose;
    hold_meeting(close_, kReview, kNoDate, outcome);
    at_meeting = true;
  }
  if (reason_ == kReasonStepUp) add(kSteppedUp, close_).value = 0;
  if (reason_ == kReasonLookedAfter) add(kSteppedUp, close_).value = 1;
  if (reason_ == kReasonTransferredOut) add(kTransferredOut, close_);
  Ev& e = add(kClosed, close_);
  e.value = reason_;
  e.extra = at_meeting ? 0 : rng_.chance(0.8) ? 1 : 2;
}

}  // namespace

CaseChild make_events(const CaseloadOptions& options, std::size_t index, std::vector<Ev>& events,
                      CaseloadStats& stats) {
  events.clear();
  CaseBuilder builder(options, index, events, stats);
  const CaseChild out = builder.build();
  const std::int32_t today = options.today.days();
  std::erase_if(events, [today](const Ev& e) { return e.date > today; });
  std::stable_sort(events.begin(), events.end(),
                   [](const Ev& a, const Ev& b) { return a.date < b.date; });
  return out;
}

CaseState to_state(const std::vector<Ev>& events) {
  const FactMap& map = fact_map();
  std::vector<Fact> facts;
  facts.reserve(events.size());
  for (std::size_t i = 0; i < events.size(); ++i) {
    facts.push_back(map.fact(events[i], static_cast<std::uint32_t>(i)));
  }
  return CaseState::from_facts(std::move(facts));
}

}  // namespace cinplan::bench::detail
