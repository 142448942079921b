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

// v4: who people are (accounts.h): teams, staff accounts, sessions, grants to
// restricted cases, and the access log. The access log is append-only like
// the events; a grant is never deleted: a revoke marks it revoked, once, with
// who and when. Empty optional values are stored as '' (team and line manager
// as NULL, so that they can reference their rows).
constexpr std::string_view kV4 = R"sql(
CREATE TABLE teams (
  id      TEXT PRIMARY KEY NOT NULL,
  name    TEXT NOT NULL,
  demo    INTEGER NOT NULL CHECK (demo IN (0, 1)),
  created TEXT NOT NULL
);
CREATE TABLE accounts (
  username       TEXT PRIMARY KEY NOT NULL,
  display_name   TEXT NOT NULL,
  role           TEXT NOT NULL,
  team           TEXT REFERENCES teams (id),
  agency         TEXT NOT NULL,
  line_manager   TEXT REFERENCES accounts (username),
  password_hash  TEXT NOT NULL,
  disabled       INTEGER NOT NULL CHECK (disabled IN (0, 1)),
  demo           INTEGER NOT NULL CHECK (demo IN (0, 1)),
  failed_signins INTEGER NOT NULL CHECK (failed_signins >= 0),
  locked_until   TEXT NOT NULL,
  created        TEXT NOT NULL
);
CREATE TABLE sessions (
  id_digest  TEXT PRIMARY KEY NOT NULL,
  username   TEXT NOT NULL REFERENCES accounts (username),
  csrf_token TEXT NOT NULL,
  created    TEXT NOT NULL,
  last_seen  TEXT NOT NULL,
  address    TEXT NOT NULL
);
CREATE INDEX sessions_by_username ON sessions (username);
CREATE TABLE grants (
  id         INTEGER PRIMARY KEY,
  username   TEXT NOT NULL REFERENCES accounts (username),
  case_id    TEXT NOT NULL,
  granted_by TEXT NOT NULL,
  granted_at TEXT NOT NULL,
  reason     TEXT NOT NULL,
  revoked_by TEXT,
  revoked_at TEXT,
  CHECK ((revoked_by IS NULL) = (revoked_at IS NULL))
);
CREATE UNIQUE INDEX grants_in_force ON grants (username, case_id) WHERE revoked_at IS NULL;
CREATE INDEX grants_by_case ON grants (case_id);
CREATE TRIGGER grants_refuse_delete BEFORE DELETE ON grants
BEGIN
  SELECT RAISE(ABORT, 'grants are kept: a grant cannot be deleted; revoke it instead');
END;
CREATE TRIGGER grants_refuse_update BEFORE UPDATE ON grants
WHEN OLD.revoked_at IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.username IS NOT OLD.username
  OR NEW.case_id IS NOT OLD.case_id OR NEW.granted_by IS NOT OLD.granted_by
  OR NEW.granted_at IS NOT OLD.granted_at OR NEW.reason IS NOT OLD.reason
BEGIN
  SELECT RAISE(ABORT, 'grants are kept: a grant can only be revoked, once');
END;
CREATE TABLE access_log (
  seq      INTEGER PRIMARY KEY,
  at       TEXT NOT NULL,
  username TEXT NOT NULL,
  role     TEXT NOT NULL,
  case_id  TEXT NOT NULL,
  action   TEXT NOT NULL,
  allowed  INTEGER NOT NULL CHECK (allowed IN (0, 1)),
  address  TEXT NOT NULL,
  detail   TEXT NOT NULL
);
CREATE INDEX access_log_by_case ON access_log (case_id, seq);
CREATE INDEX access_log_by_username ON access_log (username, seq);
CREATE TRIGGER access_log_refuse_update BEFORE UPDATE ON access_log
BEGIN
  SELECT RAISE(ABORT, 'the access log is append-only: an entry cannot be changed');
END;
CREATE TRIGGER access_log_refuse_delete BEFORE DELETE ON access_log
BEGIN
  SELECT RAISE(ABORT, 'the access log is append-only: an entry cannot be deleted');
END;
)sql";

constexpr std::string_view kV5 = R"sql(
CREATE TABLE drafts (
  username TEXT NOT NULL REFERENCES accounts (username),
  form     TEXT NOT NULL,
  fields   TEXT NOT NULL,
  reason   TEXT NOT NULL CHECK (reason IN ('refused', 'session ended', 'conflict')),
  saved    TEXT NOT NULL,
  PRIMARY KEY (username, form)
);
)sql";

constexpr std::string_view kV6 = R"sql(
CREATE TABLE attachments (
  stream_id  TEXT NOT NULL REFERENCES streams (id),
  sha256     TEXT NOT NULL CHECK (length(sha256) = 64),
  media_type TEXT NOT NULL,
  size       INTEGER NOT NULL CHECK (size > 0),
  content    BLOB NOT NULL,
  stored_at  TEXT NOT NULL,
  PRIMARY KEY (stream_id, sha256),
  CHECK (length(content) = size)
);
CREATE TRIGGER attachments_refuse_update BEFORE UPDATE ON attachments
BEGIN
  SELECT RAISE(ABORT, 'attachments are kept as uploaded: one cannot be changed');
END;
CREATE TRIGGER attachments_refuse_delete BEFORE DELETE ON attachments
BEGIN
  SELECT RAISE(ABORT, 'attachments are kept as uploaded: one cannot be deleted');
END;
)sql";

constexpr std::array kMigrations = {
    Migration{1, "streams and events, append-only", kV1},
    Migration{2, "projection progress and snapshots", kV2},
    Migration{3, "gap-free stream versions enforced by the database", kV3},
    Migration{4, "teams, accounts, sessions, grants and the append-only access log", kV4},
    Migration{5, "drafts of the pages' forms", kV5},
    Migration{6, "attachments, kept with the events that add them", kV6},
};

}  // namespace

std::span<const Migration> sqlite_migrations() {
  return kMigrations;
}

}  // namespace cinplan::store
