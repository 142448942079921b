// cinplan census export: the CIN census return of a collection year, written
// from the event log. Each case becomes a child as the census reads it
// (app/census_child.h), keeping what falls in the year; a case with no
// episode open in the year is left out. Written a case at a time, so memory
// does not grow with the authority's size.
#pragma once

#include <ostream>
#include <string>

#include "core/error.h"
#include "store/event_store.h"

namespace cinplan::census {

struct ExportOptions {
  int year = 0;         // the collection year: the return's reference date is 31 March of it
  std::string la;       // the authority's three-digit number (LEA)
  std::string made_at;  // when the return was made, UTC (YYYY-MM-DDTHH:MM:SS)
  std::string release;  // cinplan's version
};

struct ExportSummary {
  std::size_t cases = 0;     // cases read
  std::size_t children = 0;  // children in the return
};

// kBadInput for a year or authority number that is not one; errors reading
// the store are returned as they are (what was written is then incomplete:
// the caller writes to a file it renames only on success).
Result<ExportSummary> export_census(store::EventStore& store, const ExportOptions& options,
                                    std::ostream& out);

}  // namespace cinplan::census
