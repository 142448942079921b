// Importing case-history files (DESIGN.md section 9) into the event log: each
// file becomes a new case stream in one append, all or nothing.
//
// The stream's header is the case document without its events, as parsed
// (compact JSON, top-level fields in the order written, with "events": null
// keeping the list's place), and each event's payload is its object as
// written (compact), so export (case_export.h) gives the document back
// exactly in its canonical form.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "app/clock.h"
#include "app/profile_catalog.h"
#include "core/error.h"
#include "store/event_store.h"

namespace cinplan::app {

struct ImportOptions {
  // The procedure profile the case runs under. Empty: the name of the file's
  // folder when a profile has that id (examples/bolton/x.json).
  std::string profile;
  // Who is importing; required, never empty.
  std::string recorded_by;
};

struct ImportedCase {
  std::string case_id;
  std::string profile;
  std::size_t events = 0;
  std::int64_t version = 0;  // the stream's version after the import
};

// The profile for a case file: `requested` when given, else the file's
// folder name when it is a profile id in `catalog`; it must be in `catalog`.
Result<std::string> profile_for_file(const ProfileCatalog& catalog,
                                     const std::filesystem::path& file, std::string_view requested);

// Parses `text`, the contents of the case file `file`, and appends it as a
// new stream (expected version 0) stamped with options.recorded_by and the
// clock's time. Nothing is written on any error, and every error message
// starts with the file's name: bad input (JSON, event types, dates; naming
// the event), an unknown profile, kConflict when the case is already in the
// store, or the store's own error.
Result<ImportedCase> import_case(store::EventStore& store, const ProfileCatalog& catalog,
                                 std::string_view text, const std::filesystem::path& file,
                                 const ImportOptions& options, const Clock& clock);

// Reads `file` and imports it as import_case does.
Result<ImportedCase> import_file(store::EventStore& store, const ProfileCatalog& catalog,
                                 const std::filesystem::path& file, const ImportOptions& options,
                                 const Clock& clock);

}  // namespace cinplan::app
