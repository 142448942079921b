// A deterministic generator of realistic synthetic Child in Need caseloads,
// for the benchmarks. It builds CaseState directly from Facts, exactly as
// fold() would condense the same events (type by find_event_type, subtype by
// the index of the value in the type's subtype field, flags in the order of
// the type's FactShape, ref_date from the type's reference date field), so a
// 400,000-case caseload takes seconds rather than the minutes that writing
// and parsing JSON would. The same case can be written out as a case-history
// JSON document (DESIGN.md section 9), and verify_against_fold() checks that
// parsing and folding that document gives the very facts the generator made.
//
// The shape of a caseload (all rates per case unless stated):
// - the plan starts (assessment_completed, plan_decided) on a weekday spread
//   evenly over the three years before `today`; a referral some weeks before;
//   worker allocation, consent; 8% follow a step down from child protection;
// - the first meeting 1-4 weeks after the plan starts (15% later), reviews at
//   a per-case cadence of 6 weeks to 6 months, some on time, some late (each
//   case has its own lateness rate); invitations, attendance, scaling, minutes,
//   recording, plan updated/circulated/signed around each meeting; outcomes
//   and actions; family network, midpoint, panel, service manager and
//   twelve-month reviews in some cases;
// - visits every 1-7 weeks (a per-case cadence with jitter, some late), ~10%
//   with the child not seen (and a prompt return visit), at home, school,
//   office or elsewhere, rooms seen on some home visits;
// - pathways: ~12% disability, ~2% direct payments (a few switch later),
//   ~3% supervision orders (one year, ~30% extended, reviewed three-monthly
//   by the IRO, with review forms, shared assessments, decisions and IRO
//   recommendations), ~3% transfers in (moved_in), ~3% consent withdrawn;
// - ~45% of cases close 3 to 24 months after the plan starts (within the
//   case's age; a case younger than 3 months stays open): ~43% are closed as
//   at `today`, at a review or by a manager, with step up or transfer events.
//
// Nothing is dated after `today`; every history passes parse_case_history
// (its cross-event checks included).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/calendar/date.h"
#include "core/casefile/case_state.h"
#include "core/error.h"

namespace cinplan::bench {

// 2025-10-01, a Wednesday.
Date default_today();

struct CaseloadOptions {
  std::uint64_t seed = 0xC1F1A2025ULL;
  std::size_t cases = 400'000;
  Date today = default_today();
};

struct CaseloadStats {
  std::size_t cases = 0;
  std::size_t facts = 0;
  std::size_t closed = 0;  // closed on or before today
  std::size_t disability = 0;
  std::size_t direct_payments = 0;
  std::size_t supervision_orders = 0;
  std::size_t orders_extended = 0;
  std::size_t moved_in = 0;
  std::size_t consent_withdrawn = 0;
  std::size_t meetings = 0;
  std::size_t visits = 0;
  std::size_t visits_not_seen = 0;

  void add(const CaseloadStats& other);
};

struct Caseload {
  Date today;
  std::vector<CaseState> cases;
  CaseloadStats stats;

  // Bytes held by the facts themselves (16 per event).
  std::size_t fact_bytes() const { return stats.facts * sizeof(Fact); }
  // Bytes of the CaseState objects and their fact buffers.
  std::size_t state_bytes() const;
};

// Case `index` of the caseload `options` describes (independent of
// options.cases: case 7 is the same case in a caseload of any size).
CaseState generate_case(const CaseloadOptions& options, std::size_t index,
                        CaseloadStats* stats = nullptr);

// The whole caseload. `threads` > 1 generates in parallel (the result is the
// same whatever the number of threads).
Caseload generate_caseload(const CaseloadOptions& options, unsigned threads = 1);

// Case `index` as a case-history JSON document (DESIGN.md section 9).
std::string case_history_json(const CaseloadOptions& options, std::size_t index);

// For cases 0 .. count-1: parse_case_history(case_history_json(...)) folded
// must equal generate_case(...) fact for fact. The error names the first case
// and fact that differ.
Result<void> verify_against_fold(const CaseloadOptions& options, std::size_t count);

}  // namespace cinplan::bench
