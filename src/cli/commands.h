// The cinplan command line: one function per command. Each returns the exit
// status: 0 done, 2 bad input (one line on stderr naming what is wrong).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cinplan::cli {

struct ObligationsArgs {
  std::string profile;    // required with a case file; with --db, overrides the stored one
  std::string case_file;  // a case-history file, or with `db` a case id
  std::string db;         // a database URL (sqlite:PATH, postgresql://...), or empty
  std::string today;
  bool json = false;
  bool why = false;
};

int run_profiles(const std::filesystem::path& folder);
int run_profile_show(const std::filesystem::path& folder, const std::string& id);
// cinplan profile diff A B [--json]
int run_profile_diff(const std::filesystem::path& folder, const std::string& a,
                     const std::string& b, bool json);
int run_profile_check(const std::vector<std::string>& files);
int run_obligations(const std::filesystem::path& folder, const ObligationsArgs& args);
int run_events(bool markdown);

// cinplan import --db URL [--profile ID] [--by NAME] FILE...
struct ImportArgs {
  std::string db;
  std::string profile;  // empty: each file's folder name
  std::string by;       // empty: $CINPLAN_USER, else the login name
  std::vector<std::string> files;
};
int run_import(const std::filesystem::path& folder, const ImportArgs& args);

// cinplan export --db URL --case ID [--output FILE]
struct ExportArgs {
  std::string db;
  std::string case_id;
  std::string output;  // empty: standard output
};
int run_export(const ExportArgs& args);

// cinplan caseload --db URL [--today DATE] [--worker NAME] [--team NAME] [--why] [--json]
struct CaseloadArgs {
  std::string db;
  std::string today;
  std::string worker;  // empty: every worker
  std::string team;    // empty: every team
  bool why = false;    // each case's items and breaches in full
  bool json = false;
};
int run_caseload(const std::filesystem::path& folder, const CaseloadArgs& args);

// cinplan migrate --db URL
struct MigrateArgs {
  std::string db;
};
int run_migrate(const MigrateArgs& args);

// cinplan serve --db URL [--port N] [--bind ADDRESS] [--config FILE]
struct ServeArgs {
  std::string db;
  std::optional<std::uint16_t> port;  // overrides the configuration's
  std::string bind;                   // overrides the configuration's
  std::string config;                 // TOML file, or empty
};
int run_serve(const ServeArgs& args);
// cinplan user add|team-add|disable|enable|reset-password|grant|revoke|list
// --db URL ... (user_command.cc, grant_command.cc). Passwords come from
// standard input, never from arguments.
struct UserArgs {
  std::string db;
  std::string username;      // the account; for team-add, the team id
  std::string name;          // --name: the display name, or the team's name
  std::string role;          // --role: a role id of the registry
  std::string team;          // --team: a team id
  std::string agency;        // --agency: a partner professional's agency
  std::string line_manager;  // --line-manager: a username
  std::string case_id;       // --case
  std::string reason;        // --reason, for a grant
  bool json = false;         // list --json
};
int run_user_add(const UserArgs& args);
int run_team_add(const UserArgs& args);
// disable (also signs them out everywhere) or enable.
int run_user_disable(const UserArgs& args, bool disabled);
int run_user_reset_password(const UserArgs& args);
int run_user_grant(const UserArgs& args);
int run_user_revoke(const UserArgs& args);
int run_user_list(const UserArgs& args);

// cinplan audit --db URL (--case ID | --user NAME) [--since DATE] [--json]
struct AuditArgs {
  std::string db;
  std::string case_id;
  std::string username;
  std::string since;  // YYYY-MM-DD or a UTC timestamp
  bool json = false;
};
int run_audit(const AuditArgs& args);

// cinplan demo --db URL --profile ID [--children N] [--today DATE]
struct DemoArgs {
  std::string db;
  std::string profile;
  int children = 300;
  std::string today;  // empty: today
};
int run_demo(const std::filesystem::path& folder, const DemoArgs& args);

// Prints "cinplan: <message>" to stderr and returns 2.
// cinplan census validate FILE [--year YEAR] [--json] [--csv FILE]
struct CensusValidateArgs {
  std::string file;
  int year = 0;  // 0: the header's Year
  bool json = false;
  std::string csv;  // also write the findings as CSV to this file
};
int run_census_validate(const CensusValidateArgs& args);

// cinplan census export --db URL --year YEAR --la NNN [--output FILE]
struct CensusExportArgs {
  std::string db;
  int year = 0;
  std::string la;
  std::string output;  // empty: standard output
};
int run_census_export(const CensusExportArgs& args);

int fail(const std::string& message);

}  // namespace cinplan::cli
