// The server's configuration (DESIGN.md section 12): where it listens, how
// many threads it runs, its limits and timeouts, sessions and lockout, and
// the files it reads at start-up.
//
// Sources, each later one winning: the defaults below, a TOML file
// (`--config FILE`), then CINPLAN_* environment variables. A variable set to
// the empty string counts as unset. Every bad value refuses the whole
// configuration with one line naming the setting, its source and what a good
// value is ("CINPLAN_PORT=abc: the port must be a number from 1 to 65535";
// "server.toml:4: port = 0: ..."); the server does not start.
//
// clang-format off
//   TOML key                    environment variable                default
//   authority                   CINPLAN_AUTHORITY                   "" (the profile's name)
//   contact_phone               CINPLAN_CONTACT_PHONE               "" (the letters: how to
//   contact_email               CINPLAN_CONTACT_EMAIL               ""  reach the service again;
//   contact_address             CINPLAN_CONTACT_ADDRESS             ""  see authority_contact.h)
//   out_of_hours_phone          CINPLAN_OUT_OF_HOURS_PHONE          ""
//   profile                     CINPLAN_PROFILE                     "" (none chosen)
//   bind                        CINPLAN_BIND                        127.0.0.1
//   port                        CINPLAN_PORT                        8080
//   worker_threads              CINPLAN_WORKER_THREADS              2
//   io_threads                  CINPLAN_IO_THREADS                  1
//   session_idle_minutes        CINPLAN_SESSION_IDLE_MINUTES        30
//   session_absolute_hours      CINPLAN_SESSION_ABSOLUTE_HOURS      10
//   lockout_failures            CINPLAN_LOCKOUT_FAILURES            5
//   lockout_minutes             CINPLAN_LOCKOUT_MINUTES             15
//   max_body_bytes              CINPLAN_MAX_BODY_BYTES              1048576 (1 MiB)
//   max_upload_bytes            CINPLAN_MAX_UPLOAD_BYTES            20971520 (20 MiB)
//   max_header_bytes            CINPLAN_MAX_HEADER_BYTES            16384 (16 KiB)
//   read_timeout_seconds        CINPLAN_READ_TIMEOUT_SECONDS        20
//   write_timeout_seconds       CINPLAN_WRITE_TIMEOUT_SECONDS       20
//   handler_timeout_seconds     CINPLAN_HANDLER_TIMEOUT_SECONDS     30
//   max_connections_per_client  CINPLAN_MAX_CONNECTIONS_PER_CLIENT  64
//   max_connections             CINPLAN_MAX_CONNECTIONS             4096
//   tls                         CINPLAN_TLS                         false
//   trusted_proxies             CINPLAN_TRUSTED_PROXIES             "" (none)
//   permissions_file            CINPLAN_PERMISSIONS_FILE            the shipped config/permissions.toml
//   profiles_folder             CINPLAN_PROFILES                    the shipped profiles/
//   templates_folder            CINPLAN_TEMPLATES                   the shipped templates/
//   assets_folder               CINPLAN_ASSETS                      the build's assets/
//   session_key_file            CINPLAN_SESSION_KEY_FILE            none (never in the file)
//                               CINPLAN_SESSION_KEY                 none
// clang-format on
//
// `trusted_proxies` names, separated by commas, the addresses of the
// reverse proxies (nginx) in front of cinplan: a connection from one of
// them is not counted against the per-client cap (the proxy keeps its own,
// per real client), and the client a request is recorded as coming from is
// the last address of its X-Forwarded-For header, the one the proxy added.
// From any other address X-Forwarded-For is ignored.
//
// Values: numbers are whole numbers (in the environment, digits only); tls is
// true or false (in the environment also 1/0, yes/no); `bind` is an IPv4 or
// IPv6 address. `tls = true` says people reach cinplan over HTTPS (nginx in
// front terminating TLS): session cookies are then marked Secure. Relative
// paths in the TOML file are read from the file's folder; in the environment,
// from the working folder. Unknown keys in the file are refused naming the
// line; unknown CINPLAN_* variables are not looked at.
//
// The session key (the secret the session-id digests are keyed with) comes
// only from CINPLAN_SESSION_KEY, or from the file named by
// CINPLAN_SESSION_KEY_FILE or by session_key_file in the TOML file, in that
// order; setting both variables is refused. A key file must be a regular file
// that neither group nor others may read or write (mode & 077 == 0, e.g. chmod
// 600), and its text, less one final newline, is the key. A key is at least
// 32 and at most 4096 bytes. The key itself is never in a message or in
// describe(). Without one, session_key is empty and the server decides
// (e.g. a random key for the run, so sessions end when it stops).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include "app/authority_contact.h"

