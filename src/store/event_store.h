// The event log (DESIGN.md section 2): one append-only stream per case, each
// event numbered 1, 2, 3 ... within its stream and by a global sequence across
// streams. Two implementations share this contract and one schema
// (schema.h): SQLite, the embedded default, and PostgreSQL, where several
// processes share one database.
//
// Contract for every implementation:
// - append() is one transaction: all of the request's events are written, or
//   none are. A stream's version moves only from the version the writer read
//   (expected_version) to that plus the number of events; any other current
//   version is a kConflict naming the case and both versions.
// - When append() returns a value the events are durable (committed and
//   synced as the backend defines it).
// - Global sequence numbers are handed out in commit order, so a reader that
//   has seen every event up to N and later scans "after N" misses nothing.
// - The database itself refuses UPDATE and DELETE on events.
// - Errors are values: kConflict, kNotFound (no such database or stream),
//   kUnavailable (cannot reach, read-only, full), kBadInput (a malformed
//   URL or request), kInternal (an invariant of the log does not hold).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace cinplan::store {

// The kind of every case stream this version writes.
inline constexpr std::string_view kCaseStreamKind = "cin_case";

// An event as the log holds it.
struct StoredEvent {
  std::int64_t sequence = 0;  // global, increasing in commit order
  std::string stream_id;
  std::int64_t version = 0;  // 1, 2, 3 ... within the stream, no gaps
  std::string type;          // the registry id, e.g. "visit"
  std::string date;          // YYYY-MM-DD: the day it happened
  std::string payload;       // the event's JSON object as written (compact)
  std::string recorded_at;   // UTC, "2026-11-22T10:15:30.123Z"
  std::string recorded_by;   // who recorded it
};

// An event to append. The payload is the complete event object (with its
// "type" and "date"), already checked against the registry by the caller.
struct NewEvent {
  std::string type;
  std::string date;
  std::string payload;
};

// A stream's row. The header is the case document without its events (the
// case id, the child, and any other top-level fields as written), stored once
// when the stream is created and never changed.
struct StreamInfo {
  std::string id;
  std::string kind;
  std::int64_t version = 0;
  std::string created;  // UTC timestamp, as recorded_at
  std::string profile;  // the procedure profile id the case runs under
  std::string header;   // compact JSON object
};

struct NewStream {
  std::string kind = std::string(kCaseStreamKind);
  std::string profile;
  std::string header;
};

struct AppendRequest {
  std::string stream_id;
  // The version the writer read; 0 means the stream must not exist yet, and
  // then `create` must be set.
  std::int64_t expected_version = 0;
  std::optional<NewStream> create;
  std::vector<NewEvent> events;  // at least one: a stream is created with its first events
  std::string recorded_by;       // required, non-empty
  std::string recorded_at;       // required, UTC timestamp
};

struct AppendResult {
  std::int64_t version = 0;         // the stream's version after the append
  std::int64_t first_sequence = 0;  // 0 when no events were appended
  std::int64_t last_sequence = 0;
};

// A row of a global scan. The views are valid only during the callback.
struct ScanRow {
  std::int64_t sequence = 0;
  std::string_view stream_id;
  std::int64_t version = 0;
  std::string_view type;
  std::string_view date;
  std::string_view payload;
};

// A projection's saved state: the global position it covers and its bytes,
// in chunks (each at most a few megabytes) so neither backend holds one huge
// value.
struct Snapshot {
  std::int64_t position = 0;
  std::vector<std::string> chunks;
};

class EventStore {
 public:
  virtual ~EventStore() = default;

  // "sqlite" or "postgresql".
  virtual std::string_view backend() const = 0;
  // The URL with any password removed, for messages and logs.
  virtual std::string describe() const = 0;

  virtual Result<AppendResult> append(const AppendRequest& request) = 0;

  virtual Result<std::optional<StreamInfo>> find_stream(std::string_view id) = 0;
  // Every stream, ordered by id.
  virtual Result<std::vector<StreamInfo>> list_streams() = 0;
  // A stream's events in version order; kNotFound when there is no stream.
  virtual Result<std::vector<StoredEvent>> read_stream(std::string_view id) = 0;

  // Calls `row` for each event with sequence > after, in sequence order, at
  // most `limit` of them (0: no limit). Returns the last sequence passed to
  // `row`, or `after` when there were none.
  virtual Result<std::int64_t> scan(std::int64_t after,
                                    const std::function<void(const ScanRow&)>& row,
                                    std::size_t limit = 0) = 0;
  // The highest committed sequence (0 for an empty log).
  virtual Result<std::int64_t> head() = 0;

  // Waits until events after `after` may have been committed (by this or
  // another process) or `timeout` passes. True when the head moved.
  // PostgreSQL uses LISTEN/NOTIFY; SQLite polls.
  virtual Result<bool> wait_for_events(std::int64_t after, std::chrono::milliseconds timeout) = 0;

  // Replaces the named projection's snapshot and its row in
  // projection_progress, in one transaction.
  virtual Result<void> save_snapshot(std::string_view name, const Snapshot& snapshot) = 0;
  virtual Result<std::optional<Snapshot>> load_snapshot(std::string_view name) = 0;

  // The schema version the database is at (see schema.h).
  virtual Result<int> schema_version() = 0;
};

struct OpenOptions {
  // Create the database (SQLite file) when it does not exist. Import creates;
  // reading commands do not, and report kNotFound instead.
  bool create = false;
  // Run pending schema migrations. A database at a newer version than this
  // build knows is refused (kUnavailable).
  bool migrate = true;
  // Migrate only up to this schema version (0: the latest). For the
  // migration tests, which start from every earlier version.
  int migrate_to = 0;
};

// Opens "sqlite:PATH" or "postgresql://..." (also "postgres://...").
// SQLite URLs may add "?max_pages=N" (PRAGMA max_page_count), which tests
// use to make a database full.
Result<std::unique_ptr<EventStore>> open_store(std::string_view url,
                                               const OpenOptions& options = {});

// Backend constructors, for open_store.
Result<std::unique_ptr<EventStore>> open_sqlite_store(std::string_view url,
                                                      const OpenOptions& options);
Result<std::unique_ptr<EventStore>> open_postgres_store(std::string_view url,
                                                        const OpenOptions& options);

// The checks every backend makes before touching the database: ids, who and
// when, versions, stream details only for a new case, at least one event.
// kBadInput naming the case and what is missing.
Result<void> check_append_request(const AppendRequest& request);

// The URL with any password replaced by "***".
std::string redact_url(std::string_view url);

}  // namespace cinplan::store
