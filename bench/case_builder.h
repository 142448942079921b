// Building one synthetic case: its events, in the order of the history, and
// the case state fold() would make of them. Internal to bench/.
#pragma once

#include <cstddef>
#include <vector>

#include "bench/case_kinds.h"
#include "bench/caseload.h"

namespace cinplan::bench::detail {

struct CaseChild {
  std::int32_t date_of_birth = 0;
};

// Generates case `index` into `events`, in the order of the history: by date,
// then as made. Events after today are dropped.
CaseChild make_events(const CaseloadOptions& options, std::size_t index, std::vector<Ev>& events,
                      CaseloadStats& stats);

// The state fold() would make of `events`, built fact by fact.
CaseState to_state(const std::vector<Ev>& events);

}  // namespace cinplan::bench::detail
