// Reading a case back out of the event log: the history reassembled from its
// stream (header and events, as case_import.h wrote them), the profile it
// runs under, and the case-history document of DESIGN.md section 9 in its
// canonical form, so that import then export gives the file back unchanged.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/casefile/case_history.h"
#include "core/error.h"
#include "store/event_store.h"

namespace cinplan::app {

struct StoredCase {
  CaseHistory history;
  std::string profile;       // the profile id recorded with the stream
  std::int64_t version = 0;  // the stream's version read
};

// The history a stream holds: its header with the events' payloads put back
// in the place of "events" (at the end when the header has no such field),
// checked as a file would be. kInternal when the stored text does not read
// back as a case history.
Result<CaseHistory> history_from_stream(const store::StreamInfo& stream,
                                        const std::vector<store::StoredEvent>& events);

// kNotFound "no case C-9 in sqlite:cases.db" when the store has no such case.
Result<StoredCase> load_case(store::EventStore& store, std::string_view case_id);

// The case as its canonical JSON text (to_canonical_json), naming the
// profile it runs under ("profile", after "case_id") so that it imports back
// without --profile; a file that named its profile comes back unchanged.
Result<std::string> export_case(store::EventStore& store, std::string_view case_id);

// Opens an existing database for the reading commands (export, obligations
// --db, caseload). Everything is read through a read-only store
// (store::OpenOptions::read_only), so nothing is ever created, migrated or
// converted: a missing database is kNotFound "no database at PATH (cinplan
// import --db URL FILE... creates one)", a file or database that holds no
// cinplan database is refused and left as it was, and one at an older schema
// version is kUnavailable saying how to upgrade it (cinplan migrate --db URL).
// append() and save_snapshot() are kUnavailable: the caseload's snapshot is
// kept up to date by the command that writes (import).
Result<std::unique_ptr<store::EventStore>> open_existing_store(std::string_view url);

}  // namespace cinplan::app
