// The event log's schema for PostgreSQL, as numbered migrations (schema.h).
// The versions and descriptions are those of SQLite (sqlite_schema.cc); only
// the dialect differs. A migration, once released, never changes: a new
// change is a new version.
//
// Payloads and headers are `json`, not `jsonb`: json keeps the text exactly as
// written (export must give back the same bytes) while the database still
// refuses text that is not JSON.
#include <array>

#include "store/schema.h"

namespace cinplan::store {
namespace {

// v1: the log itself. Events are append-only and streams are permanent: the
// only change a stream's row may see is its version moving on. The database
// refuses the rest with triggers, whoever connects. The triggers on the rows
// every append updates (a stream's version, the position) fire only for a
// forbidden change (UPDATE OF other columns; WHEN), so appends do not pay
// for a trigger call.
//
// event_position holds the highest sequence handed out. append() takes the
// next sequences from it with UPDATE, whose row lock is held until commit: so
// appends hand out sequences one transaction after another, in commit order,
// and a reader that has seen everything up to N never finds a later commit
// below N (a sequence or identity column would not give that: numbers taken
// early may commit late).
constexpr std::string_view kV1 = R"sql(
CREATE TABLE streams (
  id      text PRIMARY KEY,
  kind    text NOT NULL,
  version bigint NOT NULL CHECK (version >= 0),
  created text NOT NULL,
  profile text NOT NULL,
  header  json NOT NULL
);
CREATE TABLE events (
  seq         bigint PRIMARY KEY CHECK (seq >= 1),
  stream_id   text NOT NULL REFERENCES streams (id),
  version     bigint NOT NULL CHECK (version >= 1),
  type        text NOT NULL,
  payload     json NOT NULL,
  event_date  text NOT NULL,
  recorded_at text NOT NULL,
  recorded_by text NOT NULL,
  UNIQUE (stream_id, version)
);
CREATE TABLE schema_migrations (
  version     integer PRIMARY KEY,
  description text NOT NULL,
  applied_at  text NOT NULL
);
CREATE TABLE event_position (
  id  boolean PRIMARY KEY DEFAULT true CHECK (id),
  seq bigint NOT NULL CHECK (seq >= 0)
);
INSERT INTO event_position (id, seq) VALUES (true, 0);

CREATE FUNCTION cinplan_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'events are append-only: an event cannot be changed; record a correction instead';
  END IF;
  RAISE EXCEPTION 'events are append-only: an event cannot be deleted';
END $$;
CREATE TRIGGER events_refuse_change BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION cinplan_events_refuse_change();
CREATE TRIGGER events_refuse_truncate BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION cinplan_events_refuse_change();

CREATE FUNCTION cinplan_streams_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'streams are permanent: only a stream''s version may change';
  END IF;
  RAISE EXCEPTION 'streams are permanent: a case stream cannot be deleted';
END $$;
CREATE TRIGGER streams_refuse_update BEFORE UPDATE OF id, kind, created, profile, header
  ON streams FOR EACH ROW EXECUTE FUNCTION cinplan_streams_refuse_change();
CREATE TRIGGER streams_refuse_delete BEFORE DELETE ON streams
  FOR EACH ROW EXECUTE FUNCTION cinplan_streams_refuse_change();
CREATE TRIGGER streams_refuse_truncate BEFORE TRUNCATE ON streams
  FOR EACH STATEMENT EXECUTE FUNCTION cinplan_streams_refuse_change();

CREATE FUNCTION cinplan_position_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the log''s position only moves forward';
END $$;
CREATE TRIGGER event_position_forward_only BEFORE UPDATE ON event_position
  FOR EACH ROW WHEN (NEW.seq < OLD.seq OR NEW.id IS DISTINCT FROM OLD.id)
  EXECUTE FUNCTION cinplan_position_refuse_change();
CREATE TRIGGER event_position_refuse_delete BEFORE DELETE ON event_position
  FOR EACH ROW EXECUTE FUNCTION cinplan_position_refuse_change();
CREATE TRIGGER event_position_refuse_truncate BEFORE TRUNCATE ON event_position
  FOR EACH STATEMENT EXECUTE FUNCTION cinplan_position_refuse_change();
)sql";

// v2: where each projection has got to, and its saved state in chunks.
constexpr std::string_view kV2 = R"sql(
CREATE TABLE projection_progress (
  name       text PRIMARY KEY,
  position   bigint NOT NULL,
  updated_at text NOT NULL
);
CREATE TABLE projection_snapshots (
  name  text NOT NULL,
  chunk integer NOT NULL,
  data  bytea NOT NULL,
  PRIMARY KEY (name, chunk)
);
)sql";

