// Schema migrations for the SQLite store (schema.h, sqlite_schema.cc).
#include <string>

#include "store/schema.h"
#include "store/sqlite_store.h"

namespace cinplan::store::sqlite {
namespace {

Result<void> apply(Database& db, const Migration& migration) {
  auto applied = db.exec(migration.sql, Access::kWrite);
  if (!applied) return std::unexpected(applied.error());
  auto record = db.prepare(
      "INSERT INTO schema_migrations (version, description, applied_at) "
      "VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
      Access::kWrite);
  if (!record) return std::unexpected(record.error());
  record->bind(1, std::int64_t{migration.version});
  record->bind(2, migration.description);
  return db.run(*record, Access::kWrite);
}

}  // namespace

Error too_new(const Database& db, int version) {
  return Error::unavailable("the database at " + db.path() + " has schema version " +
                            std::to_string(version) + ", newer than this cinplan knows (" +
                            std::to_string(latest_schema_version()) +
                            "): use a newer cinplan; nothing was changed");
}

Result<int> read_schema_version(Database& db) {
  // One statement, so one read snapshot: another process migrating meanwhile
  // cannot make a new cinplan database look like some other program's
  // (tables present, schema_migrations not yet seen).
  auto tables = db.query_int(
      "SELECT CASE WHEN EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' "
      "AND name = 'schema_migrations') THEN -1 ELSE (SELECT count(*) FROM sqlite_master "
      "WHERE type = 'table' AND name NOT LIKE 'sqlite_%') END",
      Access::kRead);
  if (!tables) return std::unexpected(tables.error());
  if (*tables >= 0) {
    if (*tables > 0)
      return std::unexpected(Error::bad_input(
          "the file " + db.path() +
          " holds no cinplan database (it is a SQLite database of some other program); nothing "
          "was changed"));
    return 0;
  }
  auto version =
      db.query_int("SELECT coalesce(max(version), 0) FROM schema_migrations", Access::kRead);
  if (!version) return std::unexpected(version.error());
  return static_cast<int>(*version);
}

Result<void> migrate(Database& db, int target, std::mutex& write) {
  const auto migrations = sqlite_migrations();
  const int latest = latest_schema_version();
  auto current = read_schema_version(db);
  if (!current) return std::unexpected(current.error());
  if (*current > latest) return std::unexpected(too_new(db, *current));
  while (*current < target) {
    std::lock_guard lock(write);
    auto transaction = Transaction::begin(db, Access::kWrite);
    if (!transaction) return std::unexpected(transaction.error());
    // Another process may have migrated since the last look.
    current = read_schema_version(db);
    if (!current) return std::unexpected(current.error());
    if (*current > latest) return std::unexpected(too_new(db, *current));
    if (*current >= target) break;
    const Migration& next = migrations[static_cast<std::size_t>(*current)];
    auto applied = apply(db, next);
    if (!applied)
      return std::unexpected(applied.error().within("schema migration " +
                                                    std::to_string(next.version) + " (" +
                                                    std::string(next.description) + ")"));
    auto committed = transaction->commit();
    if (!committed) return std::unexpected(committed.error());
    *current = next.version;
  }
  return {};
}

}  // namespace cinplan::store::sqlite
