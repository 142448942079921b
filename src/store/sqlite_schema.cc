// The event log's schema for SQLite, as numbered migrations (schema.h). The
// versions and descriptions are the same for PostgreSQL (postgres_schema.cc).
// A migration, once released, never changes: a new change is a new version.
#include <array>

#include "store/schema.h"

namespace cinplan::store {
namespace {

// v1: the log itself. Events are append-only and streams are permanent: the
// only change a stream's row may see is its version moving on.
constexpr std::string_view kV1 = R"sql(
CREATE TABLE streams (
  id      TEXT PRIMARY KEY NOT NULL,
  kind    TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 0),
  created TEXT NOT NULL,
  profile TEXT NOT NULL,
  header  TEXT NOT NULL
);
CREATE TABLE events (
  seq         INTEGER PRIMARY KEY,
  stream_id   TEXT NOT NULL REFERENCES streams (id),
  version     INTEGER NOT NULL CHECK (version >= 1),
  type        TEXT NOT NULL,
  payload     TEXT NOT NULL,
  event_date  TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  UNIQUE (stream_id, version)
);
CREATE TABLE schema_migrations (
  version     INTEGER PRIMARY KEY NOT NULL,
  description TEXT NOT NULL,
  applied_at  TEXT NOT NULL
);
CREATE TRIGGER events_refuse_update BEFORE UPDATE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only: an event cannot be changed; record a correction instead');
END;
CREATE TRIGGER events_refuse_delete BEFORE DELETE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only: an event cannot be deleted');
END;
CREATE TRIGGER streams_refuse_delete BEFORE DELETE ON streams
BEGIN
  SELECT RAISE(ABORT, 'streams are permanent: a case stream cannot be deleted');
END;
CREATE TRIGGER streams_refuse_update BEFORE UPDATE OF id, kind, created, profile, header ON streams
BEGIN
  SELECT RAISE(ABORT, 'streams are permanent: only a stream''s version may change');
END;
)sql";

// v2: where each projection has got to, and its saved state in chunks.
constexpr std::string_view kV2 = R"sql(
CREATE TABLE projection_progress (
  name       TEXT PRIMARY KEY NOT NULL,
  position   INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE projection_snapshots (
  name  TEXT NOT NULL,
  chunk INTEGER NOT NULL,
  data  BLOB NOT NULL,
  PRIMARY KEY (name, chunk)
);
)sql";

// v3: a stream's versions are 1, 2, 3 ... with no gaps, whoever writes. The
// lookup uses the (stream_id, version) index.
constexpr std::string_view kV3 = R"sql(
CREATE TRIGGER events_gap_free BEFORE INSERT ON events
WHEN NEW.version <> 1 + coalesce(
  (SELECT max(version) FROM events WHERE stream_id = NEW.stream_id), 0)
BEGIN
  SELECT RAISE(ABORT, 'stream versions are gap-free: an event''s version must be one more than the stream''s last');
END;
)sql";

constexpr std::array kMigrations = {
    Migration{1, "streams and events, append-only", kV1},
    Migration{2, "projection progress and snapshots", kV2},
    Migration{3, "gap-free stream versions enforced by the database", kV3},
};

}  // namespace

std::span<const Migration> sqlite_migrations() {
  return kMigrations;
}

}  // namespace cinplan::store