// v3: a stream's versions are 1, 2, 3 ... with no gaps, whoever writes. The
// lookup uses the (stream_id, version) index; rows inserted earlier by the
// same statement are visible to it, so a multi-event insert is checked too.
constexpr std::string_view kV3 = R"sql(
CREATE FUNCTION cinplan_events_gap_free() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last bigint;
BEGIN
  SELECT coalesce(max(version), 0) INTO last FROM events WHERE stream_id = NEW.stream_id;
  IF NEW.version <> last + 1 THEN
    RAISE EXCEPTION 'stream versions are gap-free: an event''s version must be one more than the stream''s last (case %: % after %)',
      NEW.stream_id, NEW.version, last;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER events_gap_free BEFORE INSERT ON events
  FOR EACH ROW EXECUTE FUNCTION cinplan_events_gap_free();
)sql";

// v4: who people are (accounts.h): teams, staff accounts, sessions, grants to
// restricted cases, and the access log. The access log is append-only like
// the events; a grant is never deleted: a revoke marks it revoked, once, with
// who and when. Empty optional values are stored as '' (team and line manager
// as NULL, so that they can reference their rows).
//
// access_position holds the highest access log sequence handed out, taken
// with UPDATE as event_position is (v1), so entries are numbered in commit
// order.
constexpr std::string_view kV4 = R"sql(
CREATE TABLE teams (
  id      text PRIMARY KEY,
  name    text NOT NULL,
  demo    boolean NOT NULL,
  created text NOT NULL
);
CREATE TABLE accounts (
  username       text PRIMARY KEY,
  display_name   text NOT NULL,
  role           text NOT NULL,
  team           text REFERENCES teams (id),
  agency         text NOT NULL,
  line_manager   text REFERENCES accounts (username),
  password_hash  text NOT NULL,
  disabled       boolean NOT NULL,
  demo           boolean NOT NULL,
  failed_signins integer NOT NULL CHECK (failed_signins >= 0),
  locked_until   text NOT NULL,
  created        text NOT NULL
);
CREATE TABLE sessions (
  id_digest  text PRIMARY KEY,
  username   text NOT NULL REFERENCES accounts (username),
  csrf_token text NOT NULL,
  created    text NOT NULL,
  last_seen  text NOT NULL,
  address    text NOT NULL
);
CREATE INDEX sessions_by_username ON sessions (username);
CREATE TABLE grants (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username   text NOT NULL REFERENCES accounts (username),
  case_id    text NOT NULL,
  granted_by text NOT NULL,
  granted_at text NOT NULL,
  reason     text NOT NULL,
  revoked_by text,
  revoked_at text,
  CHECK ((revoked_by IS NULL) = (revoked_at IS NULL))
);
CREATE UNIQUE INDEX grants_in_force ON grants (username, case_id) WHERE revoked_at IS NULL;
CREATE INDEX grants_by_case ON grants (case_id);

CREATE FUNCTION cinplan_grants_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'grants are kept: a grant can only be revoked, once';
  END IF;
  RAISE EXCEPTION 'grants are kept: a grant cannot be deleted; revoke it instead';
