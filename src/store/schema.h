// The schema of the event log, as numbered migrations. Both backends have the
// same versions with the same meaning; only the SQL dialect differs. A
// migration is applied in one transaction together with its row in
// schema_migrations, at start-up (OpenOptions::migrate).
//
// Tables (DESIGN.md section 2, a trimmed Marten layout):
//   streams              id, kind, version, created, profile, header
//   events               seq (global), stream_id, version (per stream),
//                        type, payload, event_date, recorded_at, recorded_by
//   projection_progress  name, position, updated_at
//   projection_snapshots name, chunk, data
//   schema_migrations    version, description, applied_at
// UPDATE and DELETE on events are refused by triggers.
#pragma once

#include <span>
#include <string_view>

namespace cinplan::store {

struct Migration {
  int version = 0;               // 1, 2, 3 ...
  std::string_view description;  // the same text for both backends
  std::string_view sql;          // one or more statements
};

std::span<const Migration> sqlite_migrations();
std::span<const Migration> postgres_migrations();

// The newest version this build knows.
int latest_schema_version();

}  // namespace cinplan::store
