// Who people are (DESIGN.md section 12): staff accounts, teams, sessions,
// grants to restricted cases, and the access log, in tables beside the event
// log of the same database (same migrations, same two backends).
//
// Contract for every implementation:
// - Each call is one transaction; a call that fails changed nothing.
// - The access log is append-only: the database itself refuses UPDATE and
//   DELETE on it, as it does on events. Entries get increasing sequence
//   numbers in commit order.
// - Session ids are never stored: only their digest (id_digest), so a copy
//   of the database does not let anyone sign in as someone else.
// - Errors are values: kConflict (a username or team that exists),
//   kNotFound (no such account, team, session or grant), kUnavailable
//   (cannot reach or write the database), kBadInput (a malformed value).
// - Timestamps are UTC text as recorded_at: "2026-11-22T10:15:30.123Z", so
//   they compare as text.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "store/event_store.h"

namespace cinplan::store {

struct Team {
  std::string id;    // stable, e.g. "locality-north"
  std::string name;  // as people read it, e.g. "Locality Team North"
  bool demo = false;
};

struct Account {
  std::string username;      // stable, lower case, e.g. "alex.morgan"
  std::string display_name;  // "Alex Morgan": the name events record
  std::string role;          // a role id of the registry (role_values())
  std::string team;          // a team id, or empty
  std::string agency;        // a partner professional's agency, else empty
  std::string line_manager;  // username of their line manager, or empty
  std::string password_hash;  // argon2id string (crypto_pwhash_str)
  bool disabled = false;
  bool demo = false;           // made by `cinplan demo`
  int failed_signins = 0;      // since the last successful sign-in
  std::string locked_until;    // empty: not locked
  std::string created;
};

struct Session {
  std::string id_digest;  // digest of the session id the cookie carries
  std::string username;
  std::string csrf_token;
  std::string created;    // for the absolute timeout
  std::string last_seen;  // for the idle timeout
  std::string address;    // the client address at sign-in
};

struct Grant {
  std::string username;
  std::string case_id;
  std::string granted_by;
  std::string granted_at;
  std::string reason;
};

// One line of the access log: a read or write of a child's record (or a
// search, a sign-in, an account change), allowed or refused.
struct AccessEntry {
  std::int64_t sequence = 0;  // set by the store
  std::string at;             // UTC timestamp
  std::string username;       // empty for an unknown caller (a failed sign-in)
  std::string role;
  std::string case_id;  // empty when no case is concerned
  std::string action;   // the permission table's key, e.g. "visit.record"
  bool allowed = false;
  std::string address;  // the client address
  std::string detail;   // why refused, the search terms' kind, the version written ...
};

struct AccessQuery {
  std::string case_id;   // empty: any
  std::string username;  // empty: any
  std::string since;     // UTC timestamp or date; empty: from the start
  std::size_t limit = 0;  // 0: no limit
};

class AccountStore {
 public:
  virtual ~AccountStore() = default;

  virtual Result<void> add_team(const Team& team) = 0;
  virtual Result<std::vector<Team>> list_teams() = 0;

  virtual Result<void> add_account(const Account& account) = 0;
  virtual Result<std::optional<Account>> find_account(std::string_view username) = 0;
  // Ordered by username.
  virtual Result<std::vector<Account>> list_accounts() = 0;
  // Replaces the hash and clears failed sign-ins and any lock.
  virtual Result<void> set_password(std::string_view username, std::string_view hash) = 0;
  virtual Result<void> set_disabled(std::string_view username, bool disabled) = 0;
  // Counts a failed sign-in; sets locked_until (may be empty: not locked).
  virtual Result<void> record_failed_signin(std::string_view username,
                                            std::string_view locked_until) = 0;
  // Clears failed sign-ins and the lock.
  virtual Result<void> record_signin(std::string_view username) = 0;

  virtual Result<void> add_grant(const Grant& grant) = 0;
  // kNotFound when the user holds no grant to the case.
  virtual Result<void> revoke_grant(std::string_view username, std::string_view case_id) = 0;
  // Grants in force; empty arguments match any.
  virtual Result<std::vector<Grant>> list_grants(std::string_view username = {},
                                                 std::string_view case_id = {}) = 0;

  virtual Result<void> add_session(const Session& session) = 0;
  virtual Result<std::optional<Session>> find_session(std::string_view id_digest) = 0;
  virtual Result<void> touch_session(std::string_view id_digest, std::string_view last_seen) = 0;
  virtual Result<void> delete_session(std::string_view id_digest) = 0;
  // Signs a user out everywhere (disabled, password reset).
  virtual Result<void> delete_sessions_of(std::string_view username) = 0;
  // Removes sessions last seen before `idle_before` or created before
  // `created_before`; returns how many.
  virtual Result<std::size_t> expire_sessions(std::string_view idle_before,
                                              std::string_view created_before) = 0;

  // Appends the entries in one transaction, in order.
  virtual Result<void> append_access(std::span<const AccessEntry> entries) = 0;
  // In sequence order.
  virtual Result<std::vector<AccessEntry>> read_access(const AccessQuery& query) = 0;

  // Whether the database holds anything `cinplan demo` did not make: an
  // account or team not marked demo, or a case stream whose header does not
  // hold "demo": true. An empty database holds nothing.
  virtual Result<bool> holds_non_demo_data() = 0;
};

// Opens the account tables of the database at `url` ("sqlite:PATH" or
// "postgresql://..."), with the same options and migrations as open_store:
// the tables are created by the schema migrations of schema.h.
Result<std::unique_ptr<AccountStore>> open_account_store(std::string_view url,
                                                         const OpenOptions& options = {});

}  // namespace cinplan::store
