// Connecting to PostgreSQL, translating its errors into plain words, and
// bringing the schema up to date (postgres_store.h).
#include <libpq-fe.h>

#include <charconv>
#include <string>

#include "store/postgres_store.h"
#include "store/schema.h"

namespace cinplan::store::postgres {
namespace {

// Seconds to wait for a server that does not answer, unless the URL says.
constexpr std::string_view kConnectTimeout = "10";

// The key of the transaction-level advisory lock migrations run under.
constexpr std::string_view kMigrationLockKey = "7165062843117068653";

// "YYYY-MM-DDTHH:MM:SS.mmmZ", as recorded_at, computed by the server.
constexpr std::string_view kNowUtc =
    R"(to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))";

// A keyword=value conninfo value, quoted for libpq.
std::string quote_conninfo(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  out += '\'';
  return out;
}

// One line of a library message: the first line of its first error, without
// the "ERROR:" or "FATAL:" label, with the password (if any) blanked.
std::string plain_reason(std::string_view what, const std::string& password) {
  std::string text(what);
  if (!password.empty()) {
    for (auto at = text.find(password); at != std::string::npos; at = text.find(password, at))
      text.replace(at, password.size(), "***");
  }
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\t' || c == '\r' || c == ' ') {
      // libpq puts each sentence on a line of its own: keep them sentences.
      if (c == '\n' && !out.empty() &&
          std::string_view(".:;,!?").find(out.back()) == std::string_view::npos)
        out += '.';
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  for (std::string_view label : {"ERROR: ", "FATAL: "}) {
    for (auto at = out.find(label); at != std::string::npos; at = out.find(label, at))
      out.erase(at, label.size());
  }
  // Server errors carry the query and DETAIL, HINT and CONTEXT lines after
  // the first; keep the first.
  for (std::string_view more : {" LINE ", " DETAIL: ", " HINT: ", " CONTEXT: ", " QUERY: "}) {
    if (const auto at = out.find(more); at != std::string::npos) out.resize(at);
  }
  if (!out.empty() && out.back() == '.') out.pop_back();
  return out;
}

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

// Creates the target's database through the maintenance database "postgres"
// with the same login. Nothing when it exists already (another opener won).
Result<void> create_database(const ConnectionTarget& target) {
  ConnectionTarget maintenance = target;
  maintenance.conninfo += " dbname='postgres'";
  auto conn = connect(maintenance);
  if (!conn) return std::unexpected(conn.error());
  try {
    pqxx::nontransaction tx(**conn);
    tx.exec("CREATE DATABASE " + tx.quote_name(target.database));
    return {};
  } catch (const pqxx::sql_error& e) {
    if (e.sqlstate() == "42P04") return {};  // duplicate_database
    return std::unexpected(Error::not_found(
        "there is no database \"" + target.database + "\" at " + target.redacted +
        ", and it could not be created: " + plain_reason(e.what(), target.password)));
  } catch (...) {
    return std::unexpected(current_error(maintenance, "create the database " + target.database));
  }
}

}  // namespace

Result<ConnectionTarget> parse_url(std::string_view url) {
  ConnectionTarget target;
  target.redacted = redact_url(url);
  const std::string text(url);
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(text.c_str(), &error);
  if (options == nullptr) {
    std::string reason = error != nullptr ? error : "out of memory";
    if (error != nullptr) PQfreemem(error);
    // libpq quotes the part it could not read, which may be a password.
    if (const auto quote = reason.find('"'); quote != std::string::npos) reason.resize(quote);
    return std::unexpected(Error::bad_input("database URL \"" + target.redacted +
                                            "\" is not understood: " + plain_reason(reason, {})));
  }
  bool has_timeout = false;
  bool has_name = false;
  std::string user;
  for (const PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
    if (o->val == nullptr) continue;
    const std::string_view keyword = o->keyword;
    if (keyword == "password") target.password = o->val;
    if (keyword == "dbname") target.database = o->val;
    if (keyword == "user") user = o->val;
    if (keyword == "connect_timeout") has_timeout = true;
    if (keyword == "application_name") has_name = true;
    if (!target.conninfo.empty()) target.conninfo += ' ';
    target.conninfo += std::string(keyword) + "=" + quote_conninfo(o->val);
  }
  PQconninfoFree(options);
  if (!has_timeout) target.conninfo += " connect_timeout=" + std::string(kConnectTimeout);
  if (!has_name) target.conninfo += " application_name='cinplan'";
  if (target.database.empty()) {
    // libpq's default: the database named after the user.
    if (user.empty()) {
      if (const char* env = std::getenv("PGDATABASE"))
        user = env;
      else if (const char* login = std::getenv("PGUSER"))
        user = login;
    }
    target.database = user;
  }
  return target;
}

Result<std::unique_ptr<pqxx::connection>> connect(const ConnectionTarget& target) {
  try {
    auto conn = std::make_unique<pqxx::connection>(target.conninfo);
    // libpqxx remembers the setting and sets it again on a reconnect.
    if (target.read_only) conn->set_variable("default_transaction_read_only", "on");
    return conn;
  } catch (const std::exception& e) {
    const std::string reason = plain_reason(e.what(), target.password);
    if (contains(reason, "database \"") && contains(reason, "does not exist"))
      return std::unexpected(Error::not_found("there is no database \"" + target.database +
                                              "\" at " + target.redacted + ": " + reason));
    return std::unexpected(
        Error::unavailable("cannot reach the database at " + target.redacted + ": " + reason));
  }
}

Error current_error(const ConnectionTarget& target, std::string_view doing) {
  const std::string& where = target.redacted;
  try {
    throw;
  } catch (const pqxx::in_doubt_error& e) {
    return Error::unavailable("the connection to the database at " + where +
                              " was lost while committing (" + std::string(doing) +
                              "): whether it was written is unknown; read it back before "
                              "trying again");
  } catch (const pqxx::broken_connection& e) {
    return Error::unavailable("lost the connection to the database at " + where + " (trying to " +
                              std::string(doing) + "): " + plain_reason(e.what(), target.password));
  } catch (const pqxx::sql_error& e) {
    const std::string& state = e.sqlstate();
    const std::string reason = plain_reason(e.what(), target.password);
    const std::string could_not = "the database at " + where + " could not " + std::string(doing);
    if (state == "23505" || state == "40001" || state == "40P01")
      return Error{ErrorCode::kConflict,
                   "could not " + std::string(doing) +
                       ": someone else changed it at the same moment; nothing was written, "
                       "read it again and retry (" +
                       reason + ")",
                   {}};
    if (state == "53100")
      return Error::unavailable("the database at " + where + " is full; " + std::string(doing) +
                                " was not done (" + reason + ")");
    if (state == "25006")
      return Error::unavailable("the database at " + where + " is read-only; " +
                                std::string(doing) + " was not done (" + reason + ")");
    if (state.starts_with("22"))  // data exception: a value the database cannot take
      return Error::bad_input("could not " + std::string(doing) +
                              ": the database refused a value (" + reason +
                              "); nothing was written");
    if (state == "3D000") return Error::not_found(could_not + ": " + reason);
    if (state == "42501")
      return Error::unavailable(could_not + ": this login is not allowed to (" + reason + ")");
    if (state.starts_with("08") || state.starts_with("53") || state.starts_with("57") ||
        state == "42P01")
      return Error::unavailable(could_not + ": " + reason);
    return Error{ErrorCode::kInternal, could_not + ": " + reason, {}};
  } catch (const std::exception& e) {
    return Error{ErrorCode::kInternal,
                 "the database at " + where + " could not " + std::string(doing) + ": " +
                     plain_reason(e.what(), target.password),
                 {}};
  }
}

int read_schema_version(pqxx::transaction_base& tx) {
  // A query on pg_class, not to_regclass(): after waiting for the migration
  // lock, to_regclass may still answer from this session's catalog cache and
  // miss a table another session has just committed.
  const auto exists = tx.exec(
      "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c "
      "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
      "WHERE c.relname = 'schema_migrations' AND n.nspname = ANY (current_schemas(false)))");
  if (!exists[0][0].as<bool>()) return 0;
  return tx.exec("SELECT coalesce(max(version), 0) FROM schema_migrations")[0][0].as<int>();
}

Result<void> migrate(pqxx::connection& conn, const ConnectionTarget& target, int target_version,
                     bool apply) {
  const auto migrations = postgres_migrations();
  const int latest = static_cast<int>(migrations.size());
  const auto too_new = [&](int version) {
    return std::unexpected(Error::unavailable(
        "the database at " + target.redacted + " is at schema version " + std::to_string(version) +
        ", newer than this cinplan knows (" + std::to_string(latest) + "): use a newer cinplan"));
  };
  try {
    int current = 0;
    {
      pqxx::nontransaction tx(conn);
      current = read_schema_version(tx);
    }
    if (current > latest) return too_new(current);
    if (!apply) return {};
    for (const Migration& m : migrations) {
      if (m.version <= current || m.version > target_version) continue;
      pqxx::work tx(conn);
      // Concurrent openers queue here; the one that comes second finds the
      // migration applied and leaves it.
      tx.exec("SELECT pg_advisory_xact_lock(" + std::string(kMigrationLockKey) + ")");
      current = read_schema_version(tx);
      if (current > latest) return too_new(current);
      if (current >= m.version) continue;
      if (current != m.version - 1)
        return std::unexpected(Error{ErrorCode::kInternal,
                                     "the database at " + target.redacted + " has schema version " +
                                         std::to_string(current) + " where " +
                                         std::to_string(m.version - 1) + " was expected",
                                     {}});
      tx.exec(std::string(m.sql));
      tx.exec_params(
          "INSERT INTO schema_migrations (version, description, applied_at) "
          "VALUES ($1, $2, " +
              std::string(kNowUtc) + ")",
          m.version, std::string(m.description));
      tx.commit();
      current = m.version;
    }
    return {};
  } catch (...) {
    return std::unexpected(current_error(target, "bring its schema up to date"));
  }
}

namespace {

// OpenOptions::read_only: every connection in read-only transaction mode,
// nothing created or migrated, the schema version checked.
Result<Opened> open_read_only(ConnectionTarget target) {
  target.read_only = true;
  auto conn = connect(target);
  if (!conn) return std::unexpected(conn.error());
  const int latest = static_cast<int>(postgres_migrations().size());
  int version = 0;
  try {
    pqxx::nontransaction tx(**conn);
    version = read_schema_version(tx);
  } catch (...) {
    return std::unexpected(current_error(target, "read its schema version"));
  }
  if (version == 0)
    return std::unexpected(Error::bad_input("the PostgreSQL database \"" + target.database +
                                            "\" at " + target.redacted +
                                            " holds no cinplan database (it has no cinplan "
                                            "tables); nothing was changed"));
  if (version > latest)
    return std::unexpected(Error::unavailable(
        "the database at " + target.redacted + " is at schema version " + std::to_string(version) +
        ", newer than this cinplan knows (" + std::to_string(latest) + "): use a newer cinplan"));
  return Opened{std::move(target), std::move(*conn)};
}

}  // namespace

Result<Opened> open_connection(std::string_view url, const OpenOptions& options) {
  auto target = parse_url(url);
  if (!target) return std::unexpected(target.error());
  const int latest = static_cast<int>(postgres_migrations().size());
  if (options.migrate_to < 0 || options.migrate_to > latest)
    return std::unexpected(Error::bad_input("schema version " + std::to_string(options.migrate_to) +
                                            " does not exist (this cinplan knows 1 to " +
                                            std::to_string(latest) + ")"));
  if (options.read_only) return open_read_only(std::move(*target));
  auto conn = connect(*target);
  if (!conn && conn.error().code == ErrorCode::kNotFound && options.create) {
    if (auto created = create_database(*target); !created) return std::unexpected(created.error());
    conn = connect(*target);
  }
  if (!conn) return std::unexpected(conn.error());
  try {
    // append() promises durable events whatever the server's default.
    (*conn)->set_variable("synchronous_commit", "on");
  } catch (...) {
    return std::unexpected(current_error(*target, "start a session"));
  }
  const int version = options.migrate_to == 0 ? latest : options.migrate_to;
  if (auto migrated = migrate(**conn, *target, version, options.migrate); !migrated)
    return std::unexpected(migrated.error());
  return Opened{std::move(*target), std::move(*conn)};
}

}  // namespace cinplan::store::postgres

namespace cinplan::store {

Result<std::unique_ptr<EventStore>> open_postgres_store(std::string_view url,
                                                        const OpenOptions& options) {
  auto opened = postgres::open_connection(url, options);
  if (!opened) return std::unexpected(opened.error());
  return std::make_unique<postgres::PostgresStore>(std::move(opened->target),
                                                   std::move(opened->conn));
}

}  // namespace cinplan::store
