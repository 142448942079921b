// Whether a fact is one a profile's event matcher names.
#pragma once

#include "core/casefile/case_state.h"
#include "core/procedure/profile.h"

namespace cinplan {

// The caller has already selected facts of m.type (or checks it first).
inline bool matches(const EventMatcher& m, const Fact& f) {
  if (m.subtypes != 0 && (f.subtype >= 64 || ((m.subtypes >> f.subtype) & 1u) == 0)) return false;
  return (f.flags & m.flags_mask) == m.flags_value;
}

}  // namespace cinplan
