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
//   they compare as text. A timestamp the caller leaves empty where one is
//   required (Account::created, Grant::granted_at, AccessEntry::at) is the
//   database's clock at the write.
// - Values are checked before the database is asked (check_account and the
//   others below), in the same words on every backend.
// - A store opened read-only (OpenOptions::read_only) refuses every write
//   with kUnavailable and changes nothing.
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
  std::string username;       // stable, lower case, e.g. "alex.morgan"
  std::string display_name;   // "Alex Morgan": the name events record
  std::string role;           // a role id of the registry (role_values())
  std::string team;           // a team id, or empty
  std::string agency;         // a partner professional's agency, else empty
  std::string line_manager;   // username of their line manager, or empty
  std::string password_hash;  // argon2id string (crypto_pwhash_str)
  bool disabled = false;
  bool demo = false;         // made by `cinplan demo`
  int failed_signins = 0;    // since the last successful sign-in
  std::string locked_until;  // empty: not locked
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

// What someone typed into a page's form and has not yet recorded (nothing
// typed is lost: a form refused, a session ended or a conflict keeps it).
// One per person and form; the next replaces it.
struct Draft {
  std::string username;
  std::string form;    // the form's address, e.g. "/cases/C-1/visit"
  std::string fields;  // what was typed: a JSON object of field name to text
  std::string reason;  // why it was kept: "refused", "session ended" or "conflict"
  std::string saved;   // UTC timestamp; empty: the database's clock
};

struct AccessQuery {
  std::string case_id;    // empty: any
  std::string username;   // empty: any
  std::string since;      // UTC timestamp or date (YYYY-MM-DD); entries at or after it
  std::size_t limit = 0;  // at most this many, the earliest first; 0: no limit
};

class AccountStore {
 public:
  virtual ~AccountStore() = default;

  // kConflict when the team id is taken.
  virtual Result<void> add_team(const Team& team) = 0;
  // Ordered by id.
  virtual Result<std::vector<Team>> list_teams() = 0;

  // kConflict when the username is taken; kNotFound naming the team or line
  // manager when there is no such team or account.
  virtual Result<void> add_account(const Account& account) = 0;
  // Nothing when there is no such account (or the name could not be one).
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

  // kNotFound when there is no such account or case; kConflict when the user
  // already holds a grant to the case.
  virtual Result<void> add_grant(const Grant& grant) = 0;
  // Marks the grant revoked by `revoked_by` (who did it, required) at
  // `revoked_at` (empty: now); the row is kept. kNotFound when the user holds
  // no grant to the case.
  virtual Result<void> revoke_grant(std::string_view username, std::string_view case_id,
                                    std::string_view revoked_by,
                                    std::string_view revoked_at = {}) = 0;
  // Grants in force; empty arguments match any.
  virtual Result<std::vector<Grant>> list_grants(std::string_view username = {},
                                                 std::string_view case_id = {}) = 0;

  // kNotFound when there is no such account; kConflict when the digest is
  // taken.
  virtual Result<void> add_session(const Session& session) = 0;
  virtual Result<std::optional<Session>> find_session(std::string_view id_digest) = 0;
  // Both kNotFound when there is no such session.
  virtual Result<void> touch_session(std::string_view id_digest, std::string_view last_seen) = 0;
  virtual Result<void> delete_session(std::string_view id_digest) = 0;
  // Signs a user out everywhere (disabled, password reset). kNotFound when
  // there is no such account; none signed in is fine.
  virtual Result<void> delete_sessions_of(std::string_view username) = 0;
  // Removes sessions last seen before `idle_before` or created before
  // `created_before` (an empty bound removes none); returns how many.
  virtual Result<std::size_t> expire_sessions(std::string_view idle_before,
                                              std::string_view created_before) = 0;

