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
// - Stream ids are case ids (core/casefile/case_id.h): an id that could not
//   be one is kBadInput, in the same words on every backend, before the
//   database is asked.
// - A store opened read-only (OpenOptions::read_only) changes nothing in the
//   database: append() and save_snapshot() are kUnavailable.
// - Errors are values: kConflict, kNotFound (no such database or stream),
//   kUnavailable (cannot reach, read-only, full), kBadInput (a malformed
//   URL or request), kInternal (an invariant of the log does not hold).
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
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
  // When it was recorded, when not the request's recorded_at: a demo's
  // history, recorded over the months it covers. Empty: the request's.
  std::string recorded_at = {};
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

// A file written with an append (an attachment: a partner's report, a court
// order, a signed plan scanned in), in the same transaction as its events.
// It is kept under its stream and its SHA-256, and never changed or removed.
struct NewFile {
  std::string sha256;      // 64 lower-case hex digits: the SHA-256 of `content`
  std::string media_type;  // e.g. "application/pdf"
  std::string content;     // the bytes
};

// A file as the store holds it.
struct StoredFile {
  std::string sha256;
  std::string media_type;
  std::string content;
  std::string stored_at;  // UTC, as StoredEvent::recorded_at
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
  // Files the events refer to; a stream holds a file once (the same bytes
  // again are kInternal: the caller checks the case first).
  std::vector<NewFile> files = {};
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
  std::string_view recorded_at = {};  // UTC, as StoredEvent::recorded_at
  std::string_view recorded_by = {};
};

// A projection's saved state: the global position it covers and its bytes,
// in chunks (each at most a few megabytes) so neither backend holds one huge
// value.
struct Snapshot {
  std::int64_t position = 0;
  std::vector<std::string> chunks;
};

// The settings that make an acknowledged append durable, as the store's own
// connection reports them (read back from the database, not what the code
// asked for): each setting's name and value in the database's own words, in
// lower case.
//   SQLite      journal_mode=wal, synchronous=full (a commit is synced to the
//               WAL file before it returns)
//   PostgreSQL  fsync=on, synchronous_commit=on (a commit is flushed to the
//               server's WAL on disk before it returns)
struct Durability {
  std::map<std::string, std::string> settings;
  // "name=value, name=value", in name order.
  std::string describe() const;
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

  // The file kept under the stream with that SHA-256, or none.
  virtual Result<std::optional<StoredFile>> read_file(std::string_view stream_id,
                                                      std::string_view sha256) = 0;

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

  // The durability settings in force on the connection append() writes
  // through (see Durability).
  virtual Result<Durability> durability() = 0;

  // Whether the store was opened with OpenOptions::read_only.
  virtual bool read_only() const = 0;
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
  // Open for reading only, changing nothing: `create`, `migrate` and
  // `migrate_to` are then ignored. The database must exist (kNotFound) and
  // hold a cinplan schema of a version this build knows: a file or database
  // without one (an empty file, a text file, another program's database) is
  // kBadInput "... holds no cinplan database ..." and a newer one
  // kUnavailable; an older one opens (schema_version() says which; callers
  // that read more than that refuse it). append() and save_snapshot() are
  // kUnavailable.
  //   SQLite: the file is opened with SQLITE_OPEN_READONLY and its journal
  //   mode is never switched. Whether it is a cinplan database is first
  //   looked at with the file opened immutable (URI parameter immutable=1),
  //   which makes no -wal or -shm file, so what is refused is left exactly as
  //   it was. A reader of a WAL database otherwise needs the -shm index SQLite
  //   makes beside it: when this process cannot write the file and there is
  //   no -wal file (no writer has it open, nothing waits to be checkpointed),
  //   the immutable connection is kept and nothing is ever made beside the
  //   file; else SQLite shares the -wal and -shm with any writer, as every
  //   reader does (sqlite_read_only.cc says why).
  //   PostgreSQL: every connection of the store runs in read-only
  //   transaction mode (default_transaction_read_only); nothing is created
  //   or migrated.
  bool read_only = false;
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

// The checks every backend makes before touching the database: the case id
// (check_case_id), who and when, versions, stream details only for a new
// case, at least one event, each file's key, type and content. kBadInput
// naming the case and what is missing.
Result<void> check_append_request(const AppendRequest& request);

// Whether `text` is a SHA-256 as files are keyed: 64 lower-case hex digits.
bool is_sha256_hex(std::string_view text);

// The files of a "sqlite:PATH" database: PATH and its PATH-wal, PATH-shm and
// PATH-journal, whether or not they exist now. Empty for other URLs (a
// PostgreSQL database has no files of its own here).
std::vector<std::filesystem::path> database_files(std::string_view url);

// What migrate_existing_store did: the schema version the database was at
// and the one it is at now (the same when it was up to date).
struct SchemaUpgrade {
  int from = 0;
  int to = 0;
};

// Brings an existing cinplan database up to this build's schema version
// (cinplan migrate). It is first opened read-only, so a database that is not
// there (kNotFound), a file or database that holds no cinplan database
// (kBadInput) and a newer one (kUnavailable) are refused untouched; only a
// cinplan database at an older version is then opened for writing and
// migrated.
Result<SchemaUpgrade> migrate_existing_store(std::string_view url);

// The URL with any password replaced by "***".
std::string redact_url(std::string_view url);

}  // namespace cinplan::store
