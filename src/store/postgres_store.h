// The PostgreSQL event store (libpqxx 6.4). Several processes share one
// database: appends take their global sequence numbers from the one-row
// event_position table, whose row lock orders them by commit (schema v1 in
// postgres_schema.cc), and announce each commit with NOTIFY cinplan_events,
// '<last sequence>' so other processes' wait_for_events() wakes at once.
//
// One PostgresStore may be used from several threads: its calls on the main
// connection are serialised; wait_for_events() uses a second connection
// (opened on first use) and does not hold up the others. scan() reads in
// batches on a connection of its own (opened on first use), fetching the next
// batch while the callback works through the current one; the callback may
// call the store.
//
// open_postgres_store (event_store.h) is how it is made.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <pqxx/pqxx>
#include <string>

#include "store/event_store.h"

namespace cinplan::store::postgres {

// Where and how to connect, from a postgresql:// URL.
struct ConnectionTarget {
  std::string conninfo;  // libpq keyword=value string, with a connect timeout
  std::string redacted;  // the URL without its password, for messages
  std::string password;  // to scrub from any library message ("" when none)
  std::string database;  // the database name
  // Every connection runs in read-only transaction mode
  // (OpenOptions::read_only): connect() sets default_transaction_read_only.
  bool read_only = false;
};

// Parses a postgresql:// or postgres:// URL (kBadInput when libpq cannot).
Result<ConnectionTarget> parse_url(std::string_view url);

// Connects; kNotFound when the database does not exist, kUnavailable when the
// server cannot be reached or refuses the login. The message names the
// redacted URL. For a read-only target the session is put in read-only
// transaction mode before it is returned (and again after any reconnect).
Result<std::unique_ptr<pqxx::connection>> connect(const ConnectionTarget& target);

// A connection to the database of a URL, with where it goes.
struct Opened {
  ConnectionTarget target;
  std::unique_ptr<pqxx::connection> conn;
};

// Connects as open_postgres_store does: creating the database with
// OpenOptions::create, bringing its schema up to date as `options` say, or
// with OpenOptions::read_only in read-only transaction mode with nothing
// created or migrated. The event store and the account store
// (postgres_accounts.cc) each open their own connection this way.
Result<Opened> open_connection(std::string_view url, const OpenOptions& options);

// Turns the exception being handled (call inside a catch block) into an Error
// whose message says what was being done ("append to case C-1001"), why it
// failed in the server's words, and never contains the password.
Error current_error(const ConnectionTarget& target, std::string_view doing);

// Applies the migrations after the database's version up to `target_version`,
// each in its own transaction with its schema_migrations row, after taking a
// transaction-level advisory lock so concurrent openers apply each once. A
// database newer than this build knows is refused (kUnavailable).
Result<void> migrate(pqxx::connection& conn, const ConnectionTarget& target, int target_version,
                     bool apply);

// Registers the store's statements on a connection (each is prepared on the
// server at its first use).
void prepare_statements(pqxx::connection& conn);

// The statement scan() runs: $1 after, $2 limit.
inline constexpr const char* kScanStatement = "cinplan_scan";

// A bigint column's value.
std::int64_t to_int64(const pqxx::field& f);

// The database's schema version (0 before the first migration).
int read_schema_version(pqxx::transaction_base& tx);

class PostgresStore final : public EventStore {
 public:
  PostgresStore(ConnectionTarget target, std::unique_ptr<pqxx::connection> conn);
  ~PostgresStore() override;

  std::string_view backend() const override { return "postgresql"; }
  std::string describe() const override { return target_.redacted; }

  Result<AppendResult> append(const AppendRequest& request) override;
  Result<std::optional<StreamInfo>> find_stream(std::string_view id) override;
  Result<std::vector<StreamInfo>> list_streams() override;
  Result<std::vector<StoredEvent>> read_stream(std::string_view id) override;
  Result<std::optional<StoredFile>> read_file(std::string_view stream_id,
                                              std::string_view sha256) override;
  Result<std::int64_t> scan(std::int64_t after, const std::function<void(const ScanRow&)>& row,
                            std::size_t limit) override;
  Result<std::int64_t> head() override;
  Result<bool> wait_for_events(std::int64_t after, std::chrono::milliseconds timeout) override;
  Result<void> save_snapshot(std::string_view name, const Snapshot& snapshot) override;
  Result<std::optional<Snapshot>> load_snapshot(std::string_view name) override;
  Result<int> schema_version() override;
  Result<Durability> durability() override;
  bool read_only() const override { return target_.read_only; }

 private:
  class Listener;  // the LISTEN connection (postgres_notify.cc)

  Result<AppendResult> append_locked(const AppendRequest& request);
  // kUnavailable for a write to a read-only store: `doing` is what was
  // refused ("record case C-1").
  Error refused_write(std::string_view doing) const;
  // scan() on the main connection, one batch at a time: when the scan
  // connection is busy (a scan from a scan callback, or from another thread).
  Result<std::int64_t> scan_on_main(std::int64_t after,
                                    const std::function<void(const ScanRow&)>& row,
                                    std::size_t limit);

  ConnectionTarget target_;
  std::recursive_mutex mutex_;  // serialises use of conn_
  std::unique_ptr<pqxx::connection> conn_;
  std::mutex scan_mutex_;  // serialises use of scan_conn_
  std::unique_ptr<pqxx::connection> scan_conn_;
  std::mutex listen_mutex_;  // serialises use of listener_
  std::unique_ptr<Listener> listener_;
};

// The notification channel appends announce their last sequence on.
inline constexpr std::string_view kEventsChannel = "cinplan_events";

}  // namespace cinplan::store::postgres