  // How far an append of the access log has gone when it returns.
  //   kSynced     on the disk: it survives a power cut.
  //   kCommitted  committed, so a crash of cinplan loses nothing and every
  //               reader sees it; it reaches the disk with the next synced
  //               write or sync_access() (on PostgreSQL, within a second by
  //               itself), so an operating-system crash or a power cut may
  //               lose it. AuditLog (app/audit_log.h) bounds that to a second.
  enum class Durability { kSynced, kCommitted };
  // Appends the entries in one transaction, in order.
  virtual Result<void> append_access(std::span<const AccessEntry> entries,
                                     Durability durability = Durability::kSynced) = 0;
  // Puts every committed access-log entry on the disk.
  virtual Result<void> sync_access() = 0;
  // In sequence order.
  virtual Result<std::vector<AccessEntry>> read_access(const AccessQuery& query) = 0;

  // Drafts: kept (replacing the person's draft of the same form), found,
  // and let go (no error when there is none). kNotFound when the account
  // does not exist.
  virtual Result<void> save_draft(const Draft& draft) = 0;
  virtual Result<std::optional<Draft>> find_draft(std::string_view username,
                                                  std::string_view form) = 0;
  virtual Result<void> delete_draft(std::string_view username, std::string_view form) = 0;

  // Whether the database holds anything `cinplan demo` did not make: an
  // account or team not marked demo, or a case stream whose header does not
  // hold "demo": true. An empty database holds nothing.
  virtual Result<bool> holds_non_demo_data() = 0;
};

// Opens the account tables of the database at `url` ("sqlite:PATH" or
// "postgresql://..."), with the same options and migrations as open_store:
// the tables are created by the schema migrations of schema.h. The store has
// its own connection (beside any EventStore's on the same database). A
// database whose schema is older than the one that made the tables
// (kAccountsSchemaVersion) is kUnavailable, saying to run cinplan migrate.
Result<std::unique_ptr<AccountStore>> open_account_store(std::string_view url,
                                                         const OpenOptions& options = {});

// Backend constructors, for open_account_store.
Result<std::unique_ptr<AccountStore>> open_sqlite_account_store(std::string_view url,
                                                                const OpenOptions& options);
Result<std::unique_ptr<AccountStore>> open_postgres_account_store(std::string_view url,
                                                                  const OpenOptions& options);

// The schema version the account tables need (4 made them, 5 added drafts).
inline constexpr int kAccountsSchemaVersion = 5;

// The checks every backend makes before the database is asked; kBadInput
// naming the field and what is wrong with it.
//   usernames: 1 to 64 of a-z, 0-9 and . _ - @, starting with a letter or digit
//   team ids:  1 to 64 of a-z, 0-9 and . _ -, starting with a letter or digit
//   names, agencies, reasons: not empty (agency: see below), at most 200
//              characters (reasons 1000), no control characters
//   role:      a role id of the registry (role_values()); a
//              partner_professional has an agency and no one else has one
//   password_hash: an argon2id string ("$argon2id$...")
//   timestamps: UTC as recorded_at; dates YYYY-MM-DD where a query allows one
Result<void> check_username(std::string_view username);
Result<void> check_team_id(std::string_view id);
Result<void> check_team(const Team& team);
Result<void> check_account(const Account& account);
Result<void> check_grant(const Grant& grant);
Result<void> check_session(const Session& session);
Result<void> check_access_entry(const AccessEntry& entry);
Result<void> check_access_query(const AccessQuery& query);
//   drafts: a form address of this site ("/..."), at most 200 characters;
//           fields a JSON object's text of at most 2 MiB (twice the largest
//           body the server takes); a known reason
Result<void> check_draft(const Draft& draft);
Result<void> check_draft_form(std::string_view form);
// A timestamp as recorded_at ("2026-11-22T10:15:30.123Z"; the fraction may be
// left out); `field` names it in the message.
Result<void> check_timestamp(std::string_view value, std::string_view field);
// Whether `role` is a role id of the registry.
bool is_role(std::string_view role);

}  // namespace cinplan::store
