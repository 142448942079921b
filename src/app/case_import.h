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
#include <functional>
#include <string>
#include <string_view>

#include "app/clock.h"
#include "app/profile_catalog.h"
#include "core/casefile/case_history.h"
#include "core/error.h"
#include "store/event_store.h"

namespace cinplan::app {

struct ImportOptions {
  // The procedure profile the case runs under. Empty: the name of the file's
  // folder when a profile has that id (examples/bolton/x.json).
  std::string profile;
  // Who is importing; required, never empty.
  std::string recorded_by;
  // When each event (by its index in the history) was recorded, as a UTC
  // timestamp, when not at the time of the import: the demo's histories are
  // recorded over the months they cover. Null, or "": the import's time.
  std::function<std::string(const Event& event, std::size_t index)> recorded_at = {};
};

struct ImportedCase {
  std::string case_id;
  std::string profile;
  std::size_t events = 0;
  std::int64_t version = 0;  // the stream's version after the import
  // What the record shows that a worker should know, one line each (the
  // file is imported all the same: a record of what happened is never
  // refused for what it shows): events that break a rule of the procedure,
  // and events that repeat an earlier one exactly (counted once).
  std::vector<std::string> warnings;
};

// The profile for a case file: the one the file names ("profile"), else
// `requested`, else the file's folder name when it is a profile id in
// `catalog`; it must be in `catalog`. A file that names a profile other than
// `requested` is refused.
Result<std::string> profile_for_file(const ProfileCatalog& catalog,
                                     const std::filesystem::path& file, std::string_view requested,
                                     std::string_view named_in_file = {});

// The warnings ImportedCase lists, for a parsed case under `profile`.
std::vector<std::string> record_warnings(const Profile& profile, const CaseHistory& history);

// A case file read and checked, ready to append: what import_case does
// before it touches the store, so a command can check its files before it
// creates a database.
struct ParsedCase {
  std::filesystem::path file;
  CaseHistory history;
  std::string profile;
  std::vector<std::string> warnings;  // as ImportedCase::warnings
};
Result<ParsedCase> parse_case_file(const ProfileCatalog& catalog, std::string_view text,
                                   const std::filesystem::path& file, const ImportOptions& options);
// Appends a parsed case as a new stream, as import_case does.
Result<ImportedCase> import_parsed(store::EventStore& store, ParsedCase parsed,
                                   const ImportOptions& options, const Clock& clock);

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