#include "app/profile_catalog.h"
#include "core/error.h"

namespace cinplan::app {

// Looks a variable up: nullopt when it is not set.
using Environment = std::function<std::optional<std::string>(std::string_view name)>;
// The process's environment (getenv).
Environment process_environment();
// A fixed set of variables, for tests and tools.
Environment environment_of(std::map<std::string, std::string, std::less<>> variables);

// The shipped permission table and profiles folder of this build.
std::filesystem::path default_permissions_file();
std::filesystem::path default_server_profiles_folder();

struct ServerConfig {
  std::string authority;     // the authority's name as people read it; empty: the profile's name
  AuthorityContact contact;  // printed on the letters to families
  std::string profile;       // the authority's default profile id; empty: none chosen
  std::string bind = "127.0.0.1";
  std::uint16_t port = 8080;
  unsigned worker_threads = 2;  // handlers (the database work)
  unsigned io_threads = 1;      // the HTTP connections
  std::chrono::minutes session_idle_timeout{30};
  std::chrono::minutes session_absolute_timeout{10 * 60};
  unsigned lockout_failures = 5;  // failed sign-ins in a row before the account is locked
  std::chrono::minutes lockout_duration{15};
  std::size_t max_body_bytes = std::size_t{1} << 20;
  // The largest attachment (a scanned court order, a partner's report): the
  // body of an upload may be this and a little more.
  std::size_t max_upload_bytes = std::size_t{20} << 20;
  std::size_t max_header_bytes = std::size_t{16} << 10;
  std::chrono::seconds read_timeout{20};     // to read one request
  std::chrono::seconds write_timeout{20};    // to write one response
  std::chrono::seconds handler_timeout{30};  // for a handler to answer
  unsigned max_connections_per_client = 64;  // open connections from one client address
  unsigned max_connections = 4096;           // open connections in all
  bool secure_cookies = false;               // `tls`
  std::vector<std::string> trusted_proxies;  // IP addresses of the proxies in front
  std::filesystem::path permissions_file = default_permissions_file();
  std::filesystem::path profiles_folder = default_server_profiles_folder();
  std::filesystem::path templates_folder;  // empty: the build's (pages/site.h)
  std::filesystem::path assets_folder;     // empty: the build's
  std::filesystem::path session_key_file;  // empty: none named
  // Secret: never printed. Empty when none was given.
  std::string session_key;
  // Where each setting given a value came from, by TOML key: "server.toml:4"
  // or "CINPLAN_PORT"; a setting left at its default is absent. The key's
  // source is under "session_key".
  std::map<std::string, std::string, std::less<>> sources;

  // Where `key` came from: its source, or "default".
  std::string source_of(std::string_view key) const;
  // One line for the start-up log: every setting but the session key, of
  // which only where it came from (or that there is none) is said.
  std::string describe() const;
};

// Reads the configuration: defaults, then `config_file` (if not empty; at
// most 1 MiB), then `env`, then the session key. kBadInput (kNotFound for a
// missing file) with one line naming the setting and its source.
Result<ServerConfig> load_server_config(const std::filesystem::path& config_file,
                                        const Environment& env);
// The same from TOML text already read: `file_name` names it in messages and
// relative paths in it are read from `base_folder`.
Result<ServerConfig> load_server_config_text(std::string_view toml_text, std::string_view file_name,
                                             const std::filesystem::path& base_folder,
                                             const Environment& env);

// The configured profile in `catalog`. kBadInput when none is chosen, or it
// is not one of the catalog's (naming where it was set and the known ids).
Result<const Profile*> find_default_profile(const ServerConfig& config,
                                            const ProfileCatalog& catalog);

}  // namespace cinplan::app