END $$;
CREATE TRIGGER grants_refuse_update BEFORE UPDATE ON grants
  FOR EACH ROW WHEN (OLD.revoked_at IS NOT NULL OR NEW.id IS DISTINCT FROM OLD.id
    OR NEW.username IS DISTINCT FROM OLD.username OR NEW.case_id IS DISTINCT FROM OLD.case_id
    OR NEW.granted_by IS DISTINCT FROM OLD.granted_by
    OR NEW.granted_at IS DISTINCT FROM OLD.granted_at OR NEW.reason IS DISTINCT FROM OLD.reason)
  EXECUTE FUNCTION cinplan_grants_refuse_change();
CREATE TRIGGER grants_refuse_delete BEFORE DELETE ON grants
  FOR EACH ROW EXECUTE FUNCTION cinplan_grants_refuse_change();
CREATE TRIGGER grants_refuse_truncate BEFORE TRUNCATE ON grants
  FOR EACH STATEMENT EXECUTE FUNCTION cinplan_grants_refuse_change();

CREATE TABLE access_log (
  seq      bigint PRIMARY KEY CHECK (seq >= 1),
  at       text NOT NULL,
  username text NOT NULL,
  role     text NOT NULL,
  case_id  text NOT NULL,
  action   text NOT NULL,
  allowed  boolean NOT NULL,
  address  text NOT NULL,
  detail   text NOT NULL
);
CREATE INDEX access_log_by_case ON access_log (case_id, seq);
CREATE INDEX access_log_by_username ON access_log (username, seq);
CREATE TABLE access_position (
  id  boolean PRIMARY KEY DEFAULT true CHECK (id),
  seq bigint NOT NULL CHECK (seq >= 0)
);
INSERT INTO access_position (id, seq) VALUES (true, 0);

CREATE FUNCTION cinplan_access_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'the access log is append-only: an entry cannot be changed';
  END IF;
  RAISE EXCEPTION 'the access log is append-only: an entry cannot be deleted';
END $$;
CREATE TRIGGER access_log_refuse_change BEFORE UPDATE OR DELETE ON access_log
  FOR EACH ROW EXECUTE FUNCTION cinplan_access_log_refuse_change();
CREATE TRIGGER access_log_refuse_truncate BEFORE TRUNCATE ON access_log
  FOR EACH STATEMENT EXECUTE FUNCTION cinplan_access_log_refuse_change();
CREATE TRIGGER access_position_forward_only BEFORE UPDATE ON access_position
  FOR EACH ROW WHEN (NEW.seq < OLD.seq OR NEW.id IS DISTINCT FROM OLD.id)
  EXECUTE FUNCTION cinplan_position_refuse_change();
CREATE TRIGGER access_position_refuse_delete BEFORE DELETE ON access_position
  FOR EACH ROW EXECUTE FUNCTION cinplan_position_refuse_change();
CREATE TRIGGER access_position_refuse_truncate BEFORE TRUNCATE ON access_position
  FOR EACH STATEMENT EXECUTE FUNCTION cinplan_position_refuse_change();
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
  size       BIGINT NOT NULL CHECK (size > 0),
  content    BYTEA NOT NULL,
  stored_at  TEXT NOT NULL,
  PRIMARY KEY (stream_id, sha256),
  CHECK (octet_length(content) = size)
);
CREATE FUNCTION cinplan_attachments_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'attachments are kept as uploaded: one cannot be changed or deleted';
END $$;
CREATE TRIGGER attachments_refuse_change BEFORE UPDATE OR DELETE ON attachments
  FOR EACH ROW EXECUTE FUNCTION cinplan_attachments_refuse_change();
CREATE TRIGGER attachments_refuse_truncate BEFORE TRUNCATE ON attachments
  FOR EACH STATEMENT EXECUTE FUNCTION cinplan_attachments_refuse_change();
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

std::span<const Migration> postgres_migrations() {
  return kMigrations;
}

}  // namespace cinplan::store
